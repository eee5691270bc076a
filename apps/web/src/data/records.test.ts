import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from './db.ts';
import { deviceId } from './device-id.ts';
import { LocalDataError, LocalValidationError, StorageFullError } from './errors.ts';
import { queryLocalRecords, recordMedia, unsyncedCount } from './hooks.ts';
import { addMedia, removeMedia } from './media.ts';
import { addSupporter, createRecord, deleteRecord, removeSupporter, restoreRecord, updateRecord } from './records.ts';
import { bakery, need, resetDb, vacancy } from './test-helpers.ts';

beforeEach(() => resetDb());
afterEach(() => vi.restoreAllMocks());

async function ops() {
  return db.outbox.orderBy('seq').toArray();
}

describe('createRecord', () => {
  it('writes the record and its create op, with a UUIDv7 id', async () => {
    const record = await createRecord(bakery());
    expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await db.records.get(record.id)).toMatchObject({ kind: 'service', quarterId: 'eving', deleted: false });
    const [op] = await ops();
    expect(op).toMatchObject({ type: 'create', recordId: record.id, baseVersion: null });
    expect(op?.payload).toEqual(record.feature);
    expect(record.feature).toMatchObject({ type: 'Feature', id: record.id, properties: { name: 'Bäckerei Özdemir' } });
  });

  it('refuses an invalid feature with field issues and writes nothing', async () => {
    const input = bakery('');
    input.properties.category = 'casino';
    const error = await createRecord(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalValidationError);
    const fields = (error as LocalValidationError).issues.map((issue) => issue.field);
    expect(fields).toEqual(expect.arrayContaining(['properties.name', 'properties.category']));
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps neither record nor media when the outbox write fails inside the transaction', async () => {
    vi.spyOn(db.outbox, 'add').mockImplementation(() => {
      throw new Error('disk gone');
    });
    const photo = { blob: new Blob([new Uint8Array([1, 2, 3])]), kind: 'photo' as const, mime: 'image/jpeg' };
    await expect(createRecord(bakery(), [photo])).rejects.toThrow('disk gone');
    expect(await db.records.count()).toBe(0);
    expect(await db.media.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('turns a quota failure into StorageFullError', async () => {
    vi.spyOn(db.outbox, 'add').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const error = await createRecord(bakery()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).messageKey).toBe('data.storageFull');
    expect(await db.records.count()).toBe(0);
  });

  it('refuses to validate without the taxonomy the shell caches', async () => {
    await resetDb({ withTaxonomy: false });
    await expect(createRecord(bakery())).rejects.toMatchObject({ code: 'TAXONOMY_UNAVAILABLE' });
    expect(await db.records.count()).toBe(0);
  });

  it('stores attached media content-addressed by SHA-256', async () => {
    const bytes = new TextEncoder().encode('abc');
    const record = await createRecord(need(), [{ blob: new Blob([bytes]), kind: 'audio', mime: 'audio/webm' }]);
    const sha256Abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(record.mediaIds).toEqual([sha256Abc]);
    expect(await db.media.get(sha256Abc)).toMatchObject({
      recordId: record.id,
      kind: 'audio',
      size: 3,
      uploaded: false,
    });
  });
});

describe('updateRecord', () => {
  it('rewrites the unsent create instead of queueing an update', async () => {
    const record = await createRecord(bakery());
    await updateRecord(record.id, { properties: { name: 'Bäckerei Yılmaz' } });
    const all = await ops();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ type: 'create', payload: { properties: { name: 'Bäckerei Yılmaz' } } });
  });

  it('queues only the changed fields with the server version once the create was sent', async () => {
    const record = await createRecord(bakery());
    await db.outbox.clear();
    await db.records.update(record.id, { serverVersion: 12 });
    await updateRecord(record.id, {
      properties: { name: 'Bäckerei Özdemir', openingHours: 'Mo-Fr 6-18', stepFree: null },
    });
    const [op] = await ops();
    expect(op).toMatchObject({
      type: 'update',
      baseVersion: 12,
      payload: { properties: { openingHours: 'Mo-Fr 6-18' } },
    });
    expect(op?.payload).not.toHaveProperty('geometry');
    expect((await db.records.get(record.id))?.feature.properties.openingHours).toBe('Mo-Fr 6-18');
  });

  it('removes a field with null', async () => {
    const record = await createRecord({ ...vacancy() });
    await db.outbox.clear();
    const updated = await updateRecord(record.id, { properties: { address: null } });
    expect(updated.feature.properties).not.toHaveProperty('address');
    expect((await ops())[0]?.payload).toEqual({ properties: { address: null } });
  });

  it('refuses an invalid change and keeps the record as it was', async () => {
    const record = await createRecord(bakery());
    await expect(updateRecord(record.id, { properties: { kind: 'need' } })).rejects.toBeInstanceOf(
      LocalValidationError,
    );
    await expect(
      updateRecord(record.id, { geometry: { type: 'Point', coordinates: [400, 0] } }),
    ).rejects.toBeInstanceOf(LocalValidationError);
    expect((await db.records.get(record.id))?.feature).toEqual(record.feature);
    expect(await db.outbox.count()).toBe(1);
  });

  it('queues nothing when nothing changed', async () => {
    const record = await createRecord(bakery());
    await db.outbox.clear();
    await updateRecord(record.id, { properties: { name: 'Bäckerei Özdemir' }, geometry: record.feature.geometry });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('a record whose create the server refused', () => {
  it('keeps edits on the device until the create is sent again, instead of queueing updates the server must refuse', async () => {
    const record = await createRecord(bakery());
    const [create] = await ops();
    await db.outbox.clear();
    await db.rejected.add({
      opId: create?.opId ?? '',
      type: 'create',
      recordId: record.id,
      baseVersion: null,
      payload: create?.payload,
      reason: { code: 'UNKNOWN_CATEGORY', message: 'no such category' },
      rejectedAt: new Date().toISOString(),
    });
    await updateRecord(record.id, { properties: { category: 'pharmacy', name: 'Apotheke' } });
    expect((await db.records.get(record.id))?.feature.properties).toMatchObject({ category: 'pharmacy' });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('deleteRecord and restoreRecord', () => {
  it('soft-deletes with a delete op, and undo drops the op while it is unsent', async () => {
    const record = await createRecord(bakery());
    await deleteRecord(record.id);
    expect((await db.records.get(record.id))?.deleted).toBe(true);
    expect((await ops()).map((op) => op.type)).toEqual(['create', 'delete']);
    await restoreRecord(record.id);
    expect((await db.records.get(record.id))?.deleted).toBe(false);
    expect((await ops()).map((op) => op.type)).toEqual(['create']);
  });

  it('answers a delete the server has seen with a restoring update', async () => {
    const record = await createRecord(bakery());
    await db.records.update(record.id, { serverVersion: 3 });
    await deleteRecord(record.id);
    const deleteOp = (await ops()).find((op) => op.type === 'delete');
    expect(deleteOp?.baseVersion).toBe(3);
    await db.outbox.update(deleteOp?.seq ?? -1, { sentAt: new Date().toISOString() });
    await restoreRecord(record.id);
    const last = (await ops()).at(-1);
    expect(last).toMatchObject({
      type: 'update',
      payload: { restore: true, properties: { name: 'Bäckerei Özdemir' } },
    });
  });

  it('refuses to edit a deleted record', async () => {
    const record = await createRecord(bakery());
    await deleteRecord(record.id);
    await expect(updateRecord(record.id, { properties: { name: 'x' } })).rejects.toMatchObject({
      code: 'RECORD_DELETED',
    });
  });
});

describe('supporters', () => {
  it('+1 increments the count and queues one update per tap', async () => {
    const record = await createRecord(need());
    await db.outbox.clear();
    await db.records.update(record.id, { serverVersion: 5 });
    expect(await addSupporter(record.id)).toBe(1);
    expect(await addSupporter(record.id)).toBe(2);
    expect(await removeSupporter(record.id)).toBe(1);
    const all = await ops();
    expect(all.map((op) => op.payload)).toEqual([
      { properties: { supporters: 1 } },
      { properties: { supporters: 2 } },
      { properties: { supporters: 1 } },
    ]);
    expect((await db.records.get(record.id))?.feature.properties.supporters).toBe(1);
  });

  it('never goes below zero and only counts needs', async () => {
    const supported = await createRecord(need());
    expect(await removeSupporter(supported.id)).toBe(0);
    const service = await createRecord(bakery());
    await expect(addSupporter(service.id)).rejects.toBeInstanceOf(LocalDataError);
  });
});

describe('media', () => {
  it('attaches, shares identical bytes and removes the blob with its last record', async () => {
    const first = await createRecord(bakery());
    const second = await createRecord(need());
    const blob = new Blob([new Uint8Array([9, 9, 9])], { type: 'image/jpeg' });
    const item = await addMedia(first.id, blob, 'photo', 'image/jpeg');
    await addMedia(second.id, blob, 'photo', 'image/jpeg');
    expect(await db.media.count()).toBe(1);
    expect(await recordMedia(second.id)).toHaveLength(1);
    await removeMedia(item.id, first.id);
    expect(await db.media.get(item.id)).toMatchObject({ recordId: second.id });
    await removeMedia(item.id);
    expect(await db.media.count()).toBe(0);
    expect((await db.records.get(second.id))?.mediaIds).toEqual([]);
  });
});

describe('media links for sync', () => {
  const photo = (byte: number) => new Blob([new Uint8Array([byte, byte, byte])], { type: 'image/jpeg' });

  it('puts the media ids of a new record into properties.media of the record and its create op', async () => {
    const record = await createRecord(bakery(), [{ blob: photo(1), kind: 'photo', mime: 'image/jpeg' }]);
    expect(record.feature.properties.media).toEqual(record.mediaIds);
    expect(record.mediaIds).toHaveLength(1);
    expect((await ops())[0]?.payload).toMatchObject({ properties: { media: record.mediaIds } });
  });

  it('adds and removes a photo by rewriting the unsent create', async () => {
    const record = await createRecord(bakery());
    const item = await addMedia(record.id, photo(2), 'photo', 'image/jpeg');
    expect((await ops()).map((op) => [op.type, op.payload])).toEqual([
      ['create', expect.objectContaining({ properties: expect.objectContaining({ media: [item.id] }) })],
    ]);
    await removeMedia(item.id, record.id);
    const [create] = await ops();
    expect(create?.payload).not.toHaveProperty('properties.media');
    expect(await db.outbox.count()).toBe(1);
  });

  it('queues an update of properties.media once the create was sent, in the same transaction as the bytes', async () => {
    const record = await createRecord(bakery(), [{ blob: photo(3), kind: 'photo', mime: 'image/jpeg' }]);
    const [first] = record.mediaIds;
    await db.outbox.clear();
    await db.records.update(record.id, { serverVersion: 7 });
    const second = await addMedia(record.id, photo(4), 'photo', 'image/jpeg');
    await removeMedia(first ?? '', record.id);
    expect((await ops()).map((op) => [op.type, op.baseVersion, op.payload])).toEqual([
      ['update', 7, { properties: { media: [first, second.id] } }],
      ['update', 7, { properties: { media: [second.id] } }],
    ]);
    expect((await db.records.get(record.id))?.mediaIds).toEqual([second.id]);
    expect(await db.media.get(first ?? '')).toBeUndefined();
  });

  it('keeps neither bytes nor link when the record may list no more media', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ blob: photo(10 + i), kind: 'photo' as const, mime: 'x' }));
    const record = await createRecord(bakery(), many);
    await expect(addMedia(record.id, photo(99), 'photo', 'image/jpeg')).rejects.toBeInstanceOf(LocalValidationError);
    expect(await db.media.count()).toBe(12);
    expect((await db.records.get(record.id))?.mediaIds).toHaveLength(12);
  });

  it('gives the installation one device id, kept across calls', async () => {
    const first = await deviceId();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(await Promise.all([deviceId(), deviceId()])).toEqual([first, first]);
  });
});

describe('queries', () => {
  it('searches the record text ignoring case and accents, and hides deleted records', async () => {
    await createRecord(bakery('Café Çiçek'));
    await createRecord(need('Spielplatz für Kleinkinder'));
    const gone = await createRecord(bakery('Cafe Zentral'));
    await deleteRecord(gone.id);
    expect((await queryLocalRecords({ search: 'cafe cicek' })).map((r) => r.feature.properties.name)).toEqual([
      'Café Çiçek',
    ]);
    expect(await queryLocalRecords({ search: 'SPIELPLATZ fur' })).toHaveLength(1);
    expect(await queryLocalRecords({ search: 'cafe', includeDeleted: true })).toHaveLength(2);
    expect(await queryLocalRecords({ quarterId: 'eving', kind: 'need' })).toHaveLength(1);
    expect(await queryLocalRecords({ quarterId: 'marten' })).toHaveLength(0);
  });

  it('counts outbox ops and media not uploaded as unsynced', async () => {
    const record = await createRecord(bakery(), [
      { blob: new Blob(['a']), kind: 'photo', mime: 'image/jpeg' },
      { blob: new Blob(['b']), kind: 'audio', mime: 'audio/webm' },
    ]);
    expect(await unsyncedCount()).toBe(3);
    await db.outbox.clear();
    await db.media.update(record.mediaIds[0] ?? '', { uploaded: true });
    expect(await unsyncedCount()).toBe(1);
  });
});
