import {
  type FieldIssue,
  GeometrySchema,
  IsoDateTime,
  RecordFeatureInputSchema,
  SurveySessionInputSchema,
  Uuid,
} from '@quartiersatlas/domain';
import Type, { type Static } from 'typebox';

/**
 * The sync protocol's version. A client sends it with every push and pull; the server answers a
 * version it does not speak with `SYNC_CLIENT_OUTDATED` (426: "please update the app") or
 * `SYNC_SERVER_OUTDATED` (409: the server is older than the app). Raise it on any change to the
 * messages below that an older peer would misread.
 */
export const SYNC_SCHEMA_VERSION = 1;

/** At most this many ops per push; the client sends larger outboxes in several pushes. */
export const MAX_PUSH_OPS = 500;
/** Push bodies may be larger than other JSON bodies: 500 polygons with notes. */
export const MAX_PUSH_BYTES = 8 * 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;

const opBase = {
  opId: Uuid,
  /** The record's id; for session ops the session's id. */
  recordId: Uuid,
};

export const RecordChangesSchema = Type.Object(
  {
    geometry: Type.Optional(GeometrySchema),
    properties: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: 'changed fields only; null removes a field' }),
    ),
    restore: Type.Optional(Type.Literal(true, { description: 'undo of a delete: the payload holds the whole record' })),
  },
  { additionalProperties: false },
);
export type RecordChanges = Static<typeof RecordChangesSchema>;

const BaseVersion = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
  description: 'the server version the device had seen when it made the change; null: only its own create',
});

export const CreateOpSchema = Type.Object(
  { ...opBase, type: Type.Literal('create'), baseVersion: Type.Null(), payload: RecordFeatureInputSchema },
  { additionalProperties: false },
);
export const UpdateOpSchema = Type.Object(
  { ...opBase, type: Type.Literal('update'), baseVersion: BaseVersion, payload: RecordChangesSchema },
  { additionalProperties: false },
);
export const DeleteOpSchema = Type.Object(
  { ...opBase, type: Type.Literal('delete'), baseVersion: BaseVersion, payload: Type.Null() },
  { additionalProperties: false },
);
export const CreateSessionOpSchema = Type.Object(
  {
    ...opBase,
    type: Type.Literal('create-session'),
    baseVersion: Type.Null(),
    payload: SurveySessionInputSchema,
  },
  { additionalProperties: false },
);
export const UpdateSessionOpSchema = Type.Object(
  {
    ...opBase,
    type: Type.Literal('update-session'),
    baseVersion: Type.Null(),
    payload: Type.Object({ endedAt: Type.Union([IsoDateTime, Type.Null()]) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

/**
 * The envelope of one op. The server checks the envelope of every op before it applies any; the
 * payload of each op is checked on its own, so one bad op is `rejected` without failing the push.
 */
export const SyncOpEnvelopeSchema = Type.Object(
  {
    ...opBase,
    type: Type.Union([
      Type.Literal('create'),
      Type.Literal('update'),
      Type.Literal('delete'),
      Type.Literal('create-session'),
      Type.Literal('update-session'),
    ]),
    baseVersion: BaseVersion,
    payload: Type.Unknown(),
  },
  { additionalProperties: false },
);

export type CreateOp = Static<typeof CreateOpSchema>;
export type UpdateOp = Static<typeof UpdateOpSchema>;
export type DeleteOp = Static<typeof DeleteOpSchema>;
export type CreateSessionOp = Static<typeof CreateSessionOpSchema>;
export type UpdateSessionOp = Static<typeof UpdateSessionOpSchema>;
export type SyncOp = CreateOp | UpdateOp | DeleteOp | CreateSessionOp | UpdateSessionOp;
export type SyncOpType = SyncOp['type'];

export const PushRequestSchema = Type.Object(
  {
    /** Stable per installation (UUID kept in IndexedDB); own ops never conflict with each other. */
    deviceId: Uuid,
    schemaVersion: Type.Integer({ minimum: 1 }),
    ops: Type.Array(SyncOpEnvelopeSchema, { minItems: 1, maxItems: MAX_PUSH_OPS }),
  },
  { additionalProperties: false },
);
export interface PushRequest {
  deviceId: string;
  schemaVersion: number;
  ops: SyncOp[];
}

export type OpStatus = 'applied' | 'conflict' | 'rejected';

/** Why an op was rejected: the API error catalogue's code, its English message and, for bad fields, the issues. */
export interface OpReason {
  code: string;
  message: string;
  issues?: FieldIssue[];
  details?: Record<string, unknown>;
}

/** A same-field clash the server recorded (the earlier value lost and is kept for review). */
export interface ConflictRef {
  conflictId: string;
  /** `geometry`, a property name, or `*` when a whole-record edit met a delete. */
  field: string;
}

/** A record row as sync ships it: the feature with the server's fields, or a tombstone. */
export interface SyncRow {
  id: string;
  version: number;
  /**
   * `true` for tombstones and for records the caller may no longer see (for example a need moved
   * back to moderation): the device drops its copy unless it still has unsent ops for it.
   */
  deleted: boolean;
  /** Absent when `deleted`. Properties include the server fields (`status`, `version`, `createdAt`, …). */
  feature?: {
    type: 'Feature';
    id: string;
    geometry: { type: 'Point' | 'Polygon'; coordinates: unknown };
    properties: Record<string, unknown>;
  };
}

export interface SessionRow {
  id: string;
  version: number;
  kind: string;
  title: string;
  quarterId: string;
  startedAt: string;
  endedAt: string | null;
  note?: string;
}

export interface OpResult {
  opId: string;
  status: OpStatus;
  /** Record ops that were applied or conflicted: the record's version after the op. */
  version?: number;
  conflicts?: ConflictRef[];
  /** Present when `rejected`, and for a `conflict` that left the record unchanged (edit after delete). */
  reason?: OpReason;
  /** The record's current state when the caller may see it, so the device can rebase at once. */
  record?: SyncRow;
  /** Session ops: the session's current state. */
  session?: SessionRow;
  /** True when the server had this op already and answered from its log (a retried push). */
  replayed?: boolean;
}

export interface PushResponse {
  schemaVersion: number;
  results: OpResult[];
}

/**
 * `GET /api/v1/sync/pull` query. The cursor is opaque to clients: `<epoch>.<version>`, where epoch
 * names the database, so a device that pulled from another (or a restored) database starts over.
 */
export const PullQuerySchema = Type.Object(
  {
    schemaVersion: Type.Integer({ minimum: 1 }),
    cursor: Type.Optional(Type.String({ maxLength: 100, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PULL_LIMIT, default: DEFAULT_PULL_LIMIT })),
    quarter: Type.Optional(Type.String({ description: 'comma-separated quarter ids; default all' })),
  },
  { additionalProperties: false },
);
export type PullQuery = Static<typeof PullQuerySchema>;

export interface PullResponse {
  schemaVersion: number;
  /** Records and tombstones with a version after the cursor, in version order. */
  rows: SyncRow[];
  /** Survey sessions changed after the cursor (they share the version counter). */
  sessions: SessionRow[];
  nextCursor: string;
  hasMore: boolean;
}

/** Error codes of the sync routes, beside the API's general ones. */
export const SYNC_ERROR_CODES = [
  'SYNC_CLIENT_OUTDATED',
  'SYNC_SERVER_OUTDATED',
  'CURSOR_TOO_OLD',
  'OP_ID_TAKEN',
  'RECORD_DELETED',
] as const;
