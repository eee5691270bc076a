import type {
  OpReason,
  PullResponse,
  PushRequest,
  PushResponse,
  RecordChanges,
  SessionRow,
  SyncOpType,
} from '../protocol.ts';

/** A record feature as a device holds it: without the server's fields (version, status, …). */
export interface ClientFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point' | 'Polygon'; coordinates: unknown };
  properties: Record<string, unknown> & { kind: string; quarterId: string };
}

/** What the engine reads and writes of a local record; stores may keep more beside it. */
export interface ClientRecord {
  id: string;
  feature: ClientFeature;
  /** The server version this copy is based on; null until the server acknowledged the record. */
  serverVersion: number | null;
  deleted: boolean;
  /** The server's moderation status once known (`published`, `pending`, `rejected`). */
  status: string | null;
}

/** One outbox entry (see apps/web/src/data/README.md for the contract local writes keep). */
export interface PendingOp {
  seq: number;
  opId: string;
  type: SyncOpType;
  recordId: string;
  baseVersion: number | null;
  payload: unknown;
  createdAt: string;
  /** Set (in a transaction) before the op goes out; local writes never rewrite or drop a sent op. */
  sentAt?: string;
}

/** An op the server refused, kept so the user sees what and why, and can send it again or discard it. */
export interface RejectedOp {
  opId: string;
  type: SyncOpType;
  recordId: string;
  baseVersion: number | null;
  payload: unknown;
  reason: OpReason;
  rejectedAt: string;
}

export type RecordUpdatePayload = RecordChanges;

/** Which records a device pulls: some quarters, or everything it may see (null). */
export interface SyncScope {
  quarters: string[] | null;
}

/**
 * The device's storage as the engine needs it. Every method may be called inside `transaction`,
 * and the engine awaits nothing else inside one (IndexedDB transactions end at a foreign await).
 */
export interface ClientStore {
  /** Runs `fn` in one transaction over records, outbox, sessions, rejected ops and meta: all or nothing. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;

  getRecord(id: string): Promise<ClientRecord | undefined>;
  /** Inserts or replaces; the store keeps its own extra fields of an existing record. */
  putRecord(record: ClientRecord): Promise<void>;
  /** Removes the local copy entirely (a tombstone pulled, or a rejected create discarded). */
  removeRecord(id: string): Promise<void>;
  /** Bulk forms for pulled pages (a fresh device pulls tens of thousands of rows): same order as `ids`. */
  getRecords(ids: string[]): Promise<Array<ClientRecord | undefined>>;
  putRecords(records: ClientRecord[]): Promise<void>;
  removeRecords(ids: string[]): Promise<void>;
  /** Ids of all local records within the scope, for the full resync. */
  recordIds(scope: SyncScope): Promise<string[]>;

  /** Outbox entries in send order, at most `limit`. */
  ops(limit: number): Promise<PendingOp[]>;
  opsFor(recordId: string): Promise<PendingOp[]>;
  /** Ids among `recordIds` that have outbox ops (sent or not). */
  recordsWithOps(recordIds: string[]): Promise<Set<string>>;
  countOps(): Promise<number>;
  markSent(seqs: number[], at: string): Promise<void>;
  removeOps(seqs: number[]): Promise<void>;
  /** Queues a new op (used to send a rejected op again); returns its seq. */
  addOp(op: Omit<PendingOp, 'seq'>): Promise<number>;

  addRejected(op: RejectedOp): Promise<void>;
  rejected(): Promise<RejectedOp[]>;
  removeRejected(opId: string): Promise<void>;

  putSession(session: SessionRow): Promise<void>;

  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;

  /** Photos and voice notes not yet on the server, oldest first. */
  pendingMedia(): Promise<Array<{ id: string; mime: string; size: number }>>;
  readMedia(id: string): Promise<Uint8Array | undefined>;
  markMediaUploaded(id: string): Promise<void>;
}

export interface MediaStatus {
  /** The server has the whole file, hash verified. */
  complete: boolean;
  /** Bytes of an interrupted upload the server kept (resume from here). */
  offset: number;
}

/** How the engine talks to the server. Failures throw `SyncTransportError`. */
export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(query: { cursor: string | null; limit: number; quarters: string[] | null }): Promise<PullResponse>;
  mediaStatus(sha256: string): Promise<MediaStatus>;
  /** Sends `bytes` (a chunk starting at `offset` of a file of `total` bytes). */
  uploadMedia(sha256: string, mime: string, bytes: Uint8Array, offset: number, total: number): Promise<MediaStatus>;
}

/** A failed request: `status` undefined means the network failed (offline, timeout, dropped). */
export class SyncTransportError extends Error {
  readonly status: number | undefined;
  readonly code: string;
  readonly details: unknown;

  constructor(code: string, message: string, status?: number, details?: unknown) {
    super(message);
    this.name = 'SyncTransportError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export type SyncPhase = 'media' | 'push' | 'pull' | 'resync';

export interface SyncProgress {
  phase: SyncPhase;
  /** Units done and expected in this phase: media files, ops, or pulled rows (total unknown: null). */
  done: number;
  total: number | null;
}

export interface SyncOutcome {
  mediaUploaded: number;
  pushed: number;
  applied: number;
  conflicts: number;
  rejected: number;
  pulled: number;
  fullResync: boolean;
}

export interface SyncEngineOptions {
  store: ClientStore;
  transport: SyncTransport;
  /** Stable per installation (kept in the store's meta); the server never reports a device's own ops as clashing. */
  deviceId: string;
  scope: SyncScope;
  /** Ops per push (≤ MAX_PUSH_OPS). */
  pushBatch?: number;
  pullLimit?: number;
  /** Media upload chunk size; an interrupted upload resumes at the last whole chunk. */
  mediaChunkBytes?: number;
  now?: () => Date;
  onProgress?: (progress: SyncProgress) => void;
}

/**
 * One device's sync. `sync()` runs one whole round — upload media, push the outbox in batches,
 * pull until nothing is left (a full resync when the server says the cursor is too old) — and
 * throws `SyncTransportError` when the network or the server fails; nothing is lost then, the next
 * round continues where this one stopped. Callers make sure only one round runs at a time.
 */
export interface SyncEngineApi {
  sync(): Promise<SyncOutcome>;
  /** Queues a rejected op again (a new opId, the record's current local state) and forgets the rejection. */
  retryRejected(opId: string): Promise<void>;
  /** Forgets a rejected op; a record that never reached the server is removed from the device. */
  discardRejected(opId: string): Promise<void>;
}
