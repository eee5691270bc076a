import type { ResidentLink } from '@quartiersatlas/domain';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePendingIds } from '../data/index.ts';
import { errorKey, useFormat } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import {
  LinkDetail,
  LinkForm,
  LinkList,
  PosterPrint,
  useLinkNames,
  useResidentLinks,
  useSessions,
} from '../links/index.ts';
import type { WorkspaceProps } from '../workspace-props.ts';
import { ConflictDetail, type Resolution } from './conflict-detail.tsx';
import { ConflictList } from './conflict-list.tsx';
import { HistoryLookup } from './history-lookup.tsx';
import { LinkTitles } from './link-author.ts';
import { useRecordText } from './record-text.ts';
import { type Conflict, fetchConflicts, fetchPending, type ServerRecord } from './review-api.ts';
import { panelId, type ReviewTab, ReviewTabs, tabId } from './review-tabs.tsx';
import { SubmissionDetail } from './submission-detail.tsx';
import { SubmissionList } from './submission-list.tsx';
import { usePaged } from './use-paged.ts';
import { useRecordLookup } from './use-record-lookup.ts';
import { useWide } from './use-wide.ts';
import './review.css';
import './review-list.css';
import './review-detail.css';
import './review-conflict.css';
import './review-history.css';

export interface ReviewViewProps extends WorkspaceProps {
  /** Opens a record in the capture form (the shell switches to the capture view). */
  onEditRecord: (record: { id: string; kind: string; geometry: unknown }) => void;
}

type Status = { tone: 'done' | 'warning'; message: string } | null;

/** The links tab's choice when the form for a new link is open. */
const NEW_LINK = 'new';

/** The entry after `id` in `ids` (or the one before it at the end), to move on once `id` is handled. */
function nextAfter(ids: readonly string[], id: string): string | null {
  const index = ids.indexOf(id);
  return ids[index + 1] ?? ids[index - 1] ?? null;
}

/** The item whose detail shows: the chosen one while it is listed, else on a wide screen the first. */
function shownSelection(chosen: string | null, ids: readonly string[], wide: boolean): string | null {
  if (chosen !== null && ids.includes(chosen)) return chosen;
  return wide ? (ids[0] ?? null) : null;
}

/** Items with edits not yet sent; when one of them arrives at the server, `onSent` runs. */
function useUnsent(ids: readonly string[], onSent: () => void): ReadonlySet<string> {
  const pending = usePendingIds();
  const unsent = new Set(ids.filter((id) => pending.has(id)));
  const key = [...unsent].sort().join(',');
  const previous = useRef(key);
  const sent = useRef(onSent);
  sent.current = onSent;
  useEffect(() => {
    const before = previous.current === '' ? [] : previous.current.split(',');
    previous.current = key;
    if (before.some((id) => !key.split(',').includes(id))) sent.current();
  }, [key]);
  return unsent;
}

/** The planner's review: residents' submissions to moderate, sync conflicts to settle, any record's history. */
export function ReviewView({ taxonomy, quarters, quarterId, onEditRecord }: ReviewViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const wide = useWide();
  const text = useRecordText({ taxonomy, quarters });
  const [tab, setTab] = useState<ReviewTab>('submissions');
  const [quarterFilter, setQuarterFilter] = useState('');
  const [selected, setSelected] = useState<{ submission: string | null; conflict: string | null }>({
    submission: null,
    conflict: null,
  });
  const [status, setStatus] = useState<Status>(null);
  // A link's id, or NEW_LINK for the form; the link just made shows that it was made.
  const [chosenLink, setChosenLink] = useState<string | null>(null);
  const [createdLink, setCreatedLink] = useState<string | null>(null);
  const [poster, setPoster] = useState<ResidentLink | null>(null);
  const links = useResidentLinks();
  const sessions = useSessions(tab === 'links');
  const linkNames = useLinkNames(quarters, sessions.sessions);
  const linkTitles = useMemo(
    () => new Map(links.state.links.map((link) => [link.id, link.title] as const)),
    [links.state.links],
  );

  const loadQueue = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      fetchPending({ quarterId: quarterFilter || undefined, cursor }, signal),
    [quarterFilter],
  );
  const queue = usePaged<ServerRecord>(`pending:${quarterFilter}`, loadQueue);
  const conflicts = usePaged<Conflict>('open', fetchConflicts);
  const records = useRecordLookup(conflicts.items.map((conflict) => conflict.recordId));
  const unsent = useUnsent(
    queue.items.map((record) => record.id),
    queue.reload,
  );

  const queueIds = [...queue.items]
    .sort((a, b) => a.properties.createdAt.localeCompare(b.properties.createdAt))
    .map((record) => record.id);
  const conflictIds = conflicts.items.map((conflict) => conflict.id);
  // Side by side there is room for the detail at once: show the first item rather than an empty pane.
  const shownSubmission = shownSelection(selected.submission, queueIds, wide);
  const shownConflict = shownSelection(selected.conflict, conflictIds, wide);
  const submission = queue.items.find((record) => record.id === shownSubmission) ?? null;
  const conflict = conflicts.items.find((item) => item.id === shownConflict) ?? null;
  const linkIds = links.state.links.map((link) => link.id);
  const noLinks = links.state.status === 'ready' && linkIds.length === 0;
  // Without any link yet, a wide screen opens the form right away.
  const shownLink =
    chosenLink === NEW_LINK
      ? NEW_LINK
      : (shownSelection(chosenLink, linkIds, wide) ?? (wide && noLinks ? NEW_LINK : null));
  const link = links.state.links.find((item) => item.id === shownLink) ?? null;

  const focusHeading = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const detailHeading = `${base}-detail`;

  const select = (kind: 'submission' | 'conflict', id: string | null) => {
    setSelected((current) => ({ ...current, [kind]: id }));
    if (id !== null) focusHeading(detailHeading);
  };

  const chooseLink = (id: string) => {
    setChosenLink(id);
    setCreatedLink(null);
    focusHeading(detailHeading);
  };

  const backToList = (kind: 'submission' | 'conflict' | 'link') => {
    if (kind === 'link') {
      const id = shownLink;
      setChosenLink(null);
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(id === NEW_LINK ? '.link-list__new' : `[data-link-id="${id}"]`)?.focus(),
      );
      return;
    }
    const id = kind === 'submission' ? shownSubmission : shownConflict;
    select(kind, null);
    const attribute = kind === 'submission' ? 'data-record-id' : 'data-conflict-id';
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[${attribute}="${id}"]`)?.focus());
  };

  // The handled item's detail goes away: keep the keyboard where the work goes on.
  const focusAfterAction = () =>
    requestAnimationFrame(() => {
      const next =
        document.getElementById(detailHeading) ??
        document.querySelector<HTMLElement>('.review-row') ??
        document.getElementById(`${base}-status`);
      next?.focus();
    });

  const moderated = (record: ServerRecord, outcome: 'published' | 'rejected') => {
    const title = text.present(record).categoryLabel ?? text.present(record).kindLabel;
    setStatus({ tone: 'done', message: t(`review.done.${outcome}`, { title }) });
    setSelected((current) => ({ ...current, submission: wide ? nextAfter(queueIds, record.id) : null }));
    queue.remove(record.id);
    focusAfterAction();
  };

  const resolved = (item: Conflict, action: Resolution) => {
    setStatus({ tone: 'done', message: t(action === 'keep' ? 'review.done.kept' : 'review.done.restored') });
    setSelected((current) => ({ ...current, conflict: wide ? nextAfter(conflictIds, item.id) : null }));
    conflicts.remove(item.id);
    focusAfterAction();
  };

  const stale = (reload: () => void) => (code: string) => {
    setStatus({ tone: 'warning', message: t(errorKey(code)) });
    reload();
  };

  const badge = (count: number, more: boolean, ready: boolean) =>
    ready ? (more ? t('review.countMore', { shown: format.number(count) }) : format.number(count)) : undefined;
  const openLinks = links.state.links.filter((item) => item.revokedAt === null).length;
  const counts = {
    submissions: badge(queue.items.length, queue.hasMore, queue.status === 'ready'),
    conflicts: badge(conflicts.items.length, conflicts.hasMore, conflicts.status === 'ready'),
    links: links.state.status === 'ready' ? format.number(openLinks) : undefined,
  };

  const detailOpen =
    tab === 'submissions'
      ? submission !== null
      : tab === 'conflicts'
        ? conflict !== null
        : tab === 'links'
          ? shownLink !== null
          : false;
  const listed = tab === 'submissions' ? queue.items.length : tab === 'conflicts' ? conflicts.items.length : 0;

  if (poster) {
    return (
      <PosterPrint
        link={poster}
        quarterName={linkNames.quarter(poster.quarterId)}
        onClose={() => {
          setPoster(null);
          focusHeading(detailHeading);
        }}
      />
    );
  }

  return (
    <LinkTitles.Provider value={linkTitles}>
      <div className="review page">
        <header className="review__head">
          <h1 className="review__title">{t('review.title')}</h1>
          <p className="review__intro">{t('review.intro')}</p>
        </header>
        <ReviewTabs
          base={base}
          current={tab}
          counts={counts}
          onChange={(next) => {
            setTab(next);
            setStatus(null);
          }}
        />
        <p
          id={`${base}-status`}
          className={`review-status review-status--${status?.tone ?? 'none'}`}
          role="status"
          tabIndex={-1}
        >
          {status && <Pictogram name={status.tone === 'done' ? 'check' : 'alert'} size={20} />}
          {status && <span>{status.message}</span>}
        </p>
        <div
          className="review__panel"
          role="tabpanel"
          id={panelId(base, tab)}
          aria-labelledby={tabId(base, tab)}
          data-detail-open={detailOpen}
        >
          {tab === 'history' && <HistoryLookup text={text} />}
          {tab !== 'history' && (
            <div className="review-split">
              <div className="review-split__list">
                {tab === 'links' ? (
                  <LinkList
                    links={links}
                    selectedId={shownLink}
                    names={linkNames}
                    onSelect={(item) => chooseLink(item.id)}
                    onNew={() => chooseLink(NEW_LINK)}
                  />
                ) : tab === 'submissions' ? (
                  <SubmissionList
                    queue={queue}
                    selectedId={shownSubmission}
                    onSelect={(record) => select('submission', record.id)}
                    text={text}
                    quarters={quarters}
                    quarterFilter={quarterFilter}
                    onQuarterFilter={setQuarterFilter}
                    unsent={unsent}
                  />
                ) : (
                  <ConflictList
                    conflicts={conflicts}
                    records={records}
                    selectedId={shownConflict}
                    onSelect={(item) => select('conflict', item.id)}
                    text={text}
                  />
                )}
              </div>
              <div className="review-split__detail">
                {detailOpen && (
                  <button
                    type="button"
                    className="button button--secondary review-back"
                    onClick={() =>
                      backToList(tab === 'submissions' ? 'submission' : tab === 'conflicts' ? 'conflict' : 'link')
                    }
                  >
                    <Pictogram name="undo" size={20} />
                    <span>{t('review.back')}</span>
                  </button>
                )}
                {tab === 'submissions' && submission && (
                  <SubmissionDetail
                    key={submission.id}
                    record={submission}
                    text={text}
                    unsent={unsent.has(submission.id)}
                    headingId={detailHeading}
                    onDone={moderated}
                    onStale={stale(queue.reload)}
                    onEditRecord={onEditRecord}
                  />
                )}
                {tab === 'conflicts' && conflict && (
                  <ConflictDetail
                    key={conflict.id}
                    conflict={conflict}
                    record={records.get(conflict.recordId)}
                    text={text}
                    headingId={detailHeading}
                    onResolved={resolved}
                    onStale={stale(conflicts.reload)}
                  />
                )}
                {tab === 'links' && shownLink === NEW_LINK && (
                  <LinkForm
                    quarters={quarters}
                    quarterId={quarterId}
                    sessions={sessions.sessions}
                    sessionsFailed={sessions.failed}
                    headingId={detailHeading}
                    onCreated={(created) => {
                      links.put(created);
                      setChosenLink(created.id);
                      setCreatedLink(created.id);
                      focusHeading(detailHeading);
                    }}
                  />
                )}
                {tab === 'links' && link && (
                  <LinkDetail
                    key={link.id}
                    link={link}
                    names={linkNames}
                    headingId={detailHeading}
                    justCreated={createdLink === link.id}
                    onPrintPoster={setPoster}
                    onClosed={(closed) => {
                      links.put(closed);
                      setCreatedLink(null);
                      setStatus({ tone: 'done', message: t('links.close.done', { title: closed.title }) });
                    }}
                  />
                )}
                {!detailOpen && (listed > 0 || (tab === 'links' && linkIds.length > 0)) && (
                  <p className="review-split__hint">{t('review.chooseHint')}</p>
                )}
              </div>
            </div>
          )}
        </div>
      </div>
    </LinkTitles.Provider>
  );
}
