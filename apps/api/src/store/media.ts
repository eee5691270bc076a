import type { Db } from '../db/schema.ts';
import { now } from './time.ts';

/** A complete photo or voice note: its bytes are in the data directory, verified against the hash. */
export interface StoredMedia {
  sha256: string;
  mime: string;
  size: number;
  createdBy: string | null;
  createdAt: string;
}

/** An interrupted chunked upload: the first `received` bytes are in the partial file. */
export interface MediaUpload {
  sha256: string;
  mime: string;
  totalSize: number;
  received: number;
  createdBy: string | null;
  updatedAt: string;
}

export async function getMedia(db: Db, sha256: string): Promise<StoredMedia | undefined> {
  const row = await db.selectFrom('media').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  if (!row) return undefined;
  return {
    sha256: row.sha256,
    mime: row.mime,
    size: Number(row.size),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Records a complete file; a second upload of the same bytes keeps the first row. */
export async function insertMedia(db: Db, media: Omit<StoredMedia, 'createdAt'>): Promise<void> {
  await db
    .insertInto('media')
    .values({
      sha256: media.sha256,
      mime: media.mime,
      size: media.size,
      created_by: media.createdBy,
      created_at: now(),
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function getUpload(db: Db, sha256: string): Promise<MediaUpload | undefined> {
  const row = await db.selectFrom('media_uploads').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  if (!row) return undefined;
  return {
    sha256: row.sha256,
    mime: row.mime,
    totalSize: Number(row.total_size),
    received: Number(row.received),
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

/** Starts an upload with its first chunk; false when another request started one for these bytes first. */
export async function startUpload(
  db: Db,
  upload: Pick<MediaUpload, 'sha256' | 'mime' | 'totalSize' | 'received' | 'createdBy'>,
): Promise<boolean> {
  const result = await db
    .insertInto('media_uploads')
    .values({
      sha256: upload.sha256,
      mime: upload.mime,
      total_size: upload.totalSize,
      received: upload.received,
      created_by: upload.createdBy,
      updated_at: now(),
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Moves the offset from `from` to `to` only if nobody moved it since it was read: the check that
 * keeps two API processes from both accepting the same chunk.
 */
export async function advanceUpload(db: Db, sha256: string, from: number, to: number): Promise<boolean> {
  const result = await db
    .updateTable('media_uploads')
    .set({ received: to, updated_at: now() })
    .where('sha256', '=', sha256)
    .where('received', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteUpload(db: Db, sha256: string): Promise<void> {
  await db.deleteFrom('media_uploads').where('sha256', '=', sha256).execute();
}

/** Uploads nobody continued since `cutoff` (ISO time). */
export async function uploadsIdleSince(db: Db, cutoff: string): Promise<string[]> {
  const rows = await db.selectFrom('media_uploads').select('sha256').where('updated_at', '<', cutoff).execute();
  return rows.map((r) => r.sha256);
}
