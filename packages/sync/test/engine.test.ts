import { describe, expect, it } from 'vitest';
import { SYNC_META, type SyncProgress, SyncTransportError } from '../src/index.ts';
import { device, need, service, setup } from './devices.ts';
import { FakeServer } from './fake-server.ts';

describe('SyncEngine push', () => {
  it('sends an offline create and takes the server copy once it is answered', async () => {
    const { server, a } = setup();
    const record = await a.store.createRecord(need());
    const outcome = await a.engine.sync();
    expect(outcome).toMatchObject({ pushed: 1, applied: 1, rejected: 0 });
    expect(await a.store.countOps()).toBe(0);
    const local = await a.store.getRecord(record.id);
    // The server adds the need's defaults; the device now shows what everyone else sees.
    expect(local).toMatchObject({ serverVersion: 1, status: 'published' });
    expect(local?.feature.properties.supporters).toBe(0);
    expect(local?.feature.properties).not.toHaveProperty('version');
    expect(server.records.get(record.id)?.properties.text).toBe('Kita fehlt');
  });

  it('replays an interrupted push with the same opIds and applies nothing twice', async () => {
    const { server, a } = setup();
    const record = await a.store.createRecord(service());
    await a.store.updateRecord(record.id, { properties: { name: 'Neuer Name' } });
    server.failNext('push', 'drop-response');
    await expect(a.engine.sync()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(server.applications).toBe(1);
    const [sent] = await a.store.ops(10);
    expect(sent?.sentAt).toBeDefined();
    const outcome = await a.engine.sync();
    expect(outcome.pushed).toBe(1);
    expect(await a.store.countOps()).toBe(0);
    expect(server.applications).toBe(1);
    expect(server.records.size).toBe(1);
    const pushes = server.calls.filter((call) => call.method === 'push');
    const opIds = pushes.map((call) => (call.detail as { ops: Array<{ opId: string }> }).ops.map((op) => op.opId));
    expect(opIds[0]).toEqual(opIds[1]);
    expect((await a.store.getRecord(record.id))?.feature.properties.name).toBe('Neuer Name');
  });

  it('queues an edit made after its create was sent as an update instead of rewriting the sent create', async () => {
    const { server, a } = setup();
    const record = await a.store.createRecord(service());
    server.failNext('push', 'drop-request');
    await expect(a.engine.sync()).rejects.toBeInstanceOf(SyncTransportError);
    await a.store.updateRecord(record.id, { properties: { note: 'nach dem Senden' } });
    const ops = await a.store.ops(10);
    expect(ops.map((op) => op.type)).toEqual(['create', 'update']);
    expect(ops[0]?.payload).not.toHaveProperty('properties.note');
    await a.engine.sync();
    expect(server.records.get(record.id)?.properties.note).toBe('nach dem Senden');
    expect(await a.store.countOps()).toBe(0);
  });

  it('moves a refused op to the rejected list and still sends the ops behind it', async () => {
    const { server, a } = setup();
    const refused = await a.store.createRecord(service({ category: 'gone' }));
    const fine = await a.store.createRecord(service());
    server.refuse = (op) =>
      op.type === 'create' && Reflect.get(op.payload.properties, 'category') === 'gone'
        ? { code: 'VALIDATION_FAILED', message: 'unknown category' }
        : undefined;
    const outcome = await a.engine.sync();
    expect(outcome).toMatchObject({ pushed: 2, applied: 1, rejected: 1 });
    expect(await a.store.countOps()).toBe(0);
    const [rejected] = await a.store.rejected();
    expect(rejected).toMatchObject({ recordId: refused.id, type: 'create', reason: { code: 'VALIDATION_FAILED' } });
    expect(server.records.has(fine.id)).toBe(true);
    // The refused record stays on the device, so the user can fix and resend it or discard it.
    expect(await a.store.getRecord(refused.id)).toMatchObject({ serverVersion: null });
  });

  it('sends a large outbox in batches in seq order', async () => {
    const progress: SyncProgress[] = [];
    const { server, a } = setup({ pushBatch: 3, onProgress: (p) => progress.push(p) });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await a.store.createRecord(service({ name: `Laden ${i}` }))).id);
    await a.engine.sync();
    const pushes = server.calls.filter((call) => call.method === 'push');
    expect(pushes.map((call) => (call.detail as { ops: unknown[] }).ops.length)).toEqual([3, 3, 1]);
    const sent = pushes.flatMap((call) =>
      (call.detail as { ops: Array<{ recordId: string }> }).ops.map((op) => op.recordId),
    );
    expect(sent).toEqual(ids);
    expect(progress.filter((p) => p.phase === 'push').map((p) => p.done)).toEqual([0, 3, 6, 7]);
  });

  it('runs a second sync() after the first instead of alongside it', async () => {
    const { server, a } = setup();
    await a.store.createRecord(service());
    const [first, second] = await Promise.all([a.engine.sync(), a.engine.sync()]);
    expect(first.pushed).toBe(1);
    expect(second.pushed).toBe(0);
    expect(server.log.size).toBe(1);
  });
});

describe('SyncEngine pull', () => {
  it('pages through the server with the stored cursor and then asks only for what is new', async () => {
    const { server, a, b } = setup({ pullLimit: 2 });
    for (let i = 0; i < 5; i++) await a.store.createRecord(service({ name: `Laden ${i}` }));
    await a.engine.sync();
    server.calls.length = 0;
    const outcome = await b.engine.sync();
    expect(outcome.pulled).toBe(5);
    expect(b.store.allRecords()).toHaveLength(5);
    expect(server.calls.filter((call) => call.method === 'pull').length).toBe(3);
    expect(await b.store.getMeta(SYNC_META.cursor({ quarters: null }))).toBe('1.5');
    const again = await b.engine.sync();
    expect(again.pulled).toBe(0);
  });

  it('never overwrites a field the device changed and the server has not answered', async () => {
    const { server, a, b } = setup();
    const record = await a.store.createRecord(service({ note: 'alt' }));
    await a.engine.sync();
    await b.engine.sync();
    await b.store.updateRecord(record.id, { properties: { name: 'Von B', note: 'B sagt' } });
    await b.engine.sync();
    // A edits the note while its round is already past the push: the pulled row must not undo that.
    const pull = a.transport.pull;
    a.transport.pull = async (query) => {
      await a.store.updateRecord(record.id, { properties: { note: 'A sagt' } });
      return pull(query);
    };
    await a.engine.sync();
    const local = await a.store.getRecord(record.id);
    expect(local?.feature.properties).toMatchObject({ name: 'Von B', note: 'A sagt' });
    expect(local?.serverVersion).toBe(server.records.get(record.id)?.version);
    a.transport.pull = pull;
    await a.engine.sync();
    expect(server.records.get(record.id)?.properties.note).toBe('A sagt');
    expect(server.conflicts).toEqual([{ recordId: record.id, field: 'note', lost: 'B sagt' }]);
  });

  it('drops a record deleted elsewhere, but keeps it while the device still has edits for it', async () => {
    const { a, b } = setup();
    const kept = await a.store.createRecord(service());
    const dropped = await a.store.createRecord(service());
    await a.engine.sync();
    await b.engine.sync();
    await b.store.deleteRecord(kept.id);
    await b.store.deleteRecord(dropped.id);
    await b.engine.sync();
    const pull = a.transport.pull;
    a.transport.pull = async (query) => {
      await a.store.updateRecord(kept.id, { properties: { note: 'noch da?' } });
      return pull(query);
    };
    await a.engine.sync();
    expect(await a.store.getRecord(dropped.id)).toBeUndefined();
    expect((await a.store.getRecord(kept.id))?.feature.properties.note).toBe('noch da?');
    a.transport.pull = pull;
    const outcome = await a.engine.sync();
    // The edit arrives after the delete: a conflict, and the tombstone that comes back wins.
    expect(outcome.conflicts).toBe(1);
    expect(await a.store.getRecord(kept.id)).toBeUndefined();
    expect(await b.store.getRecord(kept.id)).toBeUndefined();
  });

  it('resyncs fully when the cursor is too old, keeping the outbox and removing what the server lost', async () => {
    const { server, a, b } = setup();
    const stays = await a.store.createRecord(service({ name: 'bleibt' }));
    const purged = await a.store.createRecord(service({ name: 'weg' }));
    const edited = await a.store.createRecord(service({ name: 'bearbeitet' }));
    await a.engine.sync();
    await b.engine.sync();
    await b.store.deleteRecord(purged.id);
    await b.store.deleteRecord(edited.id);
    await b.engine.sync();
    server.purgeTombstones();
    let localOnly = '';
    const pull = a.transport.pull;
    a.transport.pull = async (query) => {
      if (query.cursor === null && localOnly === '') {
        await a.store.updateRecord(edited.id, { properties: { note: 'unterwegs' } });
        localOnly = (await a.store.createRecord(service({ name: 'neu' }))).id;
      }
      return pull(query);
    };
    const outcome = await a.engine.sync();
    expect(outcome.fullResync).toBe(true);
    expect(await a.store.getRecord(purged.id)).toBeUndefined();
    expect(await a.store.getRecord(stays.id)).toBeDefined();
    expect(await a.store.getRecord(edited.id)).toBeDefined();
    expect(await a.store.getRecord(localOnly)).toMatchObject({ serverVersion: null });
    expect((await a.store.ops(10)).map((op) => op.type)).toEqual(['update', 'create']);
    expect(await a.store.getMeta(SYNC_META.cursor({ quarters: null }))).toBe(`1.${server.version}`);
  });

  it('sends records again that a server restored from an older backup has lost', async () => {
    const { server, a } = setup();
    const old = await a.store.createRecord(service({ name: 'vor der Sicherung' }));
    await a.engine.sync();
    const backup = server.version;
    const lost = await a.store.createRecord(service({ name: 'nach der Sicherung' }));
    await a.engine.sync();
    server.restoreBackup(backup);
    expect(server.records.has(lost.id)).toBe(false);

    const outcome = await a.engine.sync();
    expect(outcome.fullResync).toBe(true);
    expect(await a.store.getRecord(lost.id)).toMatchObject({ serverVersion: null });
    await a.engine.sync();
    expect(server.records.get(lost.id)?.properties.name).toBe('nach der Sicherung');
    expect(server.records.has(old.id)).toBe(true);
    expect(await a.store.countOps()).toBe(0);
  });

  it('starts a full resync over when it was interrupted, so its clean-up is never skipped', async () => {
    const { server, a, b } = setup({ pullLimit: 1 });
    const purged = await a.store.createRecord(service());
    await a.store.createRecord(service());
    await a.store.createRecord(service());
    await a.engine.sync();
    await b.engine.sync();
    await b.store.deleteRecord(purged.id);
    await b.engine.sync();
    server.purgeTombstones();
    const cursor = await a.store.getMeta(SYNC_META.cursor({ quarters: null }));
    // Pull 1: cursor too old; pull 2: the resync's first page; pull 3: the network is gone.
    const pull = a.transport.pull;
    let pulls = 0;
    a.transport.pull = async (query) => {
      pulls += 1;
      if (pulls === 3) throw new SyncTransportError('NETWORK', 'offline');
      return pull(query);
    };
    await expect(a.engine.sync()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await a.store.getRecord(purged.id)).toBeDefined();
    expect(await a.store.getMeta(SYNC_META.cursor({ quarters: null }))).toBe(cursor);
    a.transport.pull = pull;
    const outcome = await a.engine.sync();
    expect(outcome.fullResync).toBe(true);
    expect(await a.store.getRecord(purged.id)).toBeUndefined();
    expect(a.store.allRecords()).toHaveLength(2);
  });
});

describe('SyncEngine media', () => {
  it('resumes an interrupted upload from the offset the server kept', async () => {
    const { server, a } = setup({ mediaChunkBytes: 4 });
    const record = await a.store.createRecord(service());
    const photo = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const id = await a.store.addMedia(record.id, photo, 'image/jpeg');
    const upload = a.transport.uploadMedia;
    let chunks = 0;
    a.transport.uploadMedia = async (...args) => {
      chunks += 1;
      if (chunks === 2) throw new SyncTransportError('NETWORK', 'offline');
      return upload(...args);
    };
    await expect(a.engine.sync()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(server.media.get(id)?.bytes.length).toBe(4);
    expect(server.records.size).toBe(0);
    a.transport.uploadMedia = upload;
    server.calls.length = 0;
    const outcome = await a.engine.sync();
    expect(outcome.mediaUploaded).toBe(1);
    const offsets = server.calls.filter((call) => call.method === 'uploadMedia').map((call) => call.detail);
    expect(offsets).toEqual([
      { sha256: id, offset: 4, length: 4 },
      { sha256: id, offset: 8, length: 2 },
    ]);
    expect(server.media.get(id)?.complete).toBe(true);
    expect(await a.store.pendingMedia()).toEqual([]);
    expect(server.records.get(record.id)?.properties.media).toEqual([id]);
  });

  it('sets aside a file the server refuses and sends the changes anyway', async () => {
    const { server, a } = setup();
    const record = await a.store.createRecord(service());
    const id = await a.store.addMedia(record.id, new Uint8Array([1, 2, 3]), 'application/x-msdownload');
    const outcome = await a.engine.sync();
    expect(outcome.refusedMedia).toEqual([expect.objectContaining({ id, code: 'MEDIA_TYPE_UNSUPPORTED' })]);
    expect(outcome.applied).toBe(1);
    server.calls.length = 0;
    const again = await a.engine.sync();
    expect(server.calls.some((call) => call.method === 'uploadMedia')).toBe(false);
    expect(again.refusedMedia).toHaveLength(1);
    await a.engine.retryMedia(id);
    await a.engine.sync();
    expect(server.calls.filter((call) => call.method === 'uploadMedia')).toHaveLength(1);
  });
});

describe('SyncEngine rejected ops', () => {
  it('retries a refused update on the current version with a new opId', async () => {
    const { server, a, b } = setup();
    const record = await a.store.createRecord(service());
    await a.engine.sync();
    await b.engine.sync();
    let refuse = true;
    server.refuse = (op) => (refuse && op.type === 'update' ? { code: 'FORBIDDEN', message: 'not now' } : undefined);
    await a.store.updateRecord(record.id, { properties: { name: 'Umbenannt' } });
    await a.engine.sync();
    const [rejected] = await a.store.rejected();
    expect(rejected?.payload).toEqual({ properties: { name: 'Umbenannt' } });
    refuse = false;
    await b.store.updateRecord(record.id, { properties: { note: 'von B' } });
    await b.engine.sync();
    await a.engine.sync();
    await a.engine.retryRejected(rejected?.opId ?? '');
    expect(await a.store.rejected()).toEqual([]);
    const [retry] = await a.store.ops(10);
    expect(retry?.opId).not.toBe(rejected?.opId);
    expect(retry?.baseVersion).toBe(server.records.get(record.id)?.version);
    expect((await a.store.getRecord(record.id))?.feature.properties.name).toBe('Umbenannt');
    await a.engine.sync();
    expect(server.records.get(record.id)?.properties).toMatchObject({ name: 'Umbenannt', note: 'von B' });
    expect(server.conflicts).toEqual([]);
  });

  it('retries a refused create with the record as it is now', async () => {
    const { server, a } = setup();
    const record = await a.store.createRecord(service({ category: 'gone' }));
    server.refuse = (op) =>
      op.type === 'create' && Reflect.get(op.payload.properties, 'category') === 'gone'
        ? { code: 'INVALID', message: '' }
        : undefined;
    await a.engine.sync();
    await a.store.updateRecord(record.id, { properties: { category: 'bakery' } });
    const [rejected] = await a.store.rejected();
    await a.engine.retryRejected(rejected?.opId ?? '');
    // The edit of a refused record stays local; the create sent again carries it.
    const ops = await a.store.ops(10);
    expect(ops.map((op) => op.type)).toEqual(['create']);
    const outcome = await a.engine.sync();
    expect(outcome).toMatchObject({ applied: 1, rejected: 0 });
    expect(server.records.get(record.id)?.properties.category).toBe('bakery');
  });

  it('discarding a refused create removes the record the server never had', async () => {
    const { server, a } = setup();
    const record = await a.store.createRecord(service());
    const other = await a.store.createRecord(service());
    server.refuse = (op) => (op.recordId === record.id ? { code: 'INVALID', message: '' } : undefined);
    await a.engine.sync();
    await a.engine.discardRejected((await a.store.rejected())[0]?.opId ?? '');
    expect(await a.store.rejected()).toEqual([]);
    expect(await a.store.getRecord(record.id)).toBeUndefined();
    expect(await a.store.getRecord(other.id)).toBeDefined();
  });

  it('discarding a refused update keeps the record', async () => {
    const { server, a } = setup();
    const record = await a.store.createRecord(service());
    await a.engine.sync();
    server.refuse = (op) => (op.type === 'update' ? { code: 'FORBIDDEN', message: '' } : undefined);
    await a.store.updateRecord(record.id, { properties: { name: 'x' } });
    await a.engine.sync();
    await a.engine.discardRejected((await a.store.rejected())[0]?.opId ?? '');
    expect(await a.store.rejected()).toEqual([]);
    expect(await a.store.getRecord(record.id)).toBeDefined();
  });
});

describe('SyncEngine sessions', () => {
  it('sends sessions and keeps a locally ended session ended while its update is unanswered', async () => {
    const server = new FakeServer();
    const a = device(server);
    const session = await a.store.createSession({ kind: 'walkabout', title: 'Begehung', quarterId: 'eving' });
    const pull = a.transport.pull;
    a.transport.pull = async (query) => {
      await a.store.endSession(session.id, '2025-05-01T10:00:00.000Z');
      return pull(query);
    };
    const outcome = await a.engine.sync();
    // The pulled session (still running on the server) did not undo the local end.
    expect(outcome.pulled).toBe(1);
    expect(a.store.getSession(session.id)).toMatchObject({ version: 1, endedAt: '2025-05-01T10:00:00.000Z' });
    a.transport.pull = pull;
    await a.engine.sync();
    expect(server.sessions.get(session.id)?.endedAt).toBe('2025-05-01T10:00:00.000Z');
    expect(a.store.getSession(session.id)?.version).toBe(2);
  });
});
