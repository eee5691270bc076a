import type { SyncPhase } from '@quartiersatlas/sync';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { errorKey, useFormat } from '../format.ts';
import { signOutDevice } from '../shell/auth.ts';
import { useOnline } from '../shell/online.ts';
import { applyUpdate } from '../shell/service-worker.ts';
import { useRelativeTime } from './relative-time.ts';
import type { SyncErrorInfo, SyncState } from './sync-state.ts';
import type { Waiting } from './use-sync-data.ts';

const PHASES: Record<SyncPhase, 'sync.phase.media' | 'sync.phase.push' | 'sync.phase.pull' | 'sync.phase.resync'> = {
  media: 'sync.phase.media',
  push: 'sync.phase.push',
  pull: 'sync.phase.pull',
  resync: 'sync.phase.resync',
};

function useErrorText(): (error: SyncErrorInfo) => string {
  const { t } = useTranslation();
  return (error) => (error.kind === 'failed' ? t(errorKey(error.code)) : t(`sync.error.${error.kind}`));
}

function Progress({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const progress = state.progress;
  const phase = progress ? t(PHASES[progress.phase]) : t('sync.status.syncing');
  const known = progress !== null && progress.total !== null && progress.total > 0;
  return (
    <div className="sync-progress">
      <p className="sync-progress__phase">
        <span className="sync-indicator__spinner" aria-hidden="true" />
        <span>{phase}</span>
      </p>
      {known ? (
        <>
          <progress className="sync-progress__bar" max={progress.total ?? 0} value={progress.done} aria-label={phase} />
          <p className="sync-progress__count">
            {t('sync.progress', { done: format.number(progress.done), total: format.number(progress.total ?? 0) })}
          </p>
        </>
      ) : (
        <>
          <progress className="sync-progress__bar" aria-label={phase} />
          {progress !== null && progress.done > 0 && (
            <p className="sync-progress__count">{t('sync.progressOpen', { done: format.number(progress.done) })}</p>
          )}
        </>
      )}
    </div>
  );
}

function WaitingList({ waiting }: { waiting: Waiting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: Array<[string, number]> = [
    [t('sync.waiting.records'), waiting.records],
    [t('sync.waiting.photos'), waiting.photos],
    [t('sync.waiting.voiceNotes'), waiting.voiceNotes],
    [t('sync.waiting.sessions'), waiting.sessions],
  ];
  const shown = rows.filter(([, count]) => count > 0);
  if (shown.length === 0) {
    return (
      <p className="sync-status__line sync-status__line--ok">
        <Icon name="check" />
        <span>{t('sync.allSent')}</span>
      </p>
    );
  }
  return (
    <div className="sync-waiting">
      <p className="sync-waiting__heading">{t('sync.waiting.heading')}</p>
      <dl className="sync-waiting__list">
        {shown.map(([label, count]) => (
          <div key={label} className="sync-waiting__row">
            <dt>{label}</dt>
            <dd>{format.number(count)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** What sync does or last did, what waits, and what the person can do about it. */
export function SyncStatus({
  state,
  waiting,
  onSyncNow,
}: {
  state: SyncState;
  waiting: Waiting;
  onSyncNow?: () => void;
}) {
  const { t } = useTranslation();
  const online = useOnline();
  const errorText = useErrorText();
  const ago = useRelativeTime();
  const error = state.lastError;
  return (
    <div className="sync-status">
      <div className="sync-status__live" role="status" aria-live="polite">
        {state.running && <Progress state={state} />}
        {!state.running && !online && (
          <p className="notice sync-notice">
            <Icon name="cloud-off" className="notice__icon" />
            <span>{t('sync.offline')}</span>
          </p>
        )}
        {!state.running && online && error && (
          <div className={`notice sync-notice ${state.stopped ? 'notice--error' : 'notice--warning'}`}>
            <Icon name="alert" className="notice__icon" />
            <div className="notice__body">
              <p>{errorText(error)}</p>
              <p className="sync-notice__when">{t('sync.lastAttempt', { when: ago(error.at) })}</p>
            </div>
          </div>
        )}
      </div>
      <p className="sync-status__line">
        <Icon name="refresh" />
        <span>
          {state.lastSuccessAt ? t('sync.lastSync', { when: ago(state.lastSuccessAt) }) : t('sync.neverSynced')}
        </span>
      </p>
      <WaitingList waiting={waiting} />
      {state.stopped === 'signIn' && (
        <button
          type="button"
          className="button button--primary sync-status__action"
          onClick={() => void signOutDevice()}
        >
          <Icon name="user" />
          <span>{t('sync.signInAgain')}</span>
        </button>
      )}
      {state.stopped === 'outdated' && (
        <button type="button" className="button button--primary sync-status__action" onClick={applyUpdate}>
          <Icon name="refresh" />
          <span>{t('sync.updateApp')}</span>
        </button>
      )}
      {state.stopped === null && (
        <button
          type="button"
          className="button button--primary sync-status__action"
          disabled={state.running || !online || !onSyncNow}
          onClick={onSyncNow}
        >
          <Icon name="refresh" />
          <span>{state.running ? t('sync.status.syncing') : t('sync.now')}</span>
        </button>
      )}
    </div>
  );
}
