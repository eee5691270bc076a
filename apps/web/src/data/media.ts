import { db } from './db.ts';
import { guardQuota, LocalDataError } from './errors.ts';
import { cachedTaxonomy } from './meta.ts';
import type { LocalRecord, MediaItem, MediaKind } from './types.ts';
import { featureMedia, writeChanges } from './write-changes.ts';

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

async function linkable(recordId: string): Promise<LocalRecord> {
  const record = await db.records.get(recordId);
  if (!record) throw new LocalDataError('RECORD_NOT_FOUND', `no record ${recordId}`);
  if (record.deleted) throw new LocalDataError('RECORD_DELETED', `record ${recordId} is deleted`);
  return record;
}

/**
 * Attaches a photo or voice note: the bytes are stored once, and the id joins the record's
 * `properties.media` through the normal write path (an unsent create is rewritten, else an update is
 * queued), all in one transaction.
 */
export async function addMedia(recordId: string, blob: Blob, kind: MediaKind, mime: string): Promise<MediaItem> {
  const taxonomy = await cachedTaxonomy();
  const now = new Date().toISOString();
  const item = await prepareMedia(recordId, { blob, kind, mime }, now);
  return guardQuota(() =>
    db.transaction('rw', [db.records, db.outbox, db.media, db.rejected], async () => {
      const record = await linkable(recordId);
      const [stored = item] = await storeNewMedia([item]);
      const linked = featureMedia(record.feature);
      if (!linked.includes(item.id)) {
        const mediaIds = record.mediaIds.includes(item.id) ? record.mediaIds : [...record.mediaIds, item.id];
        await writeChanges(record, { properties: { media: [...linked, item.id] } }, taxonomy, mediaIds);
      }
      return stored;
    }),
  );
}

/**
 * Detaches a photo or voice note from `recordId` (from every record not deleted when omitted) through
 * the normal write path, and deletes the bytes once no record lists them any more. A deleted record
 * keeps its media, so that undoing the delete brings them back.
 */
export async function removeMedia(mediaId: string, recordId?: string): Promise<void> {
  const taxonomy = await cachedTaxonomy();
  await guardQuota(() =>
    db.transaction('rw', [db.records, db.outbox, db.media, db.rejected], async () => {
      const holders = await db.records.where('mediaIds').equals(mediaId).toArray();
      const detach =
        recordId === undefined
          ? holders.filter((record) => !record.deleted)
          : [await linkable(recordId)].filter((record) => record.mediaIds.includes(mediaId));
      for (const record of detach) {
        const media = featureMedia(record.feature).filter((id) => id !== mediaId);
        const mediaIds = record.mediaIds.filter((id) => id !== mediaId);
        await writeChanges(record, { properties: { media: media.length > 0 ? media : null } }, taxonomy, mediaIds);
      }
      const detached = new Set(detach.map((record) => record.id));
      const remaining = holders.filter((record) => !detached.has(record.id));
      const first = remaining[0];
      if (!first) {
        await db.media.delete(mediaId);
        return;
      }
      const item = await db.media.get(mediaId);
      if (item && !remaining.some((record) => record.id === item.recordId)) {
        await db.media.update(mediaId, { recordId: first.id });
      }
    }),
  );
}
