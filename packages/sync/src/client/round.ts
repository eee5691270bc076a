import type { ClientStore, SyncOutcome, SyncProgress, SyncScope, SyncTransport } from './types.ts';

/** A media item the server refused (a 4xx other than an offset mismatch); it is not sent again by itself. */
export interface RefusedMedia {
  id: string;
  code: string;
  message: string;
  refusedAt: string;
}

/** What one round did; `refusedMedia` lists every media item currently held back, for the user to see. */
export interface SyncRoundOutcome extends SyncOutcome {
  refusedMedia: RefusedMedia[];
}

/** Everything the phases of one round share. */
export interface Round {
  store: ClientStore;
  transport: SyncTransport;
  deviceId: string;
  scope: SyncScope;
  pushBatch: number;
  pullLimit: number;
  mediaChunkBytes: number;
  now(): string;
  progress(progress: SyncProgress): void;
  outcome: SyncRoundOutcome;
}

/** Meta keys the engine keeps in the store. */
export const SYNC_META = {
  /** Pull cursor per scope, so a device that changes its quarters starts that scope from scratch. */
  cursor: (scope: SyncScope) => `sync.cursor:${scope.quarters === null ? '*' : [...scope.quarters].sort().join(',')}`,
  refusedMedia: 'sync.refusedMedia',
} as const;
