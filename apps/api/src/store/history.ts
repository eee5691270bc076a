import { randomUUID } from 'node:crypto';
import type { RecordStatus } from '@quartiersatlas/domain';
import {
  fieldValues,
  GEOMETRY_FIELD,
  isEditableField,
  type RecordView,
  sameValue,
  writerAccountId,
} from '@quartiersatlas/sync';
import type { Transaction } from 'kysely';
import type { Db, RecordEventsTable, Tables } from '../db/schema.ts';

/**
 * Record history: one `record_events` row per write, inserted in the write's own transaction so a
 * write never lands without its event (or the other way round).
 */
export const HISTORY_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'publish',
  'reject',
  'resolve',
  // A resident's submission was erased (receipt, planner on request) or anonymised by retention.
  'erase',
  'anonymise',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** Who wrote: the account, and the device when the write came through a sync push. */
export interface Actor {
  accountId: string | null;
  deviceId: string | null;
}

/** Writes by the server's own tools (seeding, scripts) act for no account. */
export const SYSTEM_ACTOR: Actor = { accountId: null, deviceId: null };

export function accountActor(accountId: string | null): Actor {
  return { accountId, deviceId: null };
}

/** The actor behind a field-versions writer name: `account:<id>` or the server's own `system`. */
export function writerActor(writer: string): Actor {
  return accountActor(writerAccountId(writer));
}

export type Changes = Record<string, { before: unknown; after: unknown }>;

/**
 * The editable fields (geometry included) that differ between two states of a record, with both
 * values; `before` null: the record is new, so every field it has counts as changed.
 */
export function contentChanges(before: RecordView | null, after: RecordView): Changes {
  const old = before ? fieldValues(before) : new Map<string, unknown>();
  const next = fieldValues(after);
  const changes: Changes = {};
  for (const name of [...new Set([...old.keys(), ...next.keys()])].sort()) {
    const a = old.get(name) ?? null;
    const b = next.get(name) ?? null;
    if (!sameValue(a, b)) changes[name] = { before: a, after: b };
  }
  return changes;
}

/**
 * The changes of a new record: every field it was created with, and its first status. Built
 * directly rather than by diffing against nothing: a sync push creates hundreds at once.
 */
export function creationChanges(view: RecordView, status: RecordStatus): Changes {
  const changes: Changes = { [GEOMETRY_FIELD]: { before: null, after: view.geometry } };
  for (const name in view.properties) {
    const value = view.properties[name];
    if (value !== null && value !== undefined && isEditableField(name)) changes[name] = { before: null, after: value };
  }
  changes.status = { before: null, after: status };
  return changes;
}

export interface EventInput {
  recordId: string;
  /** The record's version after the write. */
  version: number;
  action: HistoryAction;
  actor: Actor;
  changes: Changes;
  note?: string | null;
  time: string;
}

export function eventRow(event: EventInput): RecordEventsTable {
  return {
    // Random, not time-ordered: events sort by the record's version (crypto.randomUUID is also the fastest).
    id: randomUUID(),
    record_id: event.recordId,
    version: event.version,
    action: event.action,
    account_id: event.actor.accountId,
    device_id: event.actor.deviceId,
    changes: JSON.stringify(event.changes),
    note: event.note ?? null,
    created_at: event.time,
  };
}

// SQLite allows 32,766 bound variables per statement: 9 columns × 1,000 rows stays well below.
const EVENT_CHUNK = 1000;

/** Inserts events inside the transaction of the writes they describe. */
export async function insertEvents(trx: Transaction<Tables>, rows: readonly RecordEventsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += EVENT_CHUNK) {
    await trx
      .insertInto('record_events')
      .values(rows.slice(i, i + EVENT_CHUNK))
      .execute();
  }
}

export interface HistoryEvent {
  version: number;
  action: HistoryAction;
  at: string;
  by: { accountId: string | null; name: string | null; deviceId: string | null };
  changes: Changes;
  note: string | null;
}

/** A record's events oldest first, with the writers' display names; empty when there are none. */
export async function recordHistory(db: Db, recordId: string): Promise<HistoryEvent[]> {
  const rows = await db
    .selectFrom('record_events')
    .leftJoin('accounts', 'accounts.id', 'record_events.account_id')
    .select([
      'record_events.version',
      'record_events.action',
      'record_events.created_at',
      'record_events.account_id',
      'record_events.device_id',
      'record_events.changes',
      'record_events.note',
      'accounts.display_name',
    ])
    .where('record_events.record_id', '=', recordId.toLowerCase())
    .orderBy('record_events.version')
    .orderBy('record_events.created_at')
    .orderBy('record_events.id')
    .execute();
  return rows.map((row) => ({
    version: Number(row.version),
    action: row.action as HistoryAction,
    at: row.created_at,
    by: { accountId: row.account_id, name: row.display_name ?? null, deviceId: row.device_id },
    changes: JSON.parse(row.changes) as Changes,
    note: row.note,
  }));
}
