import { type OpResult, type SessionRow, SYNC_SCHEMA_VERSION, type SyncOp, type SyncRow } from '../protocol.ts';
import { applyRows, applySessions } from './apply-rows.ts';
import type { Round } from './round.ts';
import type { PendingOp } from './types.ts';

function toSyncOp(op: PendingOp): SyncOp {
  return {
    opId: op.opId,
    type: op.type,
    recordId: op.recordId,
    baseVersion: op.baseVersion,
    payload: op.payload,
  } as SyncOp;
}

/** Marks the next batch as sent and returns it; one transaction, so no local write rewrites it meanwhile. */
async function takeBatch(round: Round): Promise<PendingOp[]> {
  const { store } = round;
  return store.transaction(async () => {
    const ops = await store.ops(round.pushBatch);
    const unsent = ops.filter((op) => op.sentAt === undefined).map((op) => op.seq);
    if (unsent.length > 0) await store.markSent(unsent, round.now());
    return ops;
  });
}

/** In one transaction: drops the answered ops, keeps the refused ones for the user, rebases on the returned rows. */
async function applyResults(round: Round, batch: readonly PendingOp[], results: readonly OpResult[]): Promise<number> {
  const { store, outcome } = round;
  const byOpId = new Map(batch.map((op) => [op.opId, op]));
  return store.transaction(async () => {
    const answered = new Set<number>();
    const rows: SyncRow[] = [];
    const sessions: SessionRow[] = [];
    for (const result of results) {
      const op = byOpId.get(result.opId);
      if (!op || answered.has(op.seq)) continue;
      answered.add(op.seq);
      if (result.status === 'applied') outcome.applied += 1;
      else if (result.status === 'conflict') outcome.conflicts += 1;
      else {
        outcome.rejected += 1;
        await store.addRejected({
          opId: op.opId,
          type: op.type,
          recordId: op.recordId,
          baseVersion: op.baseVersion,
          payload: op.payload,
          reason: result.reason ?? { code: 'OP_REJECTED', message: 'the server refused this change' },
          rejectedAt: round.now(),
        });
      }
      if (result.record) rows.push(result.record);
      if (result.session) sessions.push(result.session);
    }
    // The ops go first so that the returned rows rebase only on what is still unanswered.
    await store.removeOps([...answered]);
    await applyRows(store, rows);
    await applySessions(store, sessions);
    return answered.size;
  });
}

/**
 * Pushes the outbox in seq order, batch by batch. Ops are marked sent before they go out and stay
 * in the outbox until answered, so a failed request is sent again, with the same opIds, next
 * round; the server answers those from its log instead of applying them twice.
 */
export async function pushOutbox(round: Round): Promise<void> {
  const { store, transport, outcome } = round;
  const total = await store.countOps();
  let done = 0;
  round.progress({ phase: 'push', done, total });
  for (;;) {
    const batch = await takeBatch(round);
    if (batch.length === 0) return;
    const response = await transport.push({
      deviceId: round.deviceId,
      schemaVersion: SYNC_SCHEMA_VERSION,
      ops: batch.map(toSyncOp),
    });
    const answered = await applyResults(round, batch, response.results);
    outcome.pushed += answered;
    done += answered;
    round.progress({ phase: 'push', done, total: Math.max(total, done) });
    // Ops the server left unanswered stay sent and go out first next round; asking again now could loop.
    if (answered < batch.length) return;
  }
}
