import type { Geometry, RecordKind, SessionKind, SurveySessionInput } from '@quartiersatlas/domain';

/** The properties every record carries; the kind's own fields sit beside them (see packages/domain). */
export interface RecordProperties {
  kind: RecordKind;
  quarterId: string;
  sessionId?: string | null;
  category?: string;
  [field: string]: unknown;
}

/** A record exactly as `POST /api/v1/records` and the domain's `parseRecord` accept it. */
export interface RecordFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: RecordProperties;
}

/** What a form hands to `createRecord`; the id is generated when it is missing. */
export type RecordFeatureInput = Omit<RecordFeature, 'id'> & { id?: string };

export interface LocalRecord {
  id: string;
  feature: RecordFeature;
  /** Copies of feature fields, because IndexedDB indexes only top-level paths we control. */
  kind: RecordKind;
  quarterId: string;
  sessionId: string | null;
  /** The server's version this copy is based on; null until the server has acknowledged the record. */
  serverVersion: number | null;
  deleted: boolean;
  /**
   * The server's moderation status (`published`, `pending`, `rejected`); null until the server
   * answered. Optional only so records built before schema version 2 (tests, exports) still type.
   */
  status?: string | null;
  createdAt: string;
  localUpdatedAt: string;
  /**
   * SHA-256 ids of the record's photos and voice notes: the feature's `properties.media` plus any
   * attached here that have not reached the server yet. The device may hold the bytes or not (pulled).
   */
  mediaIds: string[];
}

/** Changed fields of a record: a `null` property removes an optional field (as in PATCH /api/v1/records). */
export interface RecordChanges {
  geometry?: Geometry;
  properties?: Record<string, unknown>;
  /** Set on the update that undoes a delete the server has already seen. */
  restore?: true;
}

interface OutboxBase {
  /** Auto-increment: the order in which sync sends the operations. */
  seq?: number;
  /** UUIDv7; the server answers a replayed op with its stored result. */
  opId: string;
  /** The record this op concerns; for session ops, the session's id. */
  recordId: string;
  baseVersion: number | null;
  createdAt: string;
  /** Set by sync when it hands the op to the network; local writes never rewrite or drop such an op. */
  sentAt?: string;
}

export type OutboxEntry =
  | (OutboxBase & { type: 'create'; payload: RecordFeature })
  | (OutboxBase & { type: 'update'; payload: RecordChanges })
  | (OutboxBase & { type: 'delete'; payload: null })
  | (OutboxBase & { type: 'create-session'; payload: SurveySessionInput })
  | (OutboxBase & { type: 'update-session'; payload: { endedAt: string | null } });

export type OutboxType = OutboxEntry['type'];

export type MediaKind = 'photo' | 'audio';

export interface MediaItem {
  /** SHA-256 of the bytes, lower-case hex: the same photo is stored and uploaded once. */
  id: string;
  /** The record the bytes were first attached to; other records may list the same id in `mediaIds`. */
  recordId: string;
  kind: MediaKind;
  mime: string;
  size: number;
  blob: Blob;
  createdAt: string;
  uploaded: boolean;
}

export interface LocalSession {
  id: string;
  kind: SessionKind;
  title: string;
  quarterId: string;
  startedAt: string;
  endedAt: string | null;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export type PersistenceResult = 'persisted' | 'not-persisted' | 'unsupported';
