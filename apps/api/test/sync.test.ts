import { MAX_PUSH_OPS, SYNC_SCHEMA_VERSION } from '@quartiersatlas/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimVersions, getRecord } from '../src/store/records.ts';
import {
  brownfieldFeature,
  countRows,
  createTestApp,
  DATABASES,
  needFeature,
  residentSubmits,
  serviceFeature,
  type TestApp,
  uuidv7,
} from './helpers.ts';
import { createOp, createSessionOp, deleteOp, type Op, sessionInput, syncClient, updateOp } from './sync-helpers.ts';

describe.each(DATABASES)('sync on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  /** Three devices; what each writes is told apart by its id. */
  const devices = { a: uuidv7(), b: uuidv7(), c: uuidv7() };

  const { pushRaw, push, pullRaw, pullAll, createRecord, conflictsOf } = syncClient(() => t);

  it('applies creates, updates and deletes, and a pull brings each change', async () => {
    const { cursor } = await pullAll('field');
    const feature = serviceFeature();
    const [created, updated, deleted] = await push('field', devices.a, [
      createOp(feature),
      updateOp(feature.id, null, { properties: { note: 'Eingang im Hof' } }),
      deleteOp(feature.id, null),
    ]);
    expect(created).toMatchObject({ status: 'applied', record: { id: feature.id, deleted: false } });
    expect(created?.record?.feature?.properties).toMatchObject({ name: 'Markt am Platz', status: 'published' });
    expect(updated).toMatchObject({
      status: 'applied',
      record: { feature: { properties: { note: 'Eingang im Hof' } } },
    });
    expect(deleted).toMatchObject({ status: 'applied', record: { id: feature.id, deleted: true } });
    const versions = [created, updated, deleted].map((r) => r?.version as number);
    const first = versions[0] as number;
    expect(versions).toEqual([first, first + 1, first + 2]);

    const { rows } = await pullAll('field', cursor);
    expect(rows.filter((row) => row.id === feature.id)).toEqual([
      { id: feature.id, version: versions[2], deleted: true },
    ]);
    const rest = await t.app.inject({ method: 'GET', url: `/api/v1/records/${feature.id}`, headers: t.as('planner') });
    expect(rest.statusCode).toBe(404);
  });

  it('answers a replayed push from its log: the same results, nothing applied twice', async () => {
    const feature = serviceFeature();
    const ops = [createOp(feature), updateOp(feature.id, null, { properties: { capacity: 12 } })];
    const first = await push('field', devices.a, ops);
    const recordsBefore = await countRows(t.database, 'records');
    const again = await push('field', devices.a, ops);
    expect(again).toEqual(first.map((result, i) => ({ ...result, replayed: true, record: again[i]?.record })));
    expect(again.every((r) => r.record?.version === first[1]?.version)).toBe(true);
    expect(await countRows(t.database, 'records')).toBe(recordsBefore);
    // No version was used up by the replay: the next write continues right after the last one.
    const next = await createRecord('field', devices.a);
    expect(next.version).toBe((first[1]?.version as number) + 1);
  });

  it('rejects a bad op in the middle with its reason and applies the others', async () => {
    const [first, second] = [serviceFeature(), serviceFeature()];
    const bad = serviceFeature({ properties: { category: 'no-such-category', capacity: -3 } });
    const results = await push('field', devices.a, [createOp(first), createOp(bad), createOp(second)]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]?.reason?.code).toBe('VALIDATION_FAILED');
    expect(results[1]?.reason?.issues?.map((i) => i.field).sort()).toEqual([
      'properties.capacity',
      'properties.category',
    ]);
    expect(await getRecord(t.database.db, bad.id)).toBeUndefined();
    for (const feature of [first, second]) expect(await getRecord(t.database.db, feature.id)).toBeDefined();

    const unknown = await push('field', devices.a, [updateOp(uuidv7(), 3, { properties: { note: 'x' } })]);
    expect(unknown[0]?.reason?.code).toBe('RECORD_NOT_FOUND');
    const existing = await push('field', devices.b, [createOp({ ...serviceFeature(), id: first.id })]);
    expect(existing[0]).toMatchObject({ status: 'rejected', reason: { code: 'RECORD_EXISTS' } });
    const invalid = await push('field', devices.a, [updateOp(first.id, null, { properties: { name: null } })]);
    expect(invalid[0]?.reason?.issues).toContainEqual(
      expect.objectContaining({ field: 'properties.name', code: 'REQUIRED' }),
    );
    expect((await getRecord(t.database.db, first.id))?.fields.name).toBe('Markt am Platz');
  });

  it('refuses a bad envelope with the field named and applies nothing', async () => {
    const before = await countRows(t.database, 'records');
    const ops = [createOp(serviceFeature()), { ...createOp(serviceFeature()), opId: 'not-a-uuid' }];
    const response = await pushRaw('field', { deviceId: devices.a, schemaVersion: SYNC_SCHEMA_VERSION, ops });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toContainEqual(expect.objectContaining({ field: 'ops[1].opId' }));
    const tooMany = Array.from({ length: MAX_PUSH_OPS + 1 }, () => deleteOp(uuidv7(), null));
    const big = await pushRaw('field', { deviceId: devices.a, schemaVersion: SYNC_SCHEMA_VERSION, ops: tooMany });
    expect(big.statusCode).toBe(400);
    expect(big.json().details[0].field).toBe('ops');
    const noDevice = await pushRaw('field', { schemaVersion: SYNC_SCHEMA_VERSION, ops: [createOp(serviceFeature())] });
    expect(noDevice.json().details[0].field).toBe('deviceId');
    expect(await countRows(t.database, 'records')).toBe(before);
  });

  it('accepts pushes larger than other requests, up to its own limit', async () => {
    // 80 polygons of 500 corners: about 1.6 MB, over the 1 MiB other routes accept.
    const ring = Array.from({ length: 499 }, (_, i) => {
      const angle = (2 * Math.PI * i) / 499;
      return [7.465 + 0.002 * Math.cos(angle), 51.553 + 0.001 * Math.sin(angle)];
    });
    const polygon = [[...ring, ring[0] as number[]]] as [number, number][][];
    const ops = Array.from({ length: 80 }, () => createOp(brownfieldFeature(polygon)));
    const results = await push('planner', devices.c, ops);
    expect(results.every((r) => r.status === 'applied')).toBe(true);
    const huge = await pushRaw('planner', {
      deviceId: devices.c,
      schemaVersion: 1,
      ops,
      padding: 'x'.repeat(9_000_000),
    });
    expect(huge.statusCode).toBe(413);
  });

  it('tells an outdated app to update, and an outdated server that it is behind', async () => {
    const ops = [createOp(serviceFeature())];
    const old = await pushRaw('field', { deviceId: devices.a, schemaVersion: SYNC_SCHEMA_VERSION - 1, ops });
    expect(old.statusCode).toBe(426);
    expect(old.json().code).toBe('SYNC_CLIENT_OUTDATED');
    const future = await pushRaw('field', { deviceId: devices.a, schemaVersion: SYNC_SCHEMA_VERSION + 1, ops: [{}] });
    expect(future.statusCode).toBe(409);
    expect(future.json().code).toBe('SYNC_SERVER_OUTDATED');
    expect((await pullRaw('field', { schemaVersion: SYNC_SCHEMA_VERSION - 1 })).statusCode).toBe(426);
    expect((await pullRaw('field', { schemaVersion: SYNC_SCHEMA_VERSION + 1 })).json().code).toBe(
      'SYNC_SERVER_OUTDATED',
    );
    expect(await getRecord(t.database.db, (ops[0] as Op).recordId)).toBeUndefined();
  });

  it('merges edits of different fields from the same base silently', async () => {
    const { id, version } = await createRecord('field', devices.a);
    const [note] = await push('field', devices.a, [updateOp(id, version, { properties: { note: 'Rampe vorhanden' } })]);
    const [category] = await push('planner', devices.b, [
      updateOp(id, version, { properties: { category: 'bakery' } }),
    ]);
    expect([note?.status, category?.status]).toEqual(['applied', 'applied']);
    expect(category?.record?.feature?.properties).toMatchObject({ note: 'Rampe vorhanden', category: 'bakery' });
    expect(await conflictsOf(id)).toEqual([]);
  });

  it('applies a same-field clash in arrival order and keeps the earlier value for review', async () => {
    const { id, version } = await createRecord('field', devices.a);
    await push('field', devices.a, [updateOp(id, version, { properties: { note: 'offen bis 18 Uhr' } })]);
    const [later] = await push('planner', devices.b, [
      updateOp(id, version, { properties: { note: 'offen bis 20 Uhr' } }),
    ]);
    expect(later?.status).toBe('conflict');
    expect(later?.conflicts).toEqual([{ conflictId: expect.any(String), field: 'note' }]);
    expect(later?.record?.feature?.properties.note).toBe('offen bis 20 Uhr');
    const [conflict] = await conflictsOf(id);
    expect(conflict).toMatchObject({
      id: later?.conflicts?.[0]?.conflictId,
      kind: 'field',
      field: 'note',
      keptValue: 'offen bis 20 Uhr',
      lostValue: 'offen bis 18 Uhr',
      keptBy: { writer: devices.b, account: { username: 'planner-user' } },
      lostBy: { writer: devices.a, account: { username: 'field-user' } },
      baseVersion: version,
      status: 'open',
    });
  });

  it('never lets a device clash with its own earlier ops', async () => {
    const feature = serviceFeature();
    const results = await push('field', devices.a, [
      createOp(feature),
      updateOp(feature.id, null, { properties: { note: 'erste Notiz' } }),
      updateOp(feature.id, null, {
        properties: { note: 'zweite Notiz' },
        geometry: { type: 'Point', coordinates: [7.466, 51.553] },
      }),
    ]);
    const [again] = await push('field', devices.a, [
      updateOp(feature.id, results[0]?.version as number, { properties: { note: 'dritte' } }),
    ]);
    expect([...results, again].map((r) => r?.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(await conflictsOf(feature.id)).toEqual([]);
  });

  it('keeps an edit that arrives after a delete, and leaves the record deleted', async () => {
    const { id, version } = await createRecord('field', devices.a);
    const [deleted] = await push('planner', devices.b, [deleteOp(id, version)]);
    const edit = updateOp(id, version, { properties: { note: 'Schild ist neu' } });
    const [late] = await push('field', devices.a, [edit]);
    expect(late).toMatchObject({
      status: 'conflict',
      version: deleted?.version,
      reason: { code: 'RECORD_DELETED' },
      conflicts: [{ field: '*' }],
      record: { id, deleted: true },
    });
    expect((await getRecord(t.database.db, id))?.deleted).toBe(true);
    const [conflict] = await conflictsOf(id);
    expect(conflict).toMatchObject({
      kind: 'edit-after-delete',
      lostValue: { properties: { note: 'Schild ist neu' } },
      lostBy: { writer: devices.a },
      lostOpId: edit.opId,
    });
  });

  it('deletes a record edited meanwhile and names the edits the delete had not seen', async () => {
    const { id, version } = await createRecord('field', devices.a);
    await push('planner', devices.b, [updateOp(id, version, { properties: { openingHours: 'Mo-Fr 8-18' } })]);
    const [deleted] = await push('field', devices.a, [deleteOp(id, version)]);
    expect(deleted).toMatchObject({ status: 'conflict', conflicts: [{ field: '*' }], record: { deleted: true } });
    const [conflict] = await conflictsOf(id);
    expect(conflict).toMatchObject({
      kind: 'delete-after-edit',
      lostValue: { properties: { openingHours: 'Mo-Fr 8-18' } },
      keptBy: { writer: devices.a },
      lostBy: { writer: devices.b },
    });
    const [again] = await push('field', devices.c, [deleteOp(id, null)]);
    expect(again).toMatchObject({ status: 'applied', version: deleted?.version });
  });

  it('restores a deleted record with the sent fields', async () => {
    const { id, feature } = await createRecord('field', devices.a);
    const [deleted] = await push('field', devices.a, [deleteOp(id, null)]);
    const whole = { ...feature, properties: { ...feature.properties, note: 'wieder da' }, restore: true };
    const [restored] = await push('field', devices.a, [
      updateOp(id, deleted?.version as number, {
        geometry: whole.geometry,
        properties: whole.properties,
        restore: true,
      }),
    ]);
    expect(restored).toMatchObject({
      status: 'applied',
      record: { deleted: false, feature: { properties: { note: 'wieder da' } } },
    });
    expect(restored?.version).toBeGreaterThan(deleted?.version as number);
    const rest = await t.app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers: t.as('field') });
    expect(rest.json().properties.note).toBe('wieder da');
  });

  it('keeps residents out of sync: they neither push nor pull, and nothing is written', async () => {
    const before = await countRows(t.database, 'records');
    const pushed = await pushRaw('resident', {
      deviceId: devices.c,
      schemaVersion: SYNC_SCHEMA_VERSION,
      ops: [createOp(needFeature())],
    });
    expect(pushed.statusCode).toBe(403);
    expect(pushed.json().code).toBe('FORBIDDEN');
    expect(await countRows(t.database, 'records')).toBe(before);
    const pulled = await pullRaw('resident');
    expect(pulled.statusCode).toBe(403);
    expect(pulled.json().code).toBe('FORBIDDEN');
  });

  it('hides pending records from the field team, and sends a hidden row when a record leaves its view', async () => {
    const { cursor } = await pullAll('field');
    const need = needFeature();
    expect((await residentSubmits(t, need)).statusCode).toBe(201);
    // Created by a planner: the field team's own records stay visible to them whatever their status.
    const visible = await createRecord('planner', devices.b);
    // Moderation moves a published record back to review (a later issue builds the screens for it).
    await t.database.db.transaction().execute(async (trx) => {
      const version = await claimVersions(trx, 1);
      await trx.updateTable('records').set({ status: 'pending', version }).where('id', '=', visible.id).execute();
    });
    const { rows } = await pullAll('field', cursor);
    expect(rows.find((row) => row.id === need.id)).toEqual({ id: need.id, version: expect.any(Number), deleted: true });
    const moved = rows.filter((row) => row.id === visible.id);
    expect(moved).toEqual([{ id: visible.id, version: visible.version + 1, deleted: true }]);
    const [edit] = await push('field', devices.a, [
      updateOp(visible.id, visible.version, { properties: { note: 'x' } }),
    ]);
    expect(edit?.reason?.code).toBe('RECORD_NOT_FOUND');
    const staff = await pullAll('planner', cursor);
    expect(staff.rows.find((row) => row.id === need.id)?.feature?.properties.status).toBe('pending');
  });

  it('creates and ends survey sessions, which pulls bring with the records', async () => {
    const { cursor } = await pullAll('field');
    const input = sessionInput();
    const feature = serviceFeature({ properties: { sessionId: input.id } });
    const start = createSessionOp(input);
    const end = { ...start, opId: uuidv7(), type: 'update-session', payload: { endedAt: '2025-05-01T12:00:00.000Z' } };
    const results = await push('field', devices.a, [start, createOp(feature), end, { ...start, opId: uuidv7() }]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'rejected']);
    expect(results[3]?.reason?.code).toBe('SESSION_EXISTS');
    expect(results[2]?.session).toMatchObject({ id: input.id, endedAt: '2025-05-01T12:00:00.000Z' });
    const other = await push('field', devices.b, [{ ...end, opId: uuidv7() }]);
    expect(other[0]?.status).toBe('applied');
    const notOwn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: t.as('planner'),
      payload: sessionInput(),
    });
    const [forbidden] = await push('field', devices.a, [{ ...end, opId: uuidv7(), recordId: notOwn.json().id }]);
    expect(forbidden?.reason?.code).toBe('FORBIDDEN');

    const pulled = await pullAll('field', cursor);
    expect(pulled.sessions.filter((s) => s.id === input.id).at(-1)).toMatchObject({
      title: 'Begehung Nord',
      endedAt: '2025-05-01T12:00:00.000Z',
    });
    expect(pulled.rows.find((row) => row.id === feature.id)?.feature?.properties.sessionId).toBe(input.id);
  });

  it('refuses an op id another account used, and applies nothing for it', async () => {
    const first = createOp(serviceFeature());
    const [mine] = await push('field', devices.a, [first]);
    const stolen = { ...createOp(serviceFeature()), opId: first.opId };
    const [theirs] = await push('planner', devices.b, [stolen]);
    expect(mine?.status).toBe('applied');
    expect(theirs).toMatchObject({ status: 'rejected', reason: { code: 'OP_ID_TAKEN' } });
    expect(await getRecord(t.database.db, stolen.recordId)).toBeUndefined();
  });

  it('records REST edits under the account, so a device that missed them clashes with a named account', async () => {
    const { id, version } = await createRecord('field', devices.a);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${id}`,
      headers: t.as('planner'),
      payload: { properties: { name: 'Markt am Markt' } },
    });
    expect(patch.statusCode).toBe(200);
    const [result] = await push('field', devices.a, [updateOp(id, version, { properties: { name: 'Markt Nord' } })]);
    expect(result?.status).toBe('conflict');
    const [conflict] = await conflictsOf(id);
    expect(conflict.lostBy).toEqual({
      writer: `account:${t.accounts.planner.id}`,
      account: { id: t.accounts.planner.id, username: 'planner-user', displayName: 'Test planner' },
    });
  });
});
