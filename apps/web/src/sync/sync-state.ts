import { type SyncProgress, SyncTransportError } from '@quartiersatlas/sync';
import { db, guardQuota, LocalDataError, META } from '../data/index.ts';

/**
 * Why the last round failed, in the words the sync sheet uses (`sync.error.<kind>`):
 * - `offline`: no answer from the server (no network, timeout);
 * - `signIn`: the device token is unknown or revoked (401), sync stops until someone signs in again;
 * - `outdated`: the server no longer speaks this app's protocol (426), sync stops until the app updates;
 * - `serverOutdated`: the server is older than the app (409 `SYNC_SERVER_OUTDATED`);
 * - `unavailable`: the server answered with a 5xx;
 * - `storageFull`: the device refused to store what was pulled;
 * - `failed`: anything else; `code` says what (the API's error code, shown as `error.<code>`).
 */
export type SyncErrorKind =
  | 'offline'
  | 'signIn'
  | 'outdated'
  | 'serverOutdated'
  | 'unavailable'
  | 'storageFull'
  | 'failed';

export interface SyncErrorInfo {
  kind: SyncErrorKind;
  code: string;
  at: string;
}

/** What sync is doing, kept in meta `syncState` so that every tab shows what the syncing tab does. */
export interface SyncState {
  running: boolean;
  /** The phase of the running round and how far it got. */
  progress: SyncProgress | null;
  lastSuccessAt: string | null;
  /** The last round's failure; a successful round clears it. */
  lastError: SyncErrorInfo | null;
  /** Set when sync stopped until the person acts (`signIn`, `outdated`); a new start clears it. */
  stopped: 'signIn' | 'outdated' | null;
}

export const IDLE_STATE: SyncState = {
  running: false,
  progress: null,
  lastSuccessAt: null,
  lastError: null,
  stopped: null,
};

/** Sorts a failure into what the person can do about it. */
export function classifyError(error: unknown, at: string): SyncErrorInfo {
  if (error instanceof LocalDataError && error.code === 'STORAGE_FULL')
    return { kind: 'storageFull', code: error.code, at };
  if (!(error instanceof SyncTransportError)) return { kind: 'failed', code: 'unknown', at };
  const { status, code } = error;
  if (status === undefined) return { kind: 'offline', code, at };
  if (status === 401) return { kind: 'signIn', code, at };
  if (status === 426 || code === 'SYNC_CLIENT_OUTDATED') return { kind: 'outdated', code, at };
  if (code === 'SYNC_SERVER_OUTDATED') return { kind: 'serverOutdated', code, at };
  if (status >= 500) return { kind: 'unavailable', code, at };
  return { kind: 'failed', code, at };
}

/** Failures after which another try cannot help until the person acts. */
export function stopsSync(kind: SyncErrorKind): kind is 'signIn' | 'outdated' {
  return kind === 'signIn' || kind === 'outdated';
}

export interface SyncStateStore {
  read(): Promise<SyncState>;
  write(patch: Partial<SyncState>): Promise<void>;
}

async function readState(): Promise<SyncState> {
  return { ...IDLE_STATE, ...((await db.meta.get(META.syncState))?.value as Partial<SyncState> | undefined) };
}

/** The state in meta; a write merges in one transaction, so a tab only changes what it knows. */
export const metaSyncState: SyncStateStore = {
  read: readState,
  async write(patch) {
    await guardQuota(() =>
      db.transaction('rw', db.meta, async () => {
        await db.meta.put({ key: META.syncState, value: { ...(await readState()), ...patch } });
      }),
    );
  },
};
