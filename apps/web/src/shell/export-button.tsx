import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { exportLocalData } from '../data/index.ts';
import { exportFileName } from './bytes.ts';

/** The last resort when sync cannot reach the server: every local record, op and photo in one file. */
export function ExportButton() {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');

  async function download() {
    setState('busy');
    try {
      const url = URL.createObjectURL(await exportLocalData());
      const link = document.createElement('a');
      link.href = url;
      link.download = exportFileName(new Date());
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started by now; the URL only pins the Blob in memory.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState('idle');
    } catch (error) {
      console.error('export failed', error);
      setState('failed');
    }
  }

  return (
    <div className="export">
      <button
        type="button"
        className="button button--secondary menu__action"
        onClick={download}
        disabled={state === 'busy'}
      >
        <Icon name="download" />
        <span>{state === 'busy' ? t('shell.exporting') : t('shell.export')}</span>
      </button>
      <p className="menu__hint">{t('shell.exportHint')}</p>
      {state === 'failed' && (
        <p className="form-error" role="alert">
          <Icon name="alert" />
          <span>{t('shell.exportFailed')}</span>
        </p>
      )}
    </div>
  );
}
