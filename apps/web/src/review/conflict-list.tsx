import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useRelativeTime } from '../sync/relative-time.ts';
import { ListState } from './list-state.tsx';
import type { PresentableRecord, RecordText } from './record-text.ts';
import type { Conflict } from './review-api.ts';
import type { Paged } from './use-paged.ts';
import { useWriterName } from './writer-name.ts';

interface Props {
  conflicts: Paged<Conflict>;
  records: ReadonlyMap<string, PresentableRecord | null>;
  selectedId: string | null;
  onSelect(conflict: Conflict): void;
  text: RecordText;
}

function ConflictRow({
  conflict,
  record,
  selected,
  onSelect,
  text,
}: {
  conflict: Conflict;
  record: PresentableRecord | null | undefined;
  selected: boolean;
  onSelect(conflict: Conflict): void;
  text: RecordText;
}) {
  const { t } = useTranslation();
  const relative = useRelativeTime();
  const names = useWriterName();
  const shown = record ? text.present(record) : null;
  const what =
    conflict.kind === 'field'
      ? text.fieldLabel(conflict.field)
      : t(
          conflict.kind === 'edit-after-delete' ? 'review.conflict.editAfterDelete' : 'review.conflict.deleteAfterEdit',
        );
  return (
    <li>
      <button
        type="button"
        className="review-row"
        aria-current={selected ? 'true' : undefined}
        data-conflict-id={conflict.id}
        onClick={() => onSelect(conflict)}
      >
        <span className={`review-row__icon review-row__icon--${record?.properties.kind ?? 'unknown'}`}>
          <Pictogram name={shown?.icon ?? 'alert'} size={26} />
        </span>
        <span className="review-row__body">
          <span className="review-row__title">
            <bdi>{shown?.title ?? (record === null ? t('review.conflict.unknownRecord') : t('common.loading'))}</bdi>
          </span>
          <span className="review-row__excerpt">{what}</span>
          <span className="review-row__meta">
            <span>
              {t('review.conflict.between', {
                kept: names.ofConflict(conflict.keptBy),
                lost: names.ofConflict(conflict.lostBy),
              })}
            </span>
            <time dateTime={conflict.createdAt}>{relative(conflict.createdAt)}</time>
          </span>
        </span>
      </button>
    </li>
  );
}

/** Open sync conflicts, newest first: values that lost a clash, and edits that met a delete. */
export function ConflictList({ conflicts, records, selectedId, onSelect, text }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="review-list">
      <ListState
        paged={conflicts}
        count={
          conflicts.hasMore
            ? t('review.conflict.countMore', { shown: format.number(conflicts.items.length) })
            : t('review.conflict.count', { count: conflicts.items.length })
        }
        empty={t('review.conflict.empty')}
        emptyIcon="check"
      />
      {conflicts.items.length > 0 && (
        <ul className="review-list__items" aria-label={t('review.tab.conflicts')}>
          {conflicts.items.map((conflict) => (
            <ConflictRow
              key={conflict.id}
              conflict={conflict}
              record={records.get(conflict.recordId)}
              selected={conflict.id === selectedId}
              onSelect={onSelect}
              text={text}
            />
          ))}
        </ul>
      )}
      {conflicts.hasMore && (
        <button
          type="button"
          className="button button--secondary review-list__more"
          disabled={conflicts.loadingMore}
          onClick={conflicts.loadMore}
        >
          {t('review.loadMore')}
        </button>
      )}
    </div>
  );
}
