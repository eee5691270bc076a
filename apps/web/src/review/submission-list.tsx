import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterCollection } from '../api/endpoints.ts';
import { useFormat } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useRelativeTime } from '../sync/relative-time.ts';
import { useLinkAuthor } from './link-author.ts';
import { ListState } from './list-state.tsx';
import { type RecordText, textDirection } from './record-text.ts';
import type { ServerRecord } from './review-api.ts';
import type { Paged } from './use-paged.ts';

interface Props {
  queue: Paged<ServerRecord>;
  selectedId: string | null;
  onSelect(record: ServerRecord): void;
  text: RecordText;
  quarters: QuarterCollection;
  quarterFilter: string;
  onQuarterFilter(quarterId: string): void;
  /** Records with edits this device has not sent yet. */
  unsent: ReadonlySet<string>;
}

function SubmissionRow({
  record,
  selected,
  unsent,
  onSelect,
  text,
}: {
  record: ServerRecord;
  selected: boolean;
  unsent: boolean;
  onSelect(record: ServerRecord): void;
  text: RecordText;
}) {
  const { t } = useTranslation();
  const relative = useRelativeTime();
  const linkAuthor = useLinkAuthor();
  const { properties } = record;
  const shown = text.present(record);
  const viaLink = linkAuthor(properties.createdBy);
  const words = typeof properties.text === 'string' && properties.text.trim() !== '' ? properties.text : null;
  return (
    <li>
      <button
        type="button"
        className="review-row"
        aria-current={selected ? 'true' : undefined}
        data-record-id={record.id}
        onClick={() => onSelect(record)}
      >
        <span className={`review-row__icon review-row__icon--${properties.kind}`}>
          <Pictogram name={shown.icon} size={26} />
        </span>
        <span className="review-row__body">
          <span className="review-row__title">{shown.categoryLabel ?? shown.kindLabel}</span>
          {words && (
            <span
              className="review-row__excerpt"
              lang={typeof properties.lang === 'string' && properties.lang !== '' ? properties.lang : undefined}
              dir={textDirection(properties.lang)}
            >
              {words}
            </span>
          )}
          <span className="review-row__meta">
            <span>{text.quarterName(properties.quarterId)}</span>
            <time dateTime={properties.createdAt}>{relative(properties.createdAt)}</time>
            {viaLink && <bdi>{viaLink}</bdi>}
            {properties.urgency === 'high' && (
              <span className="review-badge review-badge--urgent">{text.value('urgency', 'high')}</span>
            )}
            {unsent && <span className="review-badge">{t('review.submission.unsentShort')}</span>}
          </span>
        </span>
      </button>
    </li>
  );
}

/** Residents' submissions waiting for a planner, oldest first. */
export function SubmissionList({
  queue,
  selectedId,
  onSelect,
  text,
  quarters,
  quarterFilter,
  onQuarterFilter,
  unsent,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  // Ids are UUIDv7 made on the resident's phone; the server's arrival time is what "waiting longest" means.
  const items = [...queue.items].sort((a, b) => a.properties.createdAt.localeCompare(b.properties.createdAt));
  return (
    <div className="review-list">
      <div className="review-list__filter">
        <label htmlFor={`${id}-quarter`}>{t('review.quarterFilter')}</label>
        <select id={`${id}-quarter`} value={quarterFilter} onChange={(event) => onQuarterFilter(event.target.value)}>
          <option value="">{t('review.allQuarters')}</option>
          {quarters.features.map((quarter) => (
            <option key={quarter.id} value={quarter.id}>
              {quarter.properties.name}
            </option>
          ))}
        </select>
      </div>
      <ListState
        paged={queue}
        count={
          queue.hasMore
            ? t('review.submission.countMore', { shown: format.number(items.length) })
            : t('review.submission.count', { count: items.length })
        }
        empty={t('review.submission.empty')}
        emptyIcon="check"
      />
      {items.length > 0 && (
        <ul className="review-list__items" aria-label={t('review.tab.submissions')}>
          {items.map((record) => (
            <SubmissionRow
              key={record.id}
              record={record}
              selected={record.id === selectedId}
              unsent={unsent.has(record.id)}
              onSelect={onSelect}
              text={text}
            />
          ))}
        </ul>
      )}
      {queue.hasMore && (
        <button
          type="button"
          className="button button--secondary review-list__more"
          disabled={queue.loadingMore}
          onClick={queue.loadMore}
        >
          {t('review.loadMore')}
        </button>
      )}
    </div>
  );
}
