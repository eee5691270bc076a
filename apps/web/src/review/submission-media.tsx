import { useTranslation } from 'react-i18next';
import { MediaIcon } from '../capture/index.ts';
import { useServerMedia } from '../hooks/use-server-media.ts';
import { useOnline } from '../shell/online.ts';

function MediaFile({ id, number }: { id: string; number: number }) {
  const { t } = useTranslation();
  const online = useOnline();
  const loaded = useServerMedia(id, online);
  const label = t('review.submission.file', { number });
  if (loaded.state === 'shown' && loaded.mime.startsWith('image/')) {
    return (
      <li className="review-media__item review-media__item--photo">
        <a href={loaded.url} target="_blank" rel="noreferrer" title={t('review.submission.openPhoto')}>
          <img src={loaded.url} alt={label} />
        </a>
      </li>
    );
  }
  if (loaded.state === 'shown') {
    return (
      <li className="review-media__item review-media__item--audio">
        <MediaIcon name="mic" size={24} />
        {/* biome-ignore lint/a11y/useMediaCaption: a resident's own spoken note has no transcript to caption */}
        <audio controls preload="metadata" src={loaded.url} aria-label={label} />
      </li>
    );
  }
  return (
    <li className="review-media__item review-media__item--missing" aria-busy={loaded.state === 'loading'}>
      {loaded.state === 'loading' ? (
        <span className="loading__spinner" role="img" aria-label={label} />
      ) : (
        <>
          <MediaIcon name="image" size={24} />
          <span>{t('review.submission.fileUnavailable')}</span>
        </>
      )}
    </li>
  );
}

/** The photos and voice notes a resident attached, loaded from the server. */
export function SubmissionMedia({ ids }: { ids: readonly string[] }) {
  if (ids.length === 0) return null;
  return (
    <ul className="review-media">
      {ids.map((id, index) => (
        <MediaFile key={id} id={id} number={index + 1} />
      ))}
    </ul>
  );
}
