import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerMedia } from '../hooks/use-server-media.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useOnline } from '../shell/online.ts';
import { MediaIcon } from './media-icons.tsx';
import './media.css';

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
