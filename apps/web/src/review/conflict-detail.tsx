import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../api/client.ts';
import { errorKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useDateFormat } from '../records/use-date-format.ts';
import { useSyncActions } from '../sync/index.ts';
import { lostFields, sideTimes } from './conflict-sides.ts';
import { HistoryTimeline, useHistory } from './record-history.tsx';
import type { PresentableRecord, RecordText } from './record-text.ts';
import { type Conflict, type ConflictWriter, resolveConflict } from './review-api.ts';
import { useWriterName } from './writer-name.ts';

/** Answers that mean the list is out of date: someone else resolved the conflict meanwhile. */
export const CONFLICT_STALE_CODES: ReadonlySet<string> = new Set(['CONFLICT_RESOLVED', 'CONFLICT_NOT_FOUND']);

export type Resolution = 'keep' | 'restore-lost';

interface Props {
  conflict: Conflict;
  record: PresentableRecord | null | undefined;
  text: RecordText;
  headingId: string;
  onResolved(conflict: Conflict, action: Resolution): void;
  onStale(code: string): void;
}

function FieldList({ value, text }: { value: unknown; text: RecordText }) {
  const fields = lostFields(value);
  return (
    <dl className="conflict-side__fields">
      {fields.map(({ field, value: entry }) => (
        <div key={field}>
          <dt>{text.fieldLabel(field)}</dt>
          <dd dir="auto">{text.value(field, entry)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Side({
  variant,
  heading,
  writer,
  at,
  children,
}: {
  variant: 'kept' | 'lost';
  heading: string;
  writer: ConflictWriter | null;
  at: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const names = useWriterName();
  return (
    <section className={`conflict-side conflict-side--${variant}`}>
      <h3 className="conflict-side__heading">
        <Pictogram name={variant === 'kept' ? 'check' : 'undo'} size={18} />
        <span>{heading}</span>
      </h3>
      <div className="conflict-side__value">{children}</div>
      <p className="conflict-side__by">
        <span>{t('review.conflict.by', { name: names.ofConflict(writer) })}</span>
        {at && <time dateTime={at}>{dates.dateTime(at)}</time>}
      </p>
    </section>
  );
}

/** One conflict: the value that stayed and the value that lost, side by side, with the two ways out. */
export function ConflictDetail({ conflict, record, text, headingId, onResolved, onStale }: Props) {
  const { t } = useTranslation();
  const sync = useSyncActions();
  const history = useHistory(conflict.recordId);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const shown = record ? text.present(record) : null;
  const events = history.loaded.state === 'ready' ? history.loaded.events : null;
  const times = sideTimes(conflict, events);
  const whole = conflict.kind !== 'field';
  const fieldLabel = text.fieldLabel(conflict.field);
  const apart = conflict.field === 'geometry' ? text.distance(conflict.keptValue, conflict.lostValue) : null;

  const resolve = async (action: Resolution) => {
    setBusy(true);
    setFailure(null);
    try {
      await resolveConflict(conflict.id, action);
      // A restored value is a new version on the server: fetch it now rather than at the next round.
      if (action === 'restore-lost') sync?.syncNow();
      onResolved(conflict, action);
    } catch (error) {
      const apiError = toApiError(error);
      setBusy(false);
      if (CONFLICT_STALE_CODES.has(apiError.code)) onStale(apiError.code);
      else setFailure(apiError);
    }
  };

  return (
    <article className="review-detail review-detail--conflict" aria-labelledby={headingId}>
      <header className="review-detail__head">
        <span className={`review-row__icon review-row__icon--${shown ? record?.properties.kind : 'unknown'}`}>
          <Pictogram name={shown?.icon ?? 'alert'} size={32} />
        </span>
        <div>
          <h2 id={headingId} className="review-detail__title" tabIndex={-1}>
            <bdi>{shown?.title ?? t('review.conflict.unknownRecord')}</bdi>
          </h2>
          {shown && (
            <p className="review-detail__meta">
              <span>{shown.categoryLabel ?? shown.kindLabel}</span>
              {typeof record?.properties.quarterId === 'string' && (
                <span>{text.quarterName(record.properties.quarterId)}</span>
              )}
            </p>
          )}
        </div>
      </header>

      <p className="review-conflict__what">
        {conflict.kind === 'field'
          ? t('review.conflict.explain.field', { field: fieldLabel })
          : t(
              `review.conflict.explain.${conflict.kind === 'edit-after-delete' ? 'editAfterDelete' : 'deleteAfterEdit'}`,
            )}
      </p>

      <div className="conflict-sides">
        <Side variant="kept" heading={t('review.conflict.kept')} writer={conflict.keptBy} at={times.keptAt}>
          {whole ? (
            <p className="conflict-side__deleted">{t('review.conflict.deleted')}</p>
          ) : (
            <p className="conflict-side__text" dir="auto">
              {text.value(conflict.field, conflict.keptValue)}
            </p>
          )}
        </Side>
        <Side variant="lost" heading={t('review.conflict.lost')} writer={conflict.lostBy} at={times.lostAt}>
          {whole ? (
            <FieldList value={conflict.lostValue} text={text} />
          ) : (
            <p className="conflict-side__text" dir="auto">
              {text.value(conflict.field, conflict.lostValue)}
            </p>
          )}
          {apart && <p className="conflict-side__moved">{t('review.conflict.apart', { distance: apart })}</p>}
        </Side>
      </div>

      {failure && (
        <p className="form-error" role="alert">
          <Pictogram name="alert" size={18} />
          <span>{t(errorKey(failure.code))}</span>
        </p>
      )}

      <div className="review-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void resolve('keep')}>
          <Pictogram name="check" size={20} />
          <span>{t(whole ? 'review.conflict.keepDeleted' : 'review.conflict.keep')}</span>
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void resolve('restore-lost')}
        >
          <Pictogram name="undo" size={20} />
          <span>
            {t(
              conflict.kind === 'field'
                ? 'review.conflict.restore'
                : conflict.kind === 'edit-after-delete'
                  ? 'review.conflict.restoreEdit'
                  : 'review.conflict.undoDelete',
            )}
          </span>
        </button>
      </div>

      <HistoryTimeline history={history} text={text} />
    </article>
  );
}
