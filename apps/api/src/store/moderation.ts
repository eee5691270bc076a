import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { accountActor, type Changes, eventRow, insertEvents } from './history.ts';
import { claimVersions, fromRow, getRecord, type StoredRecord } from './records.ts';
import { now } from './time.ts';

export type Decision = { action: 'publish'; showText?: boolean } | { action: 'reject'; reason: string };

/**
 * Publishes or rejects a resident's submission that waits for moderation. The new status gets a new
 * version, so devices pull it: a published need appears for the team, a rejected one leaves the
 * views of everybody but staff and its author. The reason of a rejection is kept as the event's note.
 * A need is published without its text unless the planner chose `showText` (records.public_text);
 * the history notes that choice as a change of `publicText`.
 */
export async function moderate(
  db: Db,
  id: string,
  decision: Decision,
  options: { accountId: string; baseVersion?: number },
): Promise<StoredRecord> {
  return db.transaction().execute(async (trx) => {
    const version = await claimVersions(trx, 1);
    const current = await getRecord(trx, id);
    if (!current || current.deleted) throw new AppError('RECORD_NOT_FOUND', { id });
    // Checked before the version: when another planner decided first, "already published" says more.
    if (current.status !== 'pending') throw new AppError('RECORD_NOT_PENDING', { id, status: current.status });
    const { baseVersion } = options;
    if (baseVersion !== undefined && baseVersion !== current.version) {
      throw new AppError('VERSION_CONFLICT', { baseVersion, currentVersion: current.version });
    }
    const status = decision.action === 'publish' ? 'published' : 'rejected';
    const time = now();
    const shown = await trx.selectFrom('records').select('public_text').where('id', '=', current.id).executeTakeFirst();
    const textBefore = Number(shown?.public_text) === 1;
    // A rejected need is shown nowhere, so an approval given earlier has nothing left to apply to.
    const textAfter = decision.action === 'publish' && decision.showText === true;
    const changes: Changes = { status: { before: current.status, after: status } };
    if (textBefore !== textAfter) changes.publicText = { before: textBefore, after: textAfter };
    const row = await trx
      .updateTable('records')
      .set({ status, version, updated_at: time, public_text: textAfter ? 1 : 0 })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertEvents(trx, [
      eventRow({
        recordId: current.id,
        version,
        action: decision.action,
        actor: accountActor(options.accountId),
        changes,
        note: decision.action === 'reject' ? decision.reason : null,
        time,
      }),
    ]);
    return fromRow(row);
  });
}
