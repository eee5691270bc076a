import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { authHeaders } from '../shell/auth.ts';
import { useOnline } from '../shell/online.ts';
import { MediaIcon } from './media-icons.tsx';
import './media.css';

type Loaded = { state: 'loading' } | { state: 'shown'; url: string; mime: string } | { state: 'unavailable' };

/**
 * The bytes of a photo or voice note this device does not hold, from `GET /api/v1/media/:sha256`
 * (signed in with the device token). Offline, or when the server cannot send it, there is nothing
 * to show but a neutral placeholder.
 */
function useServerMedia(id: string, online: boolean): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    if (!online) {
      setLoaded({ state: 'unavailable' });
      return;
    }
    const controller = new AbortController();
    let url: string | null = null;
    setLoaded({ state: 'loading' });
    void (async () => {
      try {
        const response = await fetch(`/api/v1/media/${encodeURIComponent(id)}`, {
          headers: await authHeaders(),
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const blob = await response.blob();
        url = URL.createObjectURL(blob);
        setLoaded({ state: 'shown', url, mime: blob.type });
      } catch (error) {
        if (!controller.signal.aborted) {
          console.warn('media not loaded from the server', id, error);
          setLoaded({ state: 'unavailable' });
        }
      }
    })();
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, online]);
  return loaded;
}

function ServerItem({ id, number, onRemove }: { id: string; number: number; onRemove(): void }) {
  const { t } = useTranslation();
  const online = useOnline();
  const loaded = useServerMedia(id, online);
  const label = t('capture.serverMedia.label', { number });
  return (
    <li className="photo-thumb server-media__item" data-state={loaded.state}>
      {loaded.state === 'shown' && loaded.mime.startsWith('image/') && (
        <img className="photo-thumb__image" src={loaded.url} alt={label} />
      )}
      {loaded.state === 'shown' && !loaded.mime.startsWith('image/') && (
        <>
          <span className="photo-thumb__image photo-thumb__image--placeholder" role="img" aria-label={label}>
            <MediaIcon name="mic" size={32} />
          </span>
          {/* biome-ignore lint/a11y/useMediaCaption: a resident's own spoken note has no transcript to caption */}
          <audio className="server-media__player" controls preload="metadata" src={loaded.url} aria-label={label} />
        </>
      )}
      {loaded.state !== 'shown' && (
        <span
          className="photo-thumb__image photo-thumb__image--placeholder"
          role="img"
          aria-label={label}
          aria-busy={loaded.state === 'loading'}
        >
          {loaded.state === 'loading' ? <span className="loading__spinner" /> : <MediaIcon name="image" size={32} />}
        </span>
      )}
      {loaded.state === 'unavailable' && <span className="photo-thumb__size">{t('capture.serverMedia.offline')}</span>}
      <button
        type="button"
        className="photo-thumb__remove"
        onClick={onRemove}
        aria-label={t('capture.serverMedia.remove', { number })}
        title={t('capture.serverMedia.remove', { number })}
      >
        <Pictogram name="trash" size={20} />
      </button>
    </li>
  );
}

/** Photos and voice notes of a record that came from the server and are not on this device. */
export function ServerMedia({ ids, onRemove }: { ids: readonly string[]; onRemove(id: string): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (ids.length === 0) return null;
  return (
    <section className="capture-section server-media" aria-labelledby={headingId}>
      <h3 id={headingId} className="capture-section__title">
        {t('capture.serverMedia.heading')}
      </h3>
      <ul className="photo-thumbs">
        {ids.map((id, index) => (
          <ServerItem key={id} id={id} number={index + 1} onRemove={() => onRemove(id)} />
        ))}
      </ul>
    </section>
  );
}
