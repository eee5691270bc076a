import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { useUnsyncedCount } from '../data/index.ts';
import { useFormat } from '../format.ts';
import { useSyncState } from './sync-provider.tsx';
import type { SyncState } from './sync-state.ts';
import { useRejected } from './use-sync-data.ts';
import './sync.css';

type Look = 'syncing' | 'problem' | 'pending' | 'done';

/** The one state the top bar shows: a round running wins, then anything that needs the person. */
export function indicatorLook(state: SyncState, unsynced: number, rejected: number): Look {
  if (state.running) return 'syncing';
  if (state.stopped !== null || rejected > 0 || (state.lastError !== null && state.lastError.kind !== 'offline')) {
    return 'problem';
  }
  return unsynced > 0 ? 'pending' : 'done';
}

/**
 * Always in the top bar: how many changes wait for the server, a spinner while a round runs and a
 * warning dot when something needs attention. Tapping it opens the sync sheet.
 */
export function SyncIndicator({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = useUnsyncedCount();
  const state = useSyncState();
  const rejected = useRejected().length;
  const look = indicatorLook(state, count, rejected);
  const status =
    look === 'syncing'
      ? t('sync.status.syncing')
      : look === 'problem'
        ? t('sync.status.problem')
        : count > 0
          ? t('shell.unsynced', { count })
          : t('sync.status.done');
  return (
    <>
      <button
        type="button"
        className={`top-bar__button sync-indicator sync-indicator--${look}`}
        data-look={look}
        aria-haspopup="dialog"
        aria-label={`${t('sync.open')}: ${status}`}
        onClick={onOpen}
      >
        <span className={count > 0 ? 'unsynced-badge unsynced-badge--pending' : 'unsynced-badge'} data-count={count}>
          {look === 'syncing' ? (
            <span className="sync-indicator__spinner" aria-hidden="true" />
          ) : (
            <Icon name={count > 0 ? 'cloud-up' : 'check'} />
          )}
          <span aria-hidden="true">{format.number(count)}</span>
        </span>
        {look === 'problem' && <span className="sync-indicator__dot" aria-hidden="true" />}
      </button>
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </>
  );
}
