import { applyRows, applySessions } from './apply-rows.ts';
import { newOpId } from './op-id.ts';
import { type Round, SYNC_META } from './round.ts';
import { type ClientRecord, SyncTransportError } from './types.ts';

/**
 * Pulls page by page from `cursor` until the server has nothing more, each page applied in one
 * transaction with its cursor. A full resync passes `seen` to collect the ids and stores the cursor
 * only at the end, so an interrupted one starts over instead of skipping its clean-up.
 */
async function pullPages(round: Round, cursor: string | null, seen?: Set<string>): Promise<string> {
  const { store, transport, outcome, scope } = round;
  const phase = seen ? 'resync' : 'pull';
  const fetchPage = (from: string | null) =>
    transport.pull({ cursor: from, limit: round.pullLimit, quarters: scope.quarters });
  let done = 0;
  round.progress({ phase, done, total: null });
  let request = fetchPage(cursor);
  for (;;) {
    const page = await request;
    if (page.hasMore && page.nextCursor === cursor) {
      throw new SyncTransportError('PULL_STALLED', 'the server reported more rows but did not move the cursor');
    }
    // The next page travels while this one is written: on a fresh device writing to IndexedDB
    // takes about as long as the server and the network together.
    const next = page.hasMore ? fetchPage(page.nextCursor) : null;
    // Its failure surfaces when it is awaited; until then it must not count as unhandled.
    next?.catch(() => undefined);
    await store.transaction(async () => {
      await applyRows(store, page.rows);
      await applySessions(store, page.sessions);
      if (!seen) await store.setMeta(SYNC_META.cursor(scope), page.nextCursor);
    });
    for (const row of page.rows) seen?.add(row.id);
    done += page.rows.length + page.sessions.length;
    outcome.pulled += page.rows.length + page.sessions.length;
    round.progress({ phase, done, total: null });
    if (!next) return page.nextCursor;
    cursor = page.nextCursor;
    request = next;
  }
}

/**
 * Why the server refused the cursor. After purged tombstones, a record it no longer sends was
 * deleted. After a restore from an older backup or a new database, the server lost what it had
 * acknowledged since: the device's copy is then the only one left and is sent again.
 */
function serverLostData(error: SyncTransportError): boolean {
  const verdict = (error.details as { verdict?: unknown } | undefined)?.verdict;
  return verdict === 'beyond-counter' || verdict === 'foreign-epoch';
}

/**
 * Pulls everything again, then settles the acknowledged local records the server did not send:
 * dropped (their tombstones were purged) or, when the server lost data, queued as creates again.
 * Records with outbox ops and records the server never had stay as they are; the outbox is kept.
 */
async function fullResync(round: Round, resend: boolean): Promise<void> {
  const { store, scope } = round;
  round.outcome.fullResync = true;
  const seen = new Set<string>();
  const cursor = await pullPages(round, null, seen);
  await store.transaction(async () => {
    const unseen = (await store.recordIds(scope)).filter((id) => !seen.has(id));
    const withOps = await store.recordsWithOps(unseen);
    const locals = await store.getRecords(unseen);
    const gone = locals.filter(
      (local): local is ClientRecord => local !== undefined && !withOps.has(local.id) && local.serverVersion !== null,
    );
    const lost = resend ? gone.filter((local) => !local.deleted) : [];
    const drop = gone.filter((local) => !lost.includes(local)).map((local) => local.id);
    if (drop.length > 0) await store.removeRecords(drop);
    for (const local of lost) {
      await store.putRecord({ ...local, serverVersion: null, status: null });
      await store.addOp({
        opId: newOpId(),
        type: 'create',
        recordId: local.id,
        baseVersion: null,
        payload: local.feature,
        createdAt: round.now(),
      });
    }
    await store.setMeta(SYNC_META.cursor(scope), cursor);
  });
}

/** Pulls everything changed since the stored cursor of the scope; a too old cursor means a full resync. */
export async function pullChanges(round: Round): Promise<void> {
  const cursor = (await round.store.getMeta<string>(SYNC_META.cursor(round.scope))) ?? null;
  try {
    await pullPages(round, cursor);
  } catch (error) {
    if (!(error instanceof SyncTransportError) || error.code !== 'CURSOR_TOO_OLD') throw error;
    await fullResync(round, serverLostData(error));
  }
}
