import { liveQuery } from 'dexie';
import { unsyncedCount } from '../data/index.ts';
import { BUSY, type SyncEnvironment } from './controller.ts';

/** The Web Locks name every tab of this origin asks for before a round. */
const SYNC_LOCK = 'quartiersatlas-sync';

/**
 * The controller's triggers in a browser: `online`, `visibilitychange` to visible, the unsynced
 * count (a Dexie live query, so writes in other tabs count too), and the Web Locks API so that one
 * tab syncs at a time. Without Web Locks (very old browsers) the tab simply syncs on its own.
 */
export function browserEnvironment(): SyncEnvironment {
  return {
    online: () => navigator.onLine,
    visible: () => document.visibilityState === 'visible',
    subscribe({ online, visible, pending }) {
      const onVisibility = () => {
        if (document.visibilityState === 'visible') visible();
      };
      window.addEventListener('online', online);
      document.addEventListener('visibilitychange', onVisibility);
      const subscription = liveQuery(unsyncedCount).subscribe({
        next: pending,
        error: (error: unknown) => console.error('unsynced count not readable', error),
      });
      return () => {
        window.removeEventListener('online', online);
        document.removeEventListener('visibilitychange', onVisibility);
        subscription.unsubscribe();
      };
    },
    async withLock(fn) {
      if (!navigator.locks) return fn();
      return navigator.locks.request(SYNC_LOCK, { ifAvailable: true }, (lock) => (lock ? fn() : BUSY));
    },
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    now: () => new Date(),
  };
}
