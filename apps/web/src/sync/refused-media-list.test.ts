import 'fake-indexeddb/auto';
import { SYNC_META } from '@quartiersatlas/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { addMedia, createRecord, db, removeMedia } from '../data/index.ts';
import { bakery, resetDb } from '../data/test-helpers.ts';
import { refusedMediaEntries } from './refused-media-list.tsx';

beforeEach(() => resetDb());

async function refuse(id: string, code: string, refusedAt: string) {
  const entry = await db.meta.get(SYNC_META.refusedMedia);
  const refused = { ...((entry?.value ?? {}) as object), [id]: { id, code, message: code, refusedAt } };
  await db.meta.put({ key: SYNC_META.refusedMedia, value: refused });
}

describe('refused photos and voice notes', () => {
  it('lists what the server refused while the file is still on the device, oldest first', async () => {
    const record = await createRecord(bakery());
    const photo = await addMedia(record.id, new Blob([new Uint8Array([1, 2, 3])]), 'photo', 'image/jpeg');
    const voice = await addMedia(record.id, new Blob([new Uint8Array([4, 5])]), 'audio', 'audio/webm');
    await refuse(voice.id, 'MEDIA_TYPE_MISMATCH', '2026-11-21T10:00:00.000Z');
    await refuse(photo.id, 'MEDIA_TOO_LARGE', '2026-11-21T09:00:00.000Z');

    const entries = await refusedMediaEntries();
    expect(entries.map((entry) => [entry.item.kind, entry.refused.code])).toEqual([
      ['photo', 'MEDIA_TOO_LARGE'],
      ['audio', 'MEDIA_TYPE_MISMATCH'],
    ]);

    // Removing the file (or a later successful upload) takes it off the list.
    await removeMedia(photo.id);
    await db.media.update(voice.id, { uploaded: true });
    expect(await refusedMediaEntries()).toEqual([]);
  });
});
