import { type RefusedMedia, SYNC_META } from '@quartiersatlas/sync';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { MediaIcon } from '../capture/index.ts';
import { db, type MediaItem, removeMedia } from '../data/index.ts';
import { errorKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { ProblemSection } from './problem-section.tsx';
import { useItemAction } from './use-item-action.ts';

export interface RefusedMediaEntry {
  refused: RefusedMedia;
  item: MediaItem;
}

/** Photos and voice notes the server refused and that are still on this device, oldest first. */
export async function refusedMediaEntries(): Promise<RefusedMediaEntry[]> {
  const entry = await db.meta.get(SYNC_META.refusedMedia);
  const refused = Object.values((entry?.value ?? {}) as Record<string, RefusedMedia>);
  const items = await db.media.bulkGet(refused.map((item) => item.id));
  return refused
    .flatMap((item, i) => {
      const stored = items[i];
      return stored && !stored.uploaded ? [{ refused: item, item: stored }] : [];
    })
    .sort((a, b) => a.refused.refusedAt.localeCompare(b.refused.refusedAt));
}

function RefusedMediaItem({
  entry,
  retry,
}: {
  entry: RefusedMediaEntry;
  retry: ((id: string) => Promise<void>) | null;
}) {
  const { t } = useTranslation();
  const { busy, failed, run } = useItemAction();
  const { refused, item } = entry;

  const act = (action: (id: string) => Promise<void>) => run(() => action(refused.id));

  return (
    <li className="rejected" data-media-id={refused.id}>
      <div className="rejected__what">
        <span className="rejected__icon">
          <MediaIcon name={item.kind === 'audio' ? 'mic' : 'image'} size={24} />
        </span>
        <div className="rejected__text">
          <p className="rejected__title">
            {t(item.kind === 'audio' ? 'sync.refusedMedia.voiceNote' : 'sync.refusedMedia.photo')}
          </p>
        </div>
      </div>
      <div className="rejected__why">
        <p className="rejected__reason">{t(errorKey(refused.code))}</p>
      </div>
      {failed && (
        <p className="form-error" role="alert">
          {t('sync.rejected.failed')}
        </p>
      )}
      <div className="rejected__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || !retry}
          onClick={() => retry && void act(retry)}
        >
          <Pictogram name="undo" size={20} />
          <span>{t('sync.rejected.retry')}</span>
        </button>
        <button
          type="button"
          className="button rejected__discard"
          disabled={busy}
          onClick={() => void act((id) => removeMedia(id))}
        >
          <Pictogram name="trash" size={20} />
          <span>{t('sync.refusedMedia.remove')}</span>
        </button>
      </div>
    </li>
  );
}

/** Files the server would not take (wrong type, too large, damaged): they never hold up the records. */
export function RefusedMediaList({ retry }: { retry: ((id: string) => Promise<void>) | null }) {
  const { t } = useTranslation();
  const entries = useLiveQuery(refusedMediaEntries, [], []);
  if (entries.length === 0) return null;
  return (
    <ProblemSection
      headingId="refused-media-heading"
      heading={t('sync.refusedMedia.heading')}
      intro={t('sync.refusedMedia.intro')}
    >
      {entries.map((entry) => (
        <RefusedMediaItem key={entry.refused.id} entry={entry} retry={retry} />
      ))}
    </ProblemSection>
  );
}
