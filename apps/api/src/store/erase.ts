import { rm } from 'node:fs/promises';
import type { Transaction } from 'kysely';
import type { Db, Tables } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { MediaFiles } from '../media/media-files.ts';
import { coarsePosition } from './coarsen.ts';
import { eventRow, insertEvents } from './history.ts';
import { claimVersions, getRecord } from './records.ts';
import { now } from './time.ts';

/** Who asked for the erasure: the resident (their link's author id), a planner, or retention (null). */
export interface EraseActor {
  accountId: string | null;
  deviceId?: string | null;
}

export interface ErasedSubmission {
  id: string;
  /** The tombstone's version: devices that pull it drop the record. */
  version: number;
  /** Photos and voice notes removed with it (rows and files); shared ones stay. */
  removedMedia: string[];
}

/**
 * Erases a resident's submission so that nothing of their text, voice, photos or exact point is
 * left: the record becomes a tombstone at its coarse position (a new version, so devices drop it),
 * its history keeps only what happened when, its consent and receipt row go, and so do the media
 * files no other record lists.
 *
 * Pass the database, and the erasure runs in a transaction of its own and removes the files after
 * the commit. Pass a transaction, and erasing must be the first write in it (it claims a record
 * version, see claimVersions); the files are then removed once the rows are gone, before the
 * caller commits. A failed commit after that leaves rows whose files are missing, which read as
 * missing media everywhere: never the other way round, personal data kept after a "deleted".
 *
 * Throws NOT_A_RESIDENT_SUBMISSION when the record has no resident_submissions row.
 */
export async function eraseSubmission(
  db: Db,
  recordId: string,
  actor: EraseActor,
  dataDir: string,
): Promise<ErasedSubmission> {
  if (db.isTransaction) {
    const erased = await eraseRows(db as Transaction<Tables>, recordId, actor);
    await removeMediaFiles(dataDir, erased.removedMedia);
    return erased;
  }
  const erased = await db.transaction().execute((trx) => eraseRows(trx, recordId, actor));
  await removeMediaFiles(dataDir, erased.removedMedia);
  return erased;
}

async function eraseRows(trx: Transaction<Tables>, recordId: string, actor: EraseActor): Promise<ErasedSubmission> {
  const version = await claimVersions(trx, 1);
  const id = recordId.toLowerCase();
  const submission = await trx
    .selectFrom('resident_submissions')
    .select('record_id')
    .where('record_id', '=', id)
    .executeTakeFirst();
  const record = submission ? await getRecord(trx, id) : undefined;
  if (!record) throw new AppError('NOT_A_RESIDENT_SUBMISSION', { id: recordId });

  const [lon, lat] = representativePoint(record.geometry);
  const [coarseLon, coarseLat] = coarsePosition(lon, lat);
  const time = now();
  // The kind, quarter and category stay in their columns: what a gap count per quarter needs.
  await trx
    .updateTable('records')
    .set({
      geometry: JSON.stringify({ type: 'Point', coordinates: [coarseLon, coarseLat] }),
      props: '{}',
      min_lon: coarseLon,
      min_lat: coarseLat,
      max_lon: coarseLon,
      max_lat: coarseLat,
      field_versions: '{}',
      public_text: 0,
      deleted: 1,
      version,
      updated_at: time,
    })
    .where('id', '=', id)
    .execute();
  // Each event's `changes` held the field values before and after (the text, the point), and a
  // rejection's note may quote them; what happened when is all the history keeps.
  await trx.updateTable('record_events').set({ changes: '{}', note: null }).where('record_id', '=', id).execute();
  await insertEvents(trx, [
    eventRow({
      recordId: id,
      version,
      action: 'erase',
      actor: { accountId: actor.accountId, deviceId: actor.deviceId ?? null },
      changes: {},
      time,
    }),
  ]);
  await trx.deleteFrom('resident_submissions').where('record_id', '=', id).execute();
  // Conflicts keep both values of a field; sync answers may quote refused content.
  await trx.deleteFrom('conflicts').where('record_id', '=', id).execute();
  await trx.deleteFrom('sync_ops').where('record_id', '=', id).execute();
  const removedMedia = await dropUnsharedMedia(trx, mediaOf(record.fields));
  return { id, version, removedMedia };
}

function representativePoint(geometry: { type: string; coordinates: unknown }): [number, number] {
  if (geometry.type === 'Point') return geometry.coordinates as [number, number];
  // Needs are points; anything else is reduced to the first position of its outline.
  const ring = (geometry.coordinates as [number, number][][])[0] ?? [];
  return ring[0] ?? [0, 0];
}

/** The media hashes a record's fields list. */
export function mediaOf(fields: Record<string, unknown>): string[] {
  const media = fields.media;
  return Array.isArray(media) ? media.filter((m): m is string => typeof m === 'string') : [];
}

/**
 * Removes the rows of media that no record lists any more (call it after the record stopped
 * listing them); returns their hashes, whose files removeMediaFiles then deletes. A file another
 * record lists, even a deleted one that may be restored, is kept.
 */
export async function dropUnsharedMedia(trx: Transaction<Tables>, hashes: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const sha256 of new Set(hashes)) {
    // Hashes are 64 hex digits: a match in the JSON text can only be that hash.
    if (!/^[0-9a-f]{64}$/.test(sha256)) continue;
    const listed = await trx
      .selectFrom('records')
      .select('id')
      .where('props', 'like', `%${sha256}%`)
      .executeTakeFirst();
    if (listed) continue;
    await trx.deleteFrom('media').where('sha256', '=', sha256).execute();
    await trx.deleteFrom('media_uploads').where('sha256', '=', sha256).execute();
    removed.push(sha256);
  }
  return removed;
}

/** Deletes the files (complete and partial) of media whose rows are gone. */
export async function removeMediaFiles(dataDir: string, hashes: readonly string[]): Promise<void> {
  const files = new MediaFiles(dataDir);
  for (const sha256 of hashes) {
    await rm(files.completePath(sha256), { force: true });
    await files.removePartial(sha256);
  }
}
