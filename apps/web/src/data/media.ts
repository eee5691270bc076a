import { db } from './db.ts';
import { guardQuota, LocalDataError } from './errors.ts';
import type { MediaItem, MediaKind } from './types.ts';

export interface NewMedia {
  blob: Blob;
  kind: MediaKind;
  mime: string;
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Hashes outside any Dexie transaction: a transaction commits as soon as it awaits a foreign promise. */
export async function prepareMedia(recordId: string, media: NewMedia, now: string): Promise<MediaItem> {
  return {
    id: await sha256Hex(media.blob),
    recordId,
    kind: media.kind,
    mime: media.mime,
    size: media.blob.size,
    blob: media.blob,
    createdAt: now,
    uploaded: false,
  };
}

/** Inside a transaction over `media`: stores the items whose bytes are not stored yet, once each. */
export async function storeNewMedia(items: MediaItem[]): Promise<MediaItem[]> {
  const unique = [...new Map(items.map((item) => [item.id, item])).values()];
  const existing = await db.media.bulkGet(unique.map((item) => item.id));
  const fresh = unique.filter((_, i) => existing[i] === undefined);
  await db.media.bulkAdd(fresh);
  return unique.map((item, i) => existing[i] ?? item);
}

export async function addMedia(recordId: string, blob: Blob, kind: MediaKind, mime: string): Promise<MediaItem> {
  const now = new Date().toISOString();
  const item = await prepareMedia(recordId, { blob, kind, mime }, now);
  return guardQuota(() =>
    db.transaction('rw', db.records, db.media, async () => {
      const record = await db.records.get(recordId);
      if (!record) throw new LocalDataError('RECORD_NOT_FOUND', `no record ${recordId}`);
      if (record.deleted) throw new LocalDataError('RECORD_DELETED', `record ${recordId} is deleted`);
      const [stored = item] = await storeNewMedia([item]);
      if (!record.mediaIds.includes(item.id)) {
        await db.records.update(recordId, { mediaIds: [...record.mediaIds, item.id], localUpdatedAt: now });
      }
      return stored;
    }),
  );
}

/**
 * Detaches a photo or voice note from `recordId` (from every record when omitted) and deletes the
 * bytes once no record lists them any more.
 */
export async function removeMedia(mediaId: string, recordId?: string): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', db.records, db.media, async () => {
    const holders = await db.records.where('mediaIds').equals(mediaId).toArray();
    const detach = holders.filter((record) => recordId === undefined || record.id === recordId);
    for (const record of detach) {
      await db.records.update(record.id, {
        mediaIds: record.mediaIds.filter((id) => id !== mediaId),
        localUpdatedAt: now,
      });
    }
    const remaining = holders.filter((record) => !detach.includes(record));
    const first = remaining[0];
    if (!first) {
      await db.media.delete(mediaId);
      return;
    }
    const item = await db.media.get(mediaId);
    if (item && !remaining.some((record) => record.id === item.recordId)) {
      await db.media.update(mediaId, { recordId: first.id });
    }
  });
}
