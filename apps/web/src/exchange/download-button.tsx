import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, requestFile, UNKNOWN_ERROR } from '../api/client.ts';
import { Icon } from '../components/icon.tsx';
import { LoadError } from '../components/status.tsx';

/** Hands a downloaded file to the browser's save dialog under the server's file name. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob when the download starts; give it time before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type State = { status: 'idle' } | { status: 'busy' } | { status: 'failed'; error: ApiError };

/**
 * An export download: fetched with the device token, so it works as long as the device is signed
 * in, and a refusal (too many records, no access, no network) shows as a translated message.
 */
export function DownloadButton({ url, label, fallbackName }: { url: string; label: string; fallbackName: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'idle' });
  const download = async () => {
    setState({ status: 'busy' });
    try {
      const file = await requestFile(url);
      save(file.blob, file.fileName ?? fallbackName);
      setState({ status: 'idle' });
    } catch (error) {
      setState({
        status: 'failed',
        error: error instanceof ApiError ? error : new ApiError(UNKNOWN_ERROR, 0, String(error)),
      });
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        aria-busy={state.status === 'busy'}
        disabled={state.status === 'busy'}
        onClick={() => void download()}
      >
        {state.status === 'busy' ? <span className="loading__spinner" aria-hidden="true" /> : <Icon name="download" />}
        <span>{label}</span>
      </button>
      {state.status === 'failed' && (
        <LoadError title={t('exchange.export.failed')} error={state.error} onRetry={() => void download()} />
      )}
    </>
  );
}
