/** Sync in the web app: the Dexie store for the engine, when to sync, and what the person sees. See README.md. */
export { SyncIndicator } from './sync-indicator.tsx';
export { SyncProvider, useSyncActions, useSyncState } from './sync-provider.tsx';
export { SyncSheet } from './sync-sheet.tsx';
export type { RejectedEntry } from './use-sync-data.ts';
