import type { SessionRow, SyncRow } from '../protocol.ts';
import { rebaseRecord } from './rebase.ts';
import type { ClientRecord, ClientStore, PendingOp } from './types.ts';

/**
 * Inside a store transaction: rebases the local copies of `rows` (in the given order, so a later
 * row of the same record wins unless it is older) and writes them back in bulk.
 */
export async function applyRows(store: ClientStore, rows: readonly SyncRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = [...new Set(rows.map((row) => row.id))];
  const locals = await store.getRecords(ids);
  const withOps = await store.recordsWithOps(ids);
  const current = new Map<string, ClientRecord | undefined>(ids.map((id, i) => [id, locals[i]]));
  const pending = new Map<string, PendingOp[]>();
  const puts = new Map<string, ClientRecord>();
  const removals = new Set<string>();
  for (const row of rows) {
    let ops = pending.get(row.id);
    if (!ops) {
      ops = withOps.has(row.id) ? await store.opsFor(row.id) : [];
      pending.set(row.id, ops);
    }
    const action = rebaseRecord(current.get(row.id), row, ops);
    if (action.kind === 'put') {
      current.set(row.id, action.record);
      puts.set(row.id, action.record);
      removals.delete(row.id);
    } else if (action.kind === 'remove') {
      current.set(row.id, undefined);
      puts.delete(row.id);
      removals.add(row.id);
    }
  }
  if (puts.size > 0) await store.putRecords([...puts.values()]);
  if (removals.size > 0) await store.removeRecords([...removals]);
}

/**
 * Inside a store transaction: stores pulled or returned sessions, except those with outbox ops: a
 * device only ever ends a session, and the answer to its op brings the session back anyway.
 */
export async function applySessions(store: ClientStore, sessions: readonly SessionRow[]): Promise<void> {
  if (sessions.length === 0) return;
  const withOps = await store.recordsWithOps(sessions.map((session) => session.id));
  for (const session of sessions) {
    if (!withOps.has(session.id)) await store.putSession(session);
  }
}
