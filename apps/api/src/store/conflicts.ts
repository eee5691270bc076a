import { randomBytes } from 'node:crypto';
import type { ValidRecord } from '@quartiersatlas/domain';
import {
  accountWriter,
  changedFieldNames,
  type FieldChanges,
  type RecordedClash,
  stampFields,
  WHOLE_RECORD,
  writerAccountId,
} from '@quartiersatlas/sync';
import type { Transaction } from 'kysely';
import type { ConflictsTable, Db, Tables } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { accountActor, type Changes, contentChanges, eventRow, insertEvents } from './history.ts';
import { claimVersions, contentColumns, getRecord, recordView, type StoredRecord, settleVersions } from './records.ts';
import { now } from './time.ts';

export const CONFLICT_KINDS = ['field', 'edit-after-delete', 'delete-after-edit'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export type ConflictStatus = 'open' | 'resolved';

/** A writer as a planner reads it: the device or account name, and the account behind it when known. */
export interface WriterView {
  writer: string;
  account: { id: string; username: string; displayName: string } | null;
}

export interface ConflictView {
  id: string;
  recordId: string;
  kind: ConflictKind;
  /** `geometry`, a property name, or `*` for a whole record. */
  field: string;
  /** The value that stayed (null: removed, or the record stayed deleted). */
  keptValue: unknown;
  /** The value that lost: the overwritten field value, the edit that met a delete, or the deleted edits. */
  lostValue: unknown;
  keptBy: WriterView | null;
  lostBy: WriterView | null;
  lostOpId: string | null;
  /** The version the losing or later op was based on. */
  baseVersion: number | null;
  /** The record's version when the conflict was recorded. */
  version: number;
  createdAt: string;
  status: ConflictStatus;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: 'kept' | 'restored' | null;
}

/** UUIDv7, so that ids sort by creation time and page in that order. */
function newConflictId(): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new, open conflicts row. */
export function conflictRow(
  values: Omit<ConflictsTable, 'id' | 'resolved_at' | 'resolved_by' | 'resolution'>,
): ConflictsTable {
  return { id: newConflictId(), ...values, resolved_at: null, resolved_by: null, resolution: null };
}

function parseValue(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

/**
 * Names the writers of some conflicts: `account:<id>` is the account; a device is named by the
 * account that pushed from it, found through the sync log of the conflicted record (indexed).
 */
async function describeWriters(db: Db, rows: readonly ConflictsTable[]): Promise<Map<string, WriterView>> {
  const writers = new Set(rows.flatMap((row) => [row.kept_by, row.lost_by]).filter((w): w is string => w !== null));
  const accountOf = new Map<string, string>();
  for (const writer of writers) {
    const accountId = writerAccountId(writer);
    if (accountId) accountOf.set(writer, accountId);
  }
  const recordIds = [...new Set(rows.map((row) => row.record_id))];
  if (recordIds.length > 0) {
    const pushes = await db
      .selectFrom('sync_ops')
      .select(['device_id', 'account_id'])
      .distinct()
      .where('record_id', 'in', recordIds)
      .execute();
    for (const push of pushes) if (writers.has(push.device_id)) accountOf.set(push.device_id, push.account_id);
  }
  const accountIds = [...new Set(accountOf.values())];
  const accounts = new Map(
    accountIds.length === 0
      ? []
      : (
          await db
            .selectFrom('accounts')
            .select(['id', 'username', 'display_name'])
            .where('id', 'in', accountIds)
            .execute()
        ).map((a) => [a.id, { id: a.id, username: a.username, displayName: a.display_name }]),
  );
  const views = new Map<string, WriterView>();
  for (const writer of writers) {
    const accountId = accountOf.get(writer);
    views.set(writer, { writer, account: (accountId && accounts.get(accountId)) || null });
  }
  return views;
}

async function toViews(db: Db, rows: readonly ConflictsTable[]): Promise<ConflictView[]> {
  const writers = await describeWriters(db, rows);
  const writer = (name: string | null) => (name === null ? null : (writers.get(name) ?? null));
  return rows.map((row) => ({
    id: row.id,
    recordId: row.record_id,
    kind: row.kind as ConflictKind,
    field: row.field,
    keptValue: parseValue(row.kept_value),
    lostValue: parseValue(row.lost_value),
    keptBy: writer(row.kept_by),
    lostBy: writer(row.lost_by),
    lostOpId: row.lost_op_id,
    baseVersion: row.base_version === null ? null : Number(row.base_version),
    version: Number(row.version),
    createdAt: row.created_at,
    status: row.resolved_at === null ? 'open' : 'resolved',
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    resolution: row.resolution as ConflictView['resolution'],
  }));
}

export interface ConflictFilter {
  status: ConflictStatus | 'all';
  recordId?: string;
  /** Only conflicts older than this one (paging; newest come first). */
  before?: string;
  limit: number;
}

/** Conflicts newest first, one page at a time. */
export async function listConflicts(
  db: Db,
  filter: ConflictFilter,
): Promise<{ conflicts: ConflictView[]; hasMore: boolean }> {
  let query = db.selectFrom('conflicts').selectAll();
  if (filter.status === 'open') query = query.where('resolved_at', 'is', null);
  if (filter.status === 'resolved') query = query.where('resolved_at', 'is not', null);
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId.toLowerCase());
  if (filter.before) query = query.where('id', '<', filter.before.toLowerCase());
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const hasMore = rows.length > filter.limit;
  return { conflicts: await toViews(db, rows.slice(0, filter.limit)), hasMore };
}

export async function getConflict(db: Db, id: string): Promise<ConflictView | undefined> {
  const row = await db.selectFrom('conflicts').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst();
  return row ? (await toViews(db, [row]))[0] : undefined;
}

async function openConflict(trx: Transaction<Tables>, id: string): Promise<ConflictsTable> {
  const row = await trx.selectFrom('conflicts').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst();
  if (!row) throw new AppError('CONFLICT_NOT_FOUND', { id });
  if (row.resolved_at !== null) throw new AppError('CONFLICT_RESOLVED', { id });
  return row;
}

/** The changes that bring a conflict's lost side back, and whether the record must be undeleted. */
function restoration(row: ConflictsTable, record: StoredRecord): { changes: FieldChanges; undelete: boolean } {
  const lost = parseValue(row.lost_value);
  switch (row.kind as ConflictKind) {
    case 'field':
      // Bringing back one field never undeletes a record someone deleted since.
      if (record.deleted) throw new AppError('RECORD_DELETED', { id: record.id });
      return {
        changes: row.field === 'geometry' ? { geometry: lost } : { properties: { [row.field]: lost } },
        undelete: false,
      };
    case 'edit-after-delete':
      return { changes: lost as FieldChanges, undelete: true };
    case 'delete-after-edit':
      return { changes: {}, undelete: true };
  }
}

/**
 * Checks a record after the lost side was applied: `patch` is in the form of a PATCH body. Runs
 * inside the resolving transaction, so any lookups must use `trx`.
 */
export type RestoreValidator = (
  trx: Transaction<Tables>,
  record: StoredRecord,
  patch: FieldChanges,
) => Promise<ValidRecord>;

/**
 * Resolves an open conflict. `keep` leaves the record as it is; `restore-lost` writes the lost
 * side back as a new version by `account:<accountId>` (a field value, an edit that met a delete
 * with the record undeleted, or the record a delete removed). Invalid results change nothing.
 */
export async function resolveConflict(
  db: Db,
  id: string,
  action: 'keep' | 'restore-lost',
  accountId: string,
  validate: RestoreValidator,
): Promise<{ conflict: ConflictView; record: StoredRecord | null }> {
  const resolved = await db.transaction().execute(async (trx) => {
    // Claimed first, as every record write does; handed back when there is nothing to write.
    const version = action === 'restore-lost' ? await claimVersions(trx, 1) : null;
    const row = await openConflict(trx, id);
    let record = (await getRecord(trx, row.record_id)) ?? null;
    let written: Changes = {};
    if (version !== null) {
      if (!record) throw new AppError('RECORD_NOT_FOUND', { id: row.record_id });
      const { changes, undelete } = restoration(row, record);
      const next = await validate(trx, record, changes);
      const changed = changedFieldNames(recordView(record), recordView(next));
      if (changed.length > 0 || (undelete && record.deleted)) {
        const time = now();
        await trx
          .updateTable('records')
          .set({
            ...contentColumns(next),
            field_versions: JSON.stringify(
              stampFields(record.fieldVersions, changed, version, accountWriter(accountId)),
            ),
            deleted: 0,
            version,
            updated_at: time,
          })
          .where('id', '=', record.id)
          .execute();
        written = contentChanges(recordView(record), recordView(next));
        record = (await getRecord(trx, record.id)) ?? null;
      } else {
        await settleVersions(trx, version - 1);
      }
    }
    // Conditional, so that of two planners resolving at once only one succeeds.
    const marked = await trx
      .updateTable('conflicts')
      .set({ resolved_at: now(), resolved_by: accountId, resolution: action === 'keep' ? 'kept' : 'restored' })
      .where('id', '=', row.id)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) throw new AppError('CONFLICT_RESOLVED', { id });
    // Keeping changes nothing, yet the planner's decision belongs to the record's history too.
    if (record) {
      const event = { recordId: record.id, version: record.version, actor: accountActor(accountId), changes: written };
      await insertEvents(trx, [eventRow({ ...event, action: 'resolve', time: now() })]);
    }
    return { id: row.id, record };
  });
  const conflict = await getConflict(db, resolved.id);
  if (!conflict) throw new AppError('CONFLICT_NOT_FOUND', { id });
  return { conflict, record: resolved.record };
}

/** Who wrote what, at which versions, for a new conflicts row. */
interface ConflictContext {
  recordId: string;
  writer: string;
  baseVersion: number | null;
  version: number;
  time: string;
}

/** A same-field clash: the op's value was applied, the value it overwrote is kept here. */
export function fieldConflict(context: ConflictContext, clash: RecordedClash): ConflictsTable {
  return conflictRow({
    record_id: context.recordId,
    kind: 'field',
    field: clash.field,
    kept_value: JSON.stringify(clash.kept),
    lost_value: JSON.stringify(clash.lost),
    kept_by: context.writer,
    lost_by: clash.lostBy,
    lost_op_id: null,
    base_version: context.baseVersion,
    version: context.version,
    created_at: context.time,
  });
}

/** An edit that arrived for a deleted record: not applied, kept whole so the record can come back with it. */
export function editAfterDeleteConflict(context: ConflictContext, opId: string, sent: FieldChanges): ConflictsTable {
  return conflictRow({
    record_id: context.recordId,
    kind: 'edit-after-delete',
    field: WHOLE_RECORD,
    kept_value: null,
    lost_value: JSON.stringify(sent),
    kept_by: null,
    lost_by: context.writer,
    lost_op_id: opId,
    base_version: context.baseVersion,
    version: context.version,
    created_at: context.time,
  });
}

/** A delete made on a base older than other writers' edits: the tombstone keeps them; this names them. */
export function deleteAfterEditConflict(
  context: ConflictContext,
  edits: { changes: FieldChanges; lastWriter: string | null },
): ConflictsTable {
  return conflictRow({
    record_id: context.recordId,
    kind: 'delete-after-edit',
    field: WHOLE_RECORD,
    kept_value: null,
    lost_value: JSON.stringify(edits.changes),
    kept_by: context.writer,
    lost_by: edits.lastWriter,
    lost_op_id: null,
    base_version: context.baseVersion,
    version: context.version,
    created_at: context.time,
  });
}
