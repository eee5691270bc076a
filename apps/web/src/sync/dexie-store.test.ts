import 'fake-indexeddb/auto';
import type { ClientRecord } from '@quartiersatlas/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { addMedia, createRecord, db, updateRecord } from '../data/index.ts';
import { bakery, need, resetDb } from '../data/test-helpers.ts';
import { DexieStore } from './dexie-store.ts';

const store = new DexieStore();

beforeEach(() => resetDb());

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

function pulled(id: string, version: number, properties: Record<string, unknown> = {}): ClientRecord {
  return {
    id,
    feature: {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [7.48, 51.55] },
      properties: {
        kind: 'service',
        quarterId: 'eving',
        category: 'bakery',
        name: 'Bäckerei am Markt',
        version,
        status: 'published',
        createdAt: '2026-10-01T08:00:00.000Z',
        updatedAt: '2026-10-02T08:00:00.000Z',
        ...properties,
      },
    },
    serverVersion: version,
    deleted: false,
    status: 'published',
  };
}

const ID_1 = '019bb227-22ed-7309-9275-e4fa41435d01';
const ID_2 = '019bb227-22ed-7309-9275-e4fa41435d02';

describe('DexieStore records', () => {
  it('keeps a pulled record as the app keeps its own: server fields out, index copies and status in', async () => {
    await store.putRecords([pulled(ID_1, 4, { quarterId: 'marten', media: [SHA_A] })]);
    const local = await db.records.get(ID_1);
    expect(local).toMatchObject({
      kind: 'service',
      quarterId: 'marten',
      sessionId: null,
      serverVersion: 4,
      status: 'published',
      createdAt: '2026-10-01T08:00:00.000Z',
      localUpdatedAt: '2026-10-02T08:00:00.000Z',
      mediaIds: [SHA_A],
    });
    expect(local?.feature.properties).not.toHaveProperty('version');
    expect(local?.feature.properties).not.toHaveProperty('status');
    expect(await store.getRecord(ID_1)).toMatchObject({ serverVersion: 4, status: 'published', deleted: false });
    expect(await store.recordIds({ quarters: ['marten'] })).toEqual([ID_1]);
    expect(await store.recordIds({ quarters: ['eving'] })).toEqual([]);
    expect(await store.recordIds({ quarters: null })).toEqual([ID_1]);
  });

  it('keeps when a record was made and last changed here, and a photo not uploaded yet, across a pull', async () => {
    const record = await createRecord(bakery());
    const waiting = await addMedia(record.id, new Blob([new Uint8Array([1, 2])]), 'photo', 'image/jpeg');
    const uploaded = await addMedia(record.id, new Blob([new Uint8Array([3])]), 'photo', 'image/jpeg');
    await store.markMediaUploaded(uploaded.id);
    const mine = await db.records.get(record.id);
    expect(mine?.mediaIds).toEqual([waiting.id, uploaded.id]);
    // The server's copy lists neither photo: one is still on its way, the other someone removed there.
    await store.putRecord(pulled(record.id, 9));
    const after = await db.records.get(record.id);
    expect(after?.createdAt).toBe(mine?.createdAt);
    expect(after?.localUpdatedAt).toBe(mine?.localUpdatedAt);
    expect(after?.mediaIds).toEqual([waiting.id]);
    expect(after?.serverVersion).toBe(9);
  });

  it('keeps what only the device knows when the engine reads and writes a page in one transaction', async () => {
    const record = await createRecord(bakery());
    const mine = await db.records.get(record.id);
    await store.transaction(async () => {
      await store.getRecords([record.id, ID_1]);
      await store.putRecords([pulled(record.id, 2), pulled(ID_1, 3)]);
      await store.putRecords([pulled(record.id, 4)]);
      await store.removeRecords([ID_1]);
      await store.putRecords([pulled(ID_1, 5)]);
    });
    expect((await db.records.get(record.id))?.createdAt).toBe(mine?.createdAt);
    expect(await db.records.get(record.id)).toMatchObject({ serverVersion: 4 });
    // Removed and pulled again in the same transaction: a new copy, with the server's times.
    expect(await db.records.get(ID_1)).toMatchObject({ serverVersion: 5, createdAt: '2026-10-01T08:00:00.000Z' });
  });

  it('reads and writes in bulk in the order asked', async () => {
    await store.putRecords([pulled(ID_1, 1), pulled(ID_2, 2)]);
    const [second, missing, first] = await store.getRecords([ID_2, 'nope', ID_1]);
    expect([second?.serverVersion, missing, first?.serverVersion]).toEqual([2, undefined, 1]);
  });

  it('removes records and the bytes of photos no other record lists', async () => {
    const shared = new Blob([new Uint8Array([7, 7])]);
    const one = await createRecord(bakery(), [{ blob: shared, kind: 'photo', mime: 'image/jpeg' }]);
    const two = await createRecord(need(), [{ blob: shared, kind: 'photo', mime: 'image/jpeg' }]);
    const own = await addMedia(one.id, new Blob([new Uint8Array([8])]), 'photo', 'image/jpeg');
    await store.removeRecords([one.id]);
    expect(await db.records.get(one.id)).toBeUndefined();
    expect(await db.media.get(own.id)).toBeUndefined();
    expect(await db.media.get(two.mediaIds[0] ?? '')).toBeDefined();
    await store.removeRecord(two.id);
    expect(await db.media.count()).toBe(0);
  });
});

describe('DexieStore outbox', () => {
  it('hands out ops in order, and a sent create is no longer rewritten by local edits', async () => {
    const record = await createRecord(bakery());
    const other = await createRecord(need());
    const [create] = await store.ops(10);
    expect(create).toMatchObject({ type: 'create', recordId: record.id, baseVersion: null });
    expect(create).not.toHaveProperty('sentAt');
    await store.markSent([create?.seq ?? -1], '2026-11-21T10:00:00.000Z');
    await updateRecord(record.id, { properties: { name: 'Bäckerei Yılmaz' } });
    const ops = await store.opsFor(record.id);
    expect(ops.map((op) => [op.type, op.sentAt])).toEqual([
      ['create', '2026-11-21T10:00:00.000Z'],
      ['update', undefined],
    ]);
    expect(ops[0]?.payload).toMatchObject({ properties: { name: 'Bäckerei Özdemir' } });
    expect(await store.countOps()).toBe(3);
    expect(await store.recordsWithOps([record.id, ID_1, other.id])).toEqual(new Set([record.id, other.id]));
    await store.removeOps(ops.map((op) => op.seq));
    expect((await store.ops(10)).map((op) => op.recordId)).toEqual([other.id]);
  });

  it('queues an op again and keeps refused ones until they are removed', async () => {
    const seq = await store.addOp({
      opId: '019bb227-0000-7000-8000-0000000000a1',
      type: 'delete',
      recordId: ID_1,
      baseVersion: 3,
      payload: null,
      createdAt: '2026-11-21T10:00:00.000Z',
    });
    expect((await store.ops(1))[0]?.seq).toBe(seq);
    const refused = {
      opId: '019bb227-0000-7000-8000-0000000000a2',
      type: 'update' as const,
      recordId: ID_1,
      baseVersion: 3,
      payload: { properties: { capacity: -1 } },
      reason: { code: 'VALIDATION_FAILED', message: 'bad', issues: [] },
      rejectedAt: '2026-11-21T10:00:00.000Z',
    };
    await store.addRejected(refused);
    expect(await store.rejected()).toEqual([refused]);
    await store.removeRejected(refused.opId);
    expect(await store.rejected()).toEqual([]);
  });

  it('rolls back everything done in a failed transaction', async () => {
    const failed = store.transaction(async () => {
      await store.putRecord(pulled(ID_1, 1));
      await store.setMeta('cursor', 'e.1');
      await store.addOp({
        opId: '019bb227-0000-7000-8000-0000000000a3',
        type: 'delete',
        recordId: ID_1,
        baseVersion: 1,
        payload: null,
        createdAt: '2026-11-21T10:00:00.000Z',
      });
      throw new Error('network answer did not parse');
    });
    await expect(failed).rejects.toThrow('did not parse');
    expect(await store.getRecord(ID_1)).toBeUndefined();
    expect(await store.getMeta('cursor')).toBeUndefined();
    expect(await store.countOps()).toBe(0);
  });
});

describe('DexieStore media and sessions', () => {
  it('lists media not uploaded yet, oldest first, reads their bytes inside a transaction, and marks them', async () => {
    const record = await createRecord(bakery(), [
      { blob: new Blob([new Uint8Array([1, 2, 3])]), kind: 'photo', mime: 'image/jpeg' },
    ]);
    await addMedia(record.id, new Blob([new Uint8Array([4])]), 'audio', 'audio/webm');
    const pending = await store.pendingMedia();
    expect(pending.map((item) => [item.mime, item.size])).toEqual([
      ['image/jpeg', 3],
      ['audio/webm', 1],
    ]);
    const first = pending[0]?.id ?? '';
    const bytes = await store.transaction(async () => {
      const read = await store.readMedia(first);
      await store.setMeta('after-read', true);
      return read;
    });
    expect([...(bytes ?? [])]).toEqual([1, 2, 3]);
    expect(await store.getMeta('after-read')).toBe(true);
    expect(await store.readMedia(SHA_B)).toBeUndefined();
    await store.markMediaUploaded(first);
    expect((await store.pendingMedia()).map((item) => item.mime)).toEqual(['audio/webm']);
  });

  it('stores pulled survey sessions', async () => {
    await store.putSession({
      id: ID_2,
      version: 12,
      kind: 'walkabout',
      title: 'Begehung Eving',
      quarterId: 'eving',
      startedAt: '2026-11-20T09:00:00.000Z',
      endedAt: null,
    });
    expect(await db.sessions.get(ID_2)).toEqual({
      id: ID_2,
      kind: 'walkabout',
      title: 'Begehung Eving',
      quarterId: 'eving',
      startedAt: '2026-11-20T09:00:00.000Z',
      endedAt: null,
    });
  });
});
