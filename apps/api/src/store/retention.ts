import { randomBytes } from 'node:crypto';
import { changedFieldNames, stampFields } from '@quartiersatlas/sync';
import type { Transaction } from 'kysely';
import type { Config } from '../config.ts';
import type { Db, Tables } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { APPROVED_TEXT_FIELDS, coarsePosition, PUBLIC_NEED_FIELDS } from './coarsen.ts';
import { dropUnsharedMedia, eraseSubmission, mediaOf, removeMediaFiles } from './erase.ts';
import { eventRow, insertEvents, SYSTEM_ACTOR } from './history.ts';
import { claimVersions, getRecord, recordView, SYSTEM_WRITER, settleVersions } from './records.ts';

/**
 * Retention of resident submissions (RESIDENT_RETENTION_DAYS, default 365). Once a submission is
 * older than that:
 * - pending or rejected (or deleted by a planner): erased entirely (see eraseSubmission);
 * - published: anonymised. The need stays on the map as the public sees it, and nothing more is
 *   kept: the point moves to its cell centre, the free text and its language go unless a planner
 *   approved showing them, the note and media go, the history keeps only what happened when, and
 *   the receipt stops working (its hash is replaced by a random value no code can match).
 * Runs at start and every hour (app.ts), and by hand with `npm run admin -- retention`.
 */

export interface RetentionResult {
  erased: number;
  anonymised: number;
}

/** Submissions handled per round; the rest follow in the next round an hour later. */
const BATCH = 500;

export function retentionCutoff(days: number, at: Date): string {
  return new Date(at.getTime() - days * 86_400_000).toISOString();
}

/** What a retained need keeps: the fields the public sees, and the text only if it was shown. */
function retainedFields(fields: Record<string, unknown>, publicText: boolean): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const names: readonly string[] = publicText ? [...PUBLIC_NEED_FIELDS, ...APPROVED_TEXT_FIELDS] : PUBLIC_NEED_FIELDS;
  for (const name of names) {
    if (name !== 'category' && fields[name] !== undefined) kept[name] = fields[name];
  }
  return kept;
}

/**
 * Anonymises one published submission in `trx`; false (nothing written) when it is no longer a
 * live, published, not yet anonymised submission (another process got there first, or a planner
 * changed it meanwhile: the next round decides again).
 */
async function anonymise(trx: Transaction<Tables>, recordId: string, time: string): Promise<string[] | false> {
  const version = await claimVersions(trx, 1);
  const submission = await trx
    .selectFrom('resident_submissions')
    .select('anonymised_at')
    .where('record_id', '=', recordId)
    .executeTakeFirst();
  const current = await getRecord(trx, recordId);
  if (
    !submission ||
    submission.anonymised_at !== null ||
    !current ||
    current.deleted ||
    current.status !== 'published' ||
    current.geometry.type !== 'Point'
  ) {
    await settleVersions(trx, version - 1);
    return false;
  }
  const flag = await trx.selectFrom('records').select('public_text').where('id', '=', recordId).executeTakeFirst();
  const publicText = Number(flag?.public_text) === 1;
  const [exactLon, exactLat] = current.geometry.coordinates;
  const [lon, lat] = coarsePosition(exactLon, exactLat);
  const geometry = { type: 'Point' as const, coordinates: [lon, lat] as [number, number] };
  const fields = retainedFields(current.fields, publicText);
  const changed = changedFieldNames(recordView(current), recordView({ ...current, geometry, fields }));
  await trx
    .updateTable('records')
    .set({
      geometry: JSON.stringify(geometry),
      props: JSON.stringify(fields),
      min_lon: lon,
      min_lat: lat,
      max_lon: lon,
      max_lat: lat,
      field_versions: JSON.stringify(stampFields(current.fieldVersions, changed, version, SYSTEM_WRITER)),
      version,
      updated_at: time,
    })
    .where('id', '=', recordId)
    .execute();
  // Earlier events hold the exact point and the text as before/after values, rejections a note.
  await trx.updateTable('record_events').set({ changes: '{}', note: null }).where('record_id', '=', recordId).execute();
  await insertEvents(trx, [
    eventRow({ recordId, version, action: 'anonymise', actor: SYSTEM_ACTOR, changes: {}, time }),
  ]);
  await trx
    .updateTable('resident_submissions')
    .set({ anonymised_at: time, receipt_hash: `anonymised:${randomBytes(16).toString('hex')}` })
    .where('record_id', '=', recordId)
    .execute();
  await trx.deleteFrom('conflicts').where('record_id', '=', recordId).execute();
  await trx.deleteFrom('sync_ops').where('record_id', '=', recordId).execute();
  return dropUnsharedMedia(trx, mediaOf(current.fields));
}

/** Applies the retention period to every resident submission older than it; returns what it did. */
export async function applyRetention(
  db: Db,
  config: Pick<Config, 'residentRetentionDays' | 'dataDir'>,
  at: Date = new Date(),
): Promise<RetentionResult> {
  const cutoff = retentionCutoff(config.residentRetentionDays, at);
  const result: RetentionResult = { erased: 0, anonymised: 0 };
  for (;;) {
    const due = await db
      .selectFrom('resident_submissions')
      .leftJoin('records', 'records.id', 'resident_submissions.record_id')
      .select(['resident_submissions.record_id', 'records.status', 'records.deleted'])
      .where('resident_submissions.submitted_at', '<', cutoff)
      .where('resident_submissions.anonymised_at', 'is', null)
      .orderBy('resident_submissions.submitted_at')
      .limit(BATCH)
      .execute();
    let progressed = 0;
    for (const row of due) {
      if (row.status === null) {
        // The record itself is gone (tombstones purged): only consent and receipt hash are left.
        await db.deleteFrom('resident_submissions').where('record_id', '=', row.record_id).execute();
        result.erased++;
      } else if (row.status === 'published' && Number(row.deleted) === 0) {
        const time = new Date().toISOString();
        const removed = await db.transaction().execute((trx) => anonymise(trx, row.record_id, time));
        if (removed === false) continue;
        await removeMediaFiles(config.dataDir, removed);
        result.anonymised++;
      } else {
        try {
          await eraseSubmission(db, row.record_id, SYSTEM_ACTOR, config.dataDir);
        } catch (error) {
          // Erased meanwhile (the resident's receipt, a planner, another process): nothing left to do.
          if (error instanceof AppError && error.code === 'NOT_A_RESIDENT_SUBMISSION') continue;
          throw error;
        }
        result.erased++;
      }
      progressed++;
    }
    // A batch where nothing could be done (all changed meanwhile) ends the round rather than spin.
    if (due.length < BATCH || progressed === 0) return result;
  }
}
