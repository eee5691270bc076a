import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LocalWriteError, MemoryStore } from '../src/index.ts';
import { need, service } from './devices.ts';

async function acknowledge(store: MemoryStore, recordId: string, serverVersion: number): Promise<void> {
  await store.transaction(async () => {
    const ops = await store.opsFor(recordId);
    await store.removeOps(ops.map((op) => op.seq));
    const record = await store.getRecord(recordId);
    if (record) await store.putRecord({ ...record, serverVersion });
  });
}

describe('MemoryStore local writes', () => {
  it('rewrites an unsent create instead of queueing updates, and drops server fields', async () => {
    const store = new MemoryStore();
    const record = await store.createRecord(service({ version: 7, status: 'published' }));
    expect(record.feature.properties).not.toHaveProperty('version');
    await store.updateRecord(record.id, { properties: { name: 'Neu' } });
    const ops = await store.ops(10);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ type: 'create', baseVersion: null });
    expect(ops[0]?.payload).toHaveProperty('properties.name', 'Neu');
  });

  it('queues only the changed fields on the server version once the create was sent', async () => {
    const store = new MemoryStore();
    const record = await store.createRecord(service({ note: 'alt' }));
    await acknowledge(store, record.id, 4);
    await store.updateRecord(record.id, {
      geometry: { type: 'Point', coordinates: [7.47, 51.553] },
      properties: { name: 'Bäckerei Eck', note: null, openingHours: 'Mo-Fr 7-18' },
    });
    const [op] = await store.ops(10);
    expect(op).toMatchObject({
      type: 'update',
      baseVersion: 4,
      payload: {
        geometry: { type: 'Point', coordinates: [7.47, 51.553] },
        properties: { note: null, openingHours: 'Mo-Fr 7-18' },
      },
    });
    expect((await store.getRecord(record.id))?.feature.properties).not.toHaveProperty('note');
  });

  it('queues nothing for an edit that changes nothing', async () => {
    const store = new MemoryStore();
    const record = await store.createRecord(service());
    await acknowledge(store, record.id, 1);
    await store.updateRecord(record.id, { properties: { name: 'Bäckerei Eck', note: null } });
    expect(await store.countOps()).toBe(0);
  });

  it('never rewrites a create that went out', async () => {
    const store = new MemoryStore();
    const record = await store.createRecord(service());
    await store.transaction(async () => store.markSent([1], '2025-05-01T10:00:00.000Z'));
    await store.updateRecord(record.id, { properties: { name: 'Später' } });
    const ops = await store.ops(10);
    expect(ops.map((op) => op.type)).toEqual(['create', 'update']);
    expect(ops[0]?.payload).toHaveProperty('properties.name', 'Bäckerei Eck');
    expect(ops[1]?.baseVersion).toBeNull();
  });

  it('deletes with a queued delete and undoes an unsent delete by dropping it', async () => {
    const store = new MemoryStore();
    const record = await store.createRecord(service());
    await acknowledge(store, record.id, 2);
    await store.deleteRecord(record.id);
    expect(await store.getRecord(record.id)).toMatchObject({ deleted: true });
    expect((await store.ops(10)).map((op) => [op.type, op.baseVersion])).toEqual([['delete', 2]]);
    await expect(store.updateRecord(record.id, { properties: { name: 'x' } })).rejects.toMatchObject({
      code: 'RECORD_DELETED',
    });
    await store.restoreRecord(record.id);
    expect(await store.countOps()).toBe(0);
    expect(await store.getRecord(record.id)).toMatchObject({ deleted: false });
  });

  it('undoes a delete the server has seen with a restore update carrying the whole record', async () => {
    const store = new MemoryStore();
    const record = await store.createRecord(service());
    await acknowledge(store, record.id, 2);
    await store.deleteRecord(record.id);
    await acknowledge(store, record.id, 3);
    await store.restoreRecord(record.id);
    const [op] = await store.ops(10);
    expect(op).toMatchObject({
      type: 'update',
      baseVersion: 3,
      payload: { restore: true, geometry: record.feature.geometry, properties: record.feature.properties },
    });
  });

  it('counts +1 as an update with the absolute count, only on needs', async () => {
    const store = new MemoryStore();
    const record = await store.createRecord(need({ supporters: 2 }));
    await acknowledge(store, record.id, 1);
    expect(await store.addSupporter(record.id)).toBe(3);
    expect((await store.ops(10))[0]?.payload).toEqual({ properties: { supporters: 3 } });
    const shop = await store.createRecord(service());
    await expect(store.addSupporter(shop.id)).rejects.toBeInstanceOf(LocalWriteError);
  });

  it('stores the same photo once and lists it in the record through an update', async () => {
    const store = new MemoryStore();
    const record = await store.createRecord(service());
    await acknowledge(store, record.id, 1);
    const bytes = new TextEncoder().encode('photo');
    const id = await store.addMedia(record.id, bytes, 'image/jpeg');
    expect(id).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await store.addMedia(record.id, bytes, 'image/jpeg')).toBe(id);
    expect(await store.pendingMedia()).toEqual([{ id, mime: 'image/jpeg', size: 5 }]);
    const ops = await store.ops(10);
    expect(ops).toHaveLength(1);
    expect(ops[0]?.payload).toEqual({ properties: { media: [id] } });
    await store.markMediaUploaded(id);
    expect(await store.pendingMedia()).toEqual([]);
  });

  it('ends a session by rewriting its unsent create, and by an update once the create went out', async () => {
    const store = new MemoryStore();
    const first = await store.createSession({ kind: 'desk', title: 'Schreibtisch', quarterId: 'eving' });
    await store.endSession(first.id, '2025-05-01T10:00:00.000Z');
    expect((await store.ops(10)).map((op) => [op.type, (op.payload as { endedAt: string }).endedAt])).toEqual([
      ['create-session', '2025-05-01T10:00:00.000Z'],
    ]);
    const second = await store.createSession({ kind: 'walkabout', title: 'Begehung', quarterId: 'eving' });
    const [, create] = await store.ops(10);
    await store.transaction(async () => store.markSent([create?.seq ?? 0], '2025-05-01T11:00:00.000Z'));
    await store.endSession(second.id, '2025-05-01T12:00:00.000Z');
    expect((await store.ops(10)).map((op) => op.type)).toEqual(['create-session', 'create-session', 'update-session']);
  });
});

describe('MemoryStore transactions', () => {
  it('rolls back every write of a transaction that throws', async () => {
    const store = new MemoryStore();
    const kept = await store.createRecord(service());
    await expect(
      store.transaction(async () => {
        await store.removeRecord(kept.id);
        await store.removeOps([1]);
        await store.setMeta('cursor', '1.9');
        await store.addRejected({
          opId: 'x',
          type: 'create',
          recordId: kept.id,
          baseVersion: null,
          payload: null,
          reason: { code: 'X', message: '' },
          rejectedAt: '2025-05-01T10:00:00.000Z',
        });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await store.getRecord(kept.id)).toBeDefined();
    expect(await store.countOps()).toBe(1);
    expect(await store.getMeta('cursor')).toBeUndefined();
    expect(await store.rejected()).toEqual([]);
  });

  it('runs transactions one after another, so a local write never lands inside one', async () => {
    const store = new MemoryStore();
    const record = await store.createRecord(service());
    const order: string[] = [];
    const long = store.transaction(async () => {
      order.push('engine reads');
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.markSent([1], '2025-05-01T10:00:00.000Z');
      order.push('engine marks sent');
    });
    const write = store.updateRecord(record.id, { properties: { name: 'während' } }).then(() => order.push('write'));
    await Promise.all([long, write]);
    expect(order).toEqual(['engine reads', 'engine marks sent', 'write']);
    // The write saw the create as sent, so it queued an update instead of changing what went out.
    expect((await store.ops(10)).map((op) => op.type)).toEqual(['create', 'update']);
  });

  it('hands out copies, so changing a returned object changes nothing stored', async () => {
    const store = new MemoryStore();
    const record = await store.createRecord(service());
    const copy = await store.getRecord(record.id);
    if (copy) copy.feature.properties.name = 'verändert';
    expect((await store.getRecord(record.id))?.feature.properties.name).toBe('Bäckerei Eck');
  });

  it('lists the records of a scope', async () => {
    const store = new MemoryStore();
    const eving = await store.createRecord(service());
    await store.createRecord(service({ quarterId: 'marten' }));
    expect(await store.recordIds({ quarters: ['eving'] })).toEqual([eving.id]);
    expect(await store.recordIds({ quarters: null })).toHaveLength(2);
  });
});
