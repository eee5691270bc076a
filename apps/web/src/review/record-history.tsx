import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../api/client.ts';
import { errorKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useDateFormat } from '../records/use-date-format.ts';
import type { RecordText } from './record-text.ts';
import { fetchHistory, type HistoryAction, type HistoryEvent } from './review-api.ts';
import { useWriterName } from './writer-name.ts';

const ACTION_ICONS: Record<HistoryAction, string> = {
  create: 'plus',
  update: 'draw',
  delete: 'trash',
  restore: 'undo',
  publish: 'check',
  reject: 'close',
  resolve: 'layers',
  erase: 'trash',
  anonymise: 'close',
};

export type Loaded =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError }
  | { state: 'ready'; events: HistoryEvent[] };

/** A record's history from the server; `refresh` changes when the caller knows a new event was written. */
export function useHistory(recordId: string, refresh = 0): { loaded: Loaded; retry(): void } {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh and attempt ask for the same history again
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    fetchHistory(recordId, controller.signal).then(
      (events) => setLoaded({ state: 'ready', events }),
      (failure: unknown) => {
        if (!controller.signal.aborted) setLoaded({ state: 'error', error: toApiError(failure) });
      },
    );
    return () => controller.abort();
  }, [recordId, refresh, attempt]);
  return { loaded, retry: () => setAttempt((value) => value + 1) };
}

function Change({ field, before, after, text }: { field: string; before: unknown; after: unknown; text: RecordText }) {
  const { t } = useTranslation();
  const apart = field === 'geometry' ? text.distance(before, after) : null;
  const moved = apart === null ? null : t('review.value.moved', { distance: apart });
  const added = before === null || before === undefined;
  return (
    <div className="history-change">
      <dt>{text.fieldLabel(field)}</dt>
      <dd>
        {moved ? (
          <ins>{moved}</ins>
        ) : (
          <>
            {!added && (
              <>
                <del dir="auto">{text.value(field, before)}</del>
                <span className="history-change__arrow" aria-hidden="true" />
              </>
            )}
            <ins dir="auto">{text.value(field, after)}</ins>
          </>
        )}
      </dd>
    </div>
  );
}

/** A record's first event lists every field it was made with: folded away when that is more than a few. */
const FIELDS_SHOWN_OPEN = 3;

function ChangeList({
  changes,
  text,
}: {
  changes: Array<[string, { before: unknown; after: unknown }]>;
  text: RecordText;
}) {
  return (
    <dl className="history-event__changes">
      {changes.map(([field, change]) => (
        <Change key={field} field={field} before={change.before} after={change.after} text={text} />
      ))}
    </dl>
  );
}

function Event({ event, text }: { event: HistoryEvent; text: RecordText }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const writer = useWriterName();
  const changes = Object.entries(event.changes);
  return (
    <li className={`history-event history-event--${event.action}`}>
      <span className="history-event__icon">
        <Pictogram name={ACTION_ICONS[event.action] ?? 'pending'} size={18} />
      </span>
      <div className="history-event__body">
        <p className="history-event__head">
          <strong>{t(`review.history.action.${event.action}`)}</strong>
          <span>
            <bdi>{writer.ofEvent(event.by)}</bdi>
          </span>
          <time dateTime={event.at}>{dates.dateTime(event.at)}</time>
        </p>
        {event.note && (
          <p className="history-event__note">
            <span>{t(event.action === 'reject' ? 'review.history.reason' : 'review.history.note')}</span>
            <q dir="auto">{event.note}</q>
          </p>
        )}
        {changes.length > 0 && event.action === 'create' && changes.length > FIELDS_SHOWN_OPEN ? (
          <details className="history-event__details">
            <summary>{t('review.history.createdWith', { shown: changes.length })}</summary>
            <ChangeList changes={changes} text={text} />
          </details>
        ) : (
          changes.length > 0 && <ChangeList changes={changes} text={text} />
        )}
      </div>
    </li>
  );
}

export type HistoryLoad = ReturnType<typeof useHistory>;

/** The timeline of one record: who created, changed, published or rejected it, and what changed. */
export function HistoryTimeline({ history, text }: { history: HistoryLoad; text: RecordText }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { loaded, retry } = history;
  return (
    <section className="history" aria-labelledby={headingId} aria-busy={loaded.state === 'loading'}>
      <h3 id={headingId} className="review-detail__subheading">
        {t('review.history.heading')}
      </h3>
      {loaded.state === 'loading' && (
        <p className="loading">
          <span className="loading__spinner" aria-hidden="true" />
          <span>{t('common.loading')}</span>
        </p>
      )}
      {loaded.state === 'error' && (
        <div className="review-problem" role="alert">
          <p>{t(errorKey(loaded.error.code))}</p>
          <button type="button" className="button button--secondary" onClick={retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {loaded.state === 'ready' && loaded.events.length === 0 && (
        <p className="review-muted">{t('review.history.empty')}</p>
      )}
      {loaded.state === 'ready' && loaded.events.length > 0 && (
        <ol className="history__events">
          {loaded.events.map((event) => (
            <Event key={`${event.version}-${event.action}`} event={event} text={text} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** A record's history, loaded here; `refresh` changes when the caller knows a new event was written. */
export function RecordHistory({ recordId, text, refresh }: { recordId: string; text: RecordText; refresh?: number }) {
  return <HistoryTimeline history={useHistory(recordId, refresh)} text={text} />;
}
