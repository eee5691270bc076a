import {
  applyRecordPatch,
  type FieldIssue,
  parseRecord,
  type Role,
  type SurveySessionInput,
  type Taxonomy,
  type ValidRecord,
} from '@quartiersatlas/domain';
import {
  canSeeRecord,
  createdKind,
  editsSinceBase,
  type FieldChanges,
  mayPushOp,
  mergeChanges,
  type OpReason,
  type OpResult,
  opShapeIssues,
  type RecordChanges,
  type SyncOpEnvelopeSchema,
  type SyncRow,
  settleMerge,
} from '@quartiersatlas/sync';
import type { Transaction } from 'kysely';
import type { Static } from 'typebox';
import type {
  ConflictsTable,
  Db,
  RecordEventsTable,
  RecordsTable,
  SurveySessionsTable,
  SyncOpsTable,
  Tables,
} from '../db/schema.ts';
import { AppError, invalidInput } from '../errors.ts';
import { deleteAfterEditConflict, editAfterDeleteConflict, fieldConflict } from './conflicts.ts';
import {
  type Changes,
  contentChanges,
  creationChanges,
  eventRow,
  type HistoryAction,
  insertEvents,
} from './history.ts';
import {
  claimVersions,
  contentColumns,
  fromRow,
  fromWrittenRow,
  recordRow,
  recordView,
  type StoredRecord,
  settleVersions,
  toFeature,
} from './records.ts';
import { sessionRow, toSessionRow } from './sessions.ts';
import { getTaxonomy } from './taxonomy.ts';
import { now } from './time.ts';

export type SyncOpEnvelope = Static<typeof SyncOpEnvelopeSchema>;

/** Who pushes: the signed-in account and the device it pushes from (the writer of its changes). */
export interface PushCaller {
  accountId: string;
  role: Role;
  deviceId: string;
}

/** A record or session as this push sees it; `stored`: it was in the database before the push. */
interface Slot<Row> {
  row: Row;
  stored: boolean;
  dirty: boolean;
}
type RecordSlot = Slot<RecordsTable> & { record: StoredRecord };

/** What an op did, before the record's or session's current state is attached. */
type Outcome = Omit<OpResult, 'opId' | 'record' | 'session' | 'replayed'>;

// SQLite allows 32,766 bound variables per statement: 19 record columns × 1,000 rows stays below.
const WRITE_CHUNK = 1000;

/** The catalogue's code and message, with the field issues or other details of the error. */
function reasonOf(error: AppError): OpReason {
  const details = error.details;
  if (Array.isArray(details)) return { code: error.code, message: error.message, issues: details };
  return { code: error.code, message: error.message, ...(details ? { details } : {}) };
}

function rejected(error: AppError): Outcome {
  return { status: 'rejected', reason: reasonOf(error) };
}

/** A record as sync ships it; tombstones carry no content. */
export function syncRow(record: StoredRecord): SyncRow {
  if (record.deleted) return { id: record.id, version: record.version, deleted: true };
  return { id: record.id, version: record.version, deleted: false, feature: toFeature(record) as SyncRow['feature'] };
}

/**
 * One push, applied op by op inside one transaction. Reads are batched up front and cached; writes
 * are collected and flushed at the end, so 500 creates cost a handful of statements. Every op is
 * validated before it touches the in-memory state, so a rejected op leaves only its log row.
 */
class PushRun {
  private readonly records = new Map<string, RecordSlot | null>();
  private readonly sessions = new Map<string, Slot<SurveySessionsTable> | null>();
  private readonly log = new Map<string, { accountId: string; outcome: Outcome }>();
  private readonly newLog: SyncOpsTable[] = [];
  private readonly newConflicts: ConflictsTable[] = [];
  private readonly newEvents: RecordEventsTable[] = [];
  private readonly time = now();
  private readonly writer: string;
  private nextVersion: number;

  constructor(
    private readonly trx: Transaction<Tables>,
    private readonly caller: PushCaller,
    private readonly taxonomy: Taxonomy,
    private readonly quarters: ReadonlySet<string>,
    private readonly firstVersion: number,
  ) {
    this.writer = caller.deviceId.toLowerCase();
    this.nextVersion = firstVersion;
  }

  async load(ops: readonly SyncOpEnvelope[]): Promise<void> {
    const opIds = ops.map((op) => op.opId);
    const logged = await this.trx
      .selectFrom('sync_ops')
      .select(['op_id', 'account_id', 'result'])
      .where('op_id', 'in', opIds)
      .execute();
    for (const row of logged) {
      this.log.set(row.op_id, { accountId: row.account_id, outcome: JSON.parse(row.result) as Outcome });
    }
    const recordIds = [...new Set(ops.filter((op) => isRecordOp(op)).map((op) => op.recordId.toLowerCase()))];
    for (const id of recordIds) this.records.set(id, null);
    if (recordIds.length === 0) return;
    const rows = await this.trx.selectFrom('records').selectAll().where('id', 'in', recordIds).execute();
    for (const row of rows) this.records.set(row.id, { row, record: fromRow(row), stored: true, dirty: false });
  }

  async apply(op: SyncOpEnvelope): Promise<OpResult> {
    const id = op.recordId.toLowerCase();
    const logged = this.log.get(op.opId);
    if (logged && logged.accountId !== this.caller.accountId) {
      return { opId: op.opId, ...rejected(new AppError('OP_ID_TAKEN', { opId: op.opId })) };
    }
    const outcome = logged ? logged.outcome : await this.run(op, id);
    if (!logged) {
      this.log.set(op.opId, { accountId: this.caller.accountId, outcome });
      this.newLog.push({
        op_id: op.opId,
        account_id: this.caller.accountId,
        device_id: this.writer,
        type: op.type,
        record_id: id,
        status: outcome.status,
        result: JSON.stringify(outcome),
        created_at: this.time,
      });
    }
    // The current state goes with every answer, replays included, so the device can rebase at once.
    const result: OpResult = { opId: op.opId, ...outcome, ...(logged ? { replayed: true } : {}) };
    if (isRecordOp(op)) {
      const record = this.records.get(id)?.record;
      if (record && canSeeRecord(this.caller, record)) result.record = syncRow(record);
    } else if (this.caller.role !== 'resident') {
      const session = await this.session(id);
      if (session) result.session = toSessionRow(session.row);
    }
    return result;
  }

  private async run(op: SyncOpEnvelope, id: string): Promise<Outcome> {
    if (!mayPushOp(this.caller.role, op.type, createdKind(op))) {
      return rejected(new AppError('FORBIDDEN', { role: this.caller.role }));
    }
    const issues = opShapeIssues(op);
    if (issues.length > 0) return rejected(invalidInput(issues));
    switch (op.type) {
      case 'create':
        return this.create(op.payload, id);
      case 'update':
        return this.update(op, op.payload as RecordChanges, id);
      case 'delete':
        return this.delete(op, id);
      case 'create-session':
        return this.createSession(op.payload as SurveySessionInput, id);
      case 'update-session':
        return this.updateSession(op.payload as { endedAt: string | null }, id);
    }
  }

  private takeVersion(): number {
    const version = this.nextVersion;
    this.nextVersion += 1;
    return version;
  }

  /** The record as the caller may see it; a record they may not see behaves as absent. */
  private visibleRecord(id: string): RecordSlot | null {
    const slot = this.records.get(id) ?? null;
    return slot && canSeeRecord(this.caller, slot.record) ? slot : null;
  }

  private async session(id: string): Promise<Slot<SurveySessionsTable> | null> {
    const cached = this.sessions.get(id);
    if (cached !== undefined) return cached;
    const row = await this.trx.selectFrom('survey_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    const slot = row ? { row, stored: true, dirty: false } : null;
    this.sessions.set(id, slot);
    return slot;
  }

  /** As the records API: the quarter must exist, and the survey session too, in that quarter. */
  private async referenceError(record: ValidRecord): Promise<AppError | null> {
    if (!this.quarters.has(record.quarterId)) {
      return new AppError('UNKNOWN_QUARTER', { quarterId: record.quarterId }, [
        {
          field: 'properties.quarterId',
          code: 'UNKNOWN_QUARTER',
          message: `there is no quarter "${record.quarterId}"`,
        },
      ]);
    }
    if (record.sessionId === null) return null;
    const session = await this.session(record.sessionId);
    const field = 'properties.sessionId';
    const issue: FieldIssue | null = !session
      ? { field, code: 'UNKNOWN_SESSION', message: `there is no survey session "${record.sessionId}"` }
      : session.row.quarter_id !== record.quarterId
        ? {
            field,
            code: 'SESSION_IN_OTHER_QUARTER',
            message: `the session belongs to quarter "${session.row.quarter_id}"`,
          }
        : null;
    return issue ? new AppError('UNKNOWN_SESSION', { sessionId: record.sessionId }, [issue]) : null;
  }

  private write(slot: RecordSlot, row: RecordsTable, content?: ValidRecord): void {
    slot.row = row;
    slot.record = content ? fromWrittenRow(row, content) : fromRow(row);
    slot.dirty = true;
  }

  private context(id: string, baseVersion: number | null, version: number) {
    return { recordId: id, writer: this.writer, baseVersion, version, time: this.time };
  }

  private addEvent(recordId: string, version: number, action: HistoryAction, changes: Changes): void {
    const actor = { accountId: this.caller.accountId, deviceId: this.writer };
    this.newEvents.push(eventRow({ recordId, version, action, actor, changes, time: this.time }));
  }

  private addConflict(row: ConflictsTable) {
    this.newConflicts.push(row);
    return { conflictId: row.id, field: row.field };
  }

  private async create(payload: unknown, id: string): Promise<Outcome> {
    const parsed = parseRecord(payload, this.taxonomy);
    if (!parsed.ok) return rejected(invalidInput(parsed.issues));
    if (this.records.get(id)) return rejected(new AppError('RECORD_EXISTS', { id }));
    const reference = await this.referenceError(parsed.value);
    if (reference) return rejected(reference);
    const version = this.takeVersion();
    const status = this.caller.role === 'resident' ? 'pending' : 'published';
    const row = recordRow(parsed.value, { createdBy: this.caller.accountId, status }, version, this.time);
    this.records.set(id, { row, record: fromWrittenRow(row, parsed.value), stored: false, dirty: true });
    this.addEvent(id, version, 'create', creationChanges(recordView(parsed.value), status));
    return { status: 'applied', version };
  }

  private async update(op: SyncOpEnvelope, changes: RecordChanges, id: string): Promise<Outcome> {
    const slot = this.visibleRecord(id);
    if (!slot) return rejected(new AppError('RECORD_NOT_FOUND', { id }));
    const current = slot.record;
    const sent: FieldChanges = {
      ...(changes.geometry === undefined ? {} : { geometry: changes.geometry }),
      ...(changes.properties === undefined ? {} : { properties: changes.properties as Record<string, unknown> }),
    };
    if (current.deleted && !changes.restore) {
      // Not applied, yet not lost either: a planner can bring the record back with this edit.
      const conflict = editAfterDeleteConflict(this.context(id, op.baseVersion, current.version), op.opId, sent);
      const reason = reasonOf(new AppError('RECORD_DELETED', { id }));
      return { status: 'conflict', version: current.version, conflicts: [this.addConflict(conflict)], reason };
    }
    const view = recordView(current);
    const merge = { current: view, fieldVersions: current.fieldVersions, writer: this.writer };
    const { patch, clashes } = mergeChanges({ ...merge, baseVersion: op.baseVersion, changes: sent });
    const unchanged = patch.geometry === undefined && Object.keys(patch.properties).length === 0;
    if (unchanged && !current.deleted) return { status: 'applied', version: current.version };
    const parsed = applyRecordPatch(toFeature(current), patch, this.taxonomy);
    if (!parsed.ok) return rejected(invalidInput(parsed.issues));
    const reference = await this.referenceError(parsed.value);
    if (reference) return rejected(reference);
    const version = this.takeVersion();
    const next = recordView(parsed.value);
    const settled = settleMerge({ ...merge, next, clashes, version });
    this.addEvent(id, version, current.deleted ? 'restore' : 'update', contentChanges(view, next));
    this.write(
      slot,
      {
        ...slot.row,
        ...contentColumns(parsed.value),
        field_versions: JSON.stringify(settled.fieldVersions),
        deleted: 0,
        version,
        updated_at: this.time,
      },
      parsed.value,
    );
    const context = this.context(id, op.baseVersion, version);
    const conflicts = settled.clashes.map((clash) => this.addConflict(fieldConflict(context, clash)));
    return conflicts.length > 0 ? { status: 'conflict', version, conflicts } : { status: 'applied', version };
  }

  private delete(op: SyncOpEnvelope, id: string): Outcome {
    const slot = this.visibleRecord(id);
    if (!slot) return rejected(new AppError('RECORD_NOT_FOUND', { id }));
    const current = slot.record;
    if (current.deleted) return { status: 'applied', version: current.version };
    const edits = editsSinceBase({
      current: recordView(current),
      fieldVersions: current.fieldVersions,
      baseVersion: op.baseVersion,
      writer: this.writer,
    });
    const version = this.takeVersion();
    this.write(slot, { ...slot.row, deleted: 1, version, updated_at: this.time });
    this.addEvent(id, version, 'delete', {});
    if (edits.fields.length === 0) return { status: 'applied', version };
    const conflict = deleteAfterEditConflict(this.context(id, op.baseVersion, version), edits);
    return { status: 'conflict', version, conflicts: [this.addConflict(conflict)] };
  }

  private async createSession(input: SurveySessionInput, id: string): Promise<Outcome> {
    if (await this.session(id)) return rejected(new AppError('SESSION_EXISTS', { id }));
    if (!this.quarters.has(input.quarterId)) {
      return rejected(
        new AppError('UNKNOWN_QUARTER', { quarterId: input.quarterId }, [
          { field: 'quarterId', code: 'UNKNOWN_QUARTER', message: `there is no quarter "${input.quarterId}"` },
        ]),
      );
    }
    const version = this.takeVersion();
    const row = sessionRow(input, { createdBy: this.caller.accountId }, version, this.time);
    this.sessions.set(id, { row, stored: false, dirty: true });
    return { status: 'applied', version };
  }

  private async updateSession(change: { endedAt: string | null }, id: string): Promise<Outcome> {
    const slot = await this.session(id);
    if (!slot) return rejected(new AppError('SESSION_NOT_FOUND', { id }));
    // As PATCH /api/v1/sessions/:id: field teams end only the sessions they started.
    if (this.caller.role === 'field' && slot.row.created_by !== this.caller.accountId) {
      return rejected(new AppError('FORBIDDEN', { role: this.caller.role }));
    }
    const version = this.takeVersion();
    const { row } = slot;
    slot.row = { ...row, ended_at: change.endedAt, version: Number(row.version) + 1, sync_version: version };
    slot.row.updated_at = this.time;
    slot.dirty = true;
    return { status: 'applied', version };
  }

  /** Writes everything the push changed, then gives back the versions no op used. */
  async flush(claimedCount: number): Promise<void> {
    const trx = this.trx;
    const records = [...this.records.values()].filter((slot): slot is RecordSlot => slot?.dirty === true);
    const sessions = [...this.sessions.values()].filter((slot) => slot?.dirty === true) as Slot<SurveySessionsTable>[];
    await insertChunked(
      records.filter((slot) => !slot.stored).map((slot) => slot.row),
      (rows) => trx.insertInto('records').values(rows).execute(),
    );
    for (const { id, ...columns } of records.filter((slot) => slot.stored).map((slot) => slot.row)) {
      await trx.updateTable('records').set(columns).where('id', '=', id).execute();
    }
    await insertChunked(
      sessions.filter((slot) => !slot.stored).map((slot) => slot.row),
      (rows) => trx.insertInto('survey_sessions').values(rows).execute(),
    );
    for (const { id, ...columns } of sessions.filter((slot) => slot.stored).map((slot) => slot.row)) {
      await trx.updateTable('survey_sessions').set(columns).where('id', '=', id).execute();
    }
    await insertChunked(this.newLog, (rows) => trx.insertInto('sync_ops').values(rows).execute());
    await insertChunked(this.newConflicts, (rows) => trx.insertInto('conflicts').values(rows).execute());
    await insertEvents(trx, this.newEvents);
    const used = this.nextVersion - this.firstVersion;
    if (used < claimedCount) await settleVersions(trx, this.nextVersion - 1);
  }
}

function isRecordOp(op: SyncOpEnvelope): boolean {
  return op.type !== 'create-session' && op.type !== 'update-session';
}

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) await insert(rows.slice(i, i + WRITE_CHUNK));
}

/**
 * Applies a push: every op in order, in one transaction with its log rows, so an op is never
 * applied without its log row or logged without its effect. An unexpected failure (the database
 * went away) rolls everything back; the device sends the same ops again and nothing is doubled.
 */
export async function applyPush(db: Db, caller: PushCaller, ops: readonly SyncOpEnvelope[]): Promise<OpResult[]> {
  const taxonomy = await getTaxonomy(db);
  const quarters = new Set((await db.selectFrom('quarters').select('id').execute()).map((row) => row.id));
  return db.transaction().execute(async (trx) => {
    // Each op writes at most one version. The claim comes first so that the counter's row lock
    // orders this push against every other write (see claimVersions); unused versions go back.
    const first = await claimVersions(trx, ops.length);
    const run = new PushRun(trx, caller, taxonomy, quarters, first);
    await run.load(ops);
    const results: OpResult[] = [];
    for (const op of ops) results.push(await run.apply(op));
    await run.flush(ops.length);
    return results;
  });
}
