/** The offline data layer: records, outbox, media, sessions and metadata in IndexedDB. See README.md. */
export { db, SCHEMA_VERSION } from './db.ts';
export { deviceId } from './device-id.ts';
export {
  DATA_ERRORS,
  type DataErrorCode,
  type DataErrorKey,
  dataErrorKey,
  guardQuota,
  LocalDataError,
  LocalValidationError,
  StorageFullError,
} from './errors.ts';
export { EXPORT_FORMAT, exportLocalData } from './export.ts';
export {
  type MediaSummary,
  queryLocalRecords,
  type RecordFilter,
  recordMedia,
  unsyncedCount,
  useActiveSession,
  useLocalRecords,
  useMedia,
  useMediaCounts,
  useMeta,
  usePendingIds,
  useRecord,
  useSessions,
  useUnsyncedCount,
} from './hooks.ts';
export { addMedia, type NewMedia, removeMedia } from './media.ts';
export { getMeta, META, setMeta } from './meta.ts';
export { addSupporter, createRecord, deleteRecord, removeSupporter, restoreRecord, updateRecord } from './records.ts';
export { resizePhoto } from './resize-photo.ts';
export { foldText, recordMatches } from './search.ts';
export { activeSession, endSession, startSession } from './sessions.ts';
export { requestPersistentStorage, storageEstimate } from './storage.ts';
export type {
  LocalRecord,
  LocalSession,
  MediaItem,
  MediaKind,
  OutboxEntry,
  OutboxType,
  PersistenceResult,
  RecordChanges,
  RecordFeature,
  RecordFeatureInput,
  RecordProperties,
} from './types.ts';
export { newId } from './uuid.ts';
/** For the sync adapter (`src/sync/dexie-store.ts`), which keeps records the way local writes do. */
export { featureMedia, indexCopies } from './write-changes.ts';
