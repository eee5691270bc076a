import { TARGET_GROUPS } from '@quartiersatlas/domain';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../api/client.ts';
import { db } from '../data/index.ts';
import { errorKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useDateFormat } from '../records/use-date-format.ts';
import { useSyncActions } from '../sync/index.ts';
import { useRelativeTime } from '../sync/relative-time.ts';
import { useLinkAuthor } from './link-author.ts';
import { RecordHistory } from './record-history.tsx';
import { type RecordText, textDirection } from './record-text.ts';
import { RejectForm } from './reject-form.tsx';
import { publishRecord, rejectRecord, type ServerRecord } from './review-api.ts';
import type { EditRecord } from './review-types.ts';
import { SubmissionMedia } from './submission-media.tsx';

/** Answers that mean the queue is out of date: someone else acted, or the record changed meanwhile. */
export const STALE_CODES: ReadonlySet<string> = new Set(['RECORD_NOT_PENDING', 'VERSION_CONFLICT', 'RECORD_NOT_FOUND']);

interface Props {
  record: ServerRecord;
  text: RecordText;
  /** This device holds an edit of the record that has not reached the server yet. */
  unsent: boolean;
  headingId: string;
  onDone(record: ServerRecord, outcome: 'published' | 'rejected'): void;
  onStale(code: string): void;
  onEditRecord: EditRecord;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="review-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One resident submission in full, with publish, edit and reject. */
export function SubmissionDetail({ record, text, unsent, headingId, onDone, onStale, onEditRecord }: Props) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const relative = useRelativeTime();
  const sync = useSyncActions();
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [notLocal, setNotLocal] = useState(false);
  const [showText, setShowText] = useState(false);
  const linkAuthor = useLinkAuthor();
  const showTextId = useId();
  const { properties } = record;
  const viaLink = linkAuthor(properties.createdBy);
  const shown = text.present(record);
  const words = typeof properties.text === 'string' && properties.text.trim() !== '' ? properties.text : null;
  const lang = typeof properties.lang === 'string' && properties.lang !== '' ? properties.lang : undefined;
  const groups = Array.isArray(properties.targetGroups)
    ? TARGET_GROUPS.filter((group) => (properties.targetGroups as unknown[]).includes(group))
    : [];
  const media = Array.isArray(properties.media) ? (properties.media as string[]) : [];
  const reasonRefused = failure?.code === 'VALIDATION_FAILED' && failure.fields.includes('reason');

  const act = async (outcome: 'published' | 'rejected', action: () => Promise<ServerRecord>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      // This device's copy still says "pending": fetch the new state now rather than at the next round.
      sync?.syncNow();
      onDone(record, outcome);
    } catch (error) {
      const apiError = toApiError(error);
      setBusy(false);
      if (STALE_CODES.has(apiError.code)) onStale(apiError.code);
      else setFailure(apiError);
    }
  };

  const edit = async () => {
    // The form edits this device's copy (and sync sends the change), so the record must be here.
    const local = await db.records.get(record.id);
    if (!local || local.deleted) {
      setNotLocal(true);
      return;
    }
    onEditRecord({ id: local.id, kind: local.kind, geometry: local.feature.geometry });
  };

  return (
    <article className="review-detail review-detail--submission" aria-labelledby={headingId}>
      <header className="review-detail__head">
        <span className={`review-row__icon review-row__icon--${properties.kind}`}>
          <Pictogram name={shown.icon} size={32} />
        </span>
        <div>
          <h2 id={headingId} className="review-detail__title" tabIndex={-1}>
            {shown.categoryLabel ?? shown.kindLabel}
          </h2>
          <p className="review-detail__meta">
            <span>{shown.kindLabel}</span>
            <span>{text.quarterName(properties.quarterId)}</span>
            <time dateTime={properties.createdAt}>{relative(properties.createdAt)}</time>
          </p>
        </div>
      </header>

      {words ? (
        <figure className="review-quote">
          <blockquote lang={lang} dir={textDirection(lang)}>
            <p>{words}</p>
          </blockquote>
          {lang && <figcaption>{t('review.submission.writtenIn', { language: text.languageName(lang) })}</figcaption>}
        </figure>
      ) : (
        <p className="review-muted">{t('review.submission.noText')}</p>
      )}

      <dl className="review-facts">
        <Fact label={t('capture.field.targetGroups')}>
          {groups.length > 0 ? (
            <ul className="review-chips">
              {groups.map((group) => (
                <li key={group} className="chip">
                  {t(`targetGroup.${group}`)}
                </li>
              ))}
            </ul>
          ) : (
            t('review.value.empty')
          )}
        </Fact>
        <Fact label={t('capture.field.urgency')}>
          <span className={`review-urgency review-urgency--${String(properties.urgency ?? 'medium')}`}>
            {text.value('urgency', properties.urgency ?? 'medium')}
          </span>
        </Fact>
        <Fact label={t('review.field.supporters')}>
          {Number(properties.supporters ?? 0) > 0
            ? t('review.submission.supporters', { count: Number(properties.supporters) })
            : t('review.submission.noSupporters')}
        </Fact>
        {viaLink && (
          <Fact label={t('review.submission.from')}>
            <bdi>{viaLink}</bdi>
          </Fact>
        )}
        <Fact label={t('review.submission.submitted')}>
          <time dateTime={properties.createdAt}>{dates.dateTime(properties.createdAt)}</time>
        </Fact>
        {typeof properties.note === 'string' && properties.note !== '' && (
          <Fact label={t('capture.field.note')}>
            <bdi>{properties.note}</bdi>
          </Fact>
        )}
      </dl>

      <SubmissionMedia ids={media} />

      {unsent && (
        <p className="notice notice--warning review-notice">
          <Pictogram name="pending" size={20} />
          <span>{t('review.submission.unsent')}</span>
        </p>
      )}
      {notLocal && (
        <div className="notice notice--warning review-notice" role="alert">
          <Pictogram name="alert" size={20} />
          <span>{t('review.submission.notLocal')}</span>
          {sync && (
            <button type="button" className="button button--secondary" onClick={() => sync.syncNow()}>
              {t('review.submission.syncNow')}
            </button>
          )}
        </div>
      )}
      {failure && !reasonRefused && (
        <p className="form-error" role="alert">
          <Pictogram name="alert" size={18} />
          <span>{t(errorKey(failure.code))}</span>
        </p>
      )}

      {rejecting ? (
        <RejectForm
          busy={busy}
          serverInvalid={reasonRefused}
          onReject={(reason) => void act('rejected', () => rejectRecord(record, reason))}
          onCancel={() => {
            setRejecting(false);
            setFailure(null);
          }}
        />
      ) : (
        <div className="review-actions">
          {words && properties.kind === 'need' && (
            <div className="review-show-text">
              <input
                id={showTextId}
                type="checkbox"
                checked={showText}
                disabled={busy}
                aria-describedby={`${showTextId}-hint`}
                onChange={(event) => setShowText(event.target.checked)}
              />
              <label htmlFor={showTextId}>{t('review.submission.showText')}</label>
              <p id={`${showTextId}-hint`} className="review-show-text__hint">
                {t('review.submission.showTextHint')}
              </p>
            </div>
          )}
          <button
            type="button"
            className="button button--primary"
            disabled={busy || unsent}
            onClick={() => void act('published', () => publishRecord(record, showText))}
          >
            <Pictogram name="check" size={20} />
            <span>{t('review.submission.publish')}</span>
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void edit()}>
            <Pictogram name="draw" size={20} />
            <span>{t('review.submission.edit')}</span>
          </button>
          <button
            type="button"
            className="button button--secondary review-button--reject"
            disabled={busy}
            onClick={() => setRejecting(true)}
          >
            <Pictogram name="close" size={20} />
            <span>{t('review.submission.reject')}</span>
          </button>
        </div>
      )}

      <RecordHistory recordId={record.id} text={text} />
    </article>
  );
}
