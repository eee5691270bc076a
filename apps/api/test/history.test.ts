import { parseRecord, type Role } from '@quartiersatlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillRecordEvents } from '../src/db/migrations.ts';
import { insertRecords } from '../src/store/records.ts';
import { getTaxonomy } from '../src/store/taxonomy.ts';
import { createTestApp, DATABASES, serviceFeature, type TestApp, uuidv7 } from './helpers.ts';
import { createOp, deleteOp, syncClient, updateOp } from './sync-helpers.ts';

interface HistoryEvent {
  version: number;
  action: string;
  at: string;
  by: { accountId: string | null; name: string | null; deviceId: string | null };
  changes: Record<string, { before: unknown; after: unknown }>;
  note: string | null;
}

describe.each(DATABASES)('record history on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const { push } = syncClient(() => t);
  const device = uuidv7();

  const history = (id: string, role: Role = 'planner') =>
    t.app.inject({ method: 'GET', url: `/api/v1/records/${id}/history`, headers: t.as(role) });
  async function eventsOf(id: string): Promise<HistoryEvent[]> {
    const response = await history(id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().recordId).toBe(id);
    return response.json().events;
  }
  const actions = (events: HistoryEvent[]) => events.map((e) => e.action);

  it('records create, update and delete through the records API with who and what changed', async () => {
    const feature = serviceFeature({ properties: { name: 'Markt am Platz', capacity: 10 } });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: t.as('field'),
      payload: feature,
    });
    expect(created.statusCode).toBe(201);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${feature.id}`,
      headers: t.as('planner'),
      payload: { properties: { name: 'Markt am Brunnen', capacity: null }, geometry: feature.geometry },
    });
    expect(patched.statusCode).toBe(200);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/records/${feature.id}`,
      headers: t.as('planner', 'token'),
    });
    expect(deleted.statusCode).toBe(204);

    const events = await eventsOf(feature.id);
    expect(actions(events)).toEqual(['create', 'update', 'delete']);
    const [create, update, remove] = events as [HistoryEvent, HistoryEvent, HistoryEvent];
    expect(create.version).toBe(created.json().properties.version);
    expect(create.by).toEqual({ accountId: t.accounts.field.id, name: 'Test field', deviceId: null });
    expect(create.changes).toMatchObject({
      name: { before: null, after: 'Markt am Platz' },
      capacity: { before: null, after: 10 },
      category: { before: null, after: 'groceries' },
      geometry: { before: null, after: feature.geometry },
      status: { before: null, after: 'published' },
    });
    // Only what changed: the geometry was sent unchanged, the category not at all.
    expect(update.changes).toEqual({
      name: { before: 'Markt am Platz', after: 'Markt am Brunnen' },
      capacity: { before: 10, after: null },
    });
    expect(update.version).toBe(patched.json().properties.version);
    expect(update.by.name).toBe('Test planner');
    expect(remove).toMatchObject({ changes: {}, by: { accountId: t.accounts.planner.id } });
    expect(remove.version).toBeGreaterThan(update.version);
    expect(Date.parse(remove.at)).toBeGreaterThanOrEqual(Date.parse(create.at));

    // A deleted record keeps its history.
    expect((await history(feature.id)).statusCode).toBe(200);
  });

  it('records sync pushes op by op with the device, a restore as restore, and nothing for a no-op', async () => {
    const feature = serviceFeature();
    const results = await push('field', device, [
      createOp(feature),
      updateOp(feature.id, null, { properties: { note: 'Eingang im Hof' } }),
      updateOp(feature.id, null, { properties: { note: 'Eingang im Hof' } }),
      deleteOp(feature.id, null),
    ]);
    const restored = await push('field', device, [
      updateOp(feature.id, results[3]?.version as number, {
        geometry: feature.geometry,
        properties: { ...feature.properties, note: 'wieder offen' },
        restore: true,
      }),
    ]);
    expect(restored[0]?.status).toBe('applied');

    const events = await eventsOf(feature.id);
    expect(actions(events)).toEqual(['create', 'update', 'delete', 'restore']);
    expect(events.map((e) => e.version)).toEqual([
      results[0]?.version,
      results[1]?.version,
      results[3]?.version,
      restored[0]?.version,
    ]);
    for (const event of events) {
      expect(event.by).toEqual({ accountId: t.accounts.field.id, name: 'Test field', deviceId: device });
    }
    expect(events[1]?.changes).toEqual({ note: { before: null, after: 'Eingang im Hof' } });
    expect(events[3]?.changes).toEqual({ note: { before: 'Eingang im Hof', after: 'wieder offen' } });
  });

  it('keeps no event of a push op that was rejected, and none twice for a replayed push', async () => {
    const feature = serviceFeature();
    const ops = [createOp(feature), updateOp(feature.id, null, { properties: { capacity: -1 } })];
    const first = await push('field', device, ops);
    expect(first.map((r) => r.status)).toEqual(['applied', 'rejected']);
    await push('field', device, ops);
    expect(actions(await eventsOf(feature.id))).toEqual(['create']);
  });

  it('records a field clash as an update, and both resolutions of its conflict', async () => {
    const other = uuidv7();
    const feature = serviceFeature();
    const [created] = await push('field', device, [createOp(feature)]);
    const base = created?.version as number;
    await push('field', device, [updateOp(feature.id, base, { properties: { note: 'Rampe hinten' } })]);
    const [clash] = await push('planner', other, [updateOp(feature.id, base, { properties: { note: 'keine Rampe' } })]);
    expect(clash?.status).toBe('conflict');
    const conflictId = clash?.conflicts?.[0]?.conflictId as string;

    const resolved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conflicts/${conflictId}/resolve`,
      headers: t.as('admin'),
      payload: { action: 'restore-lost' },
    });
    expect(resolved.statusCode).toBe(200);
    const events = await eventsOf(feature.id);
    expect(actions(events)).toEqual(['create', 'update', 'update', 'resolve']);
    expect(events[2]).toMatchObject({
      by: { accountId: t.accounts.planner.id, deviceId: other },
      changes: { note: { before: 'Rampe hinten', after: 'keine Rampe' } },
    });
    expect(events[3]).toMatchObject({
      version: resolved.json().record.properties.version,
      by: { accountId: t.accounts.admin.id, name: 'Test admin', deviceId: null },
      changes: { note: { before: 'keine Rampe', after: 'Rampe hinten' } },
    });

    // Keeping writes no new version, yet the decision shows in the history.
    await push('field', device, [updateOp(feature.id, base, { properties: { note: 'Rampe vorn' } })]);
    const conflicts = await t.app.inject({
      method: 'GET',
      url: `/api/v1/conflicts?record=${feature.id}`,
      headers: t.as('planner'),
    });
    const open = conflicts.json().conflicts[0];
    const versionBefore = (await eventsOf(feature.id)).at(-1)?.version;
    const kept = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conflicts/${open.id}/resolve`,
      headers: t.as('planner'),
      payload: { action: 'keep' },
    });
    expect(kept.statusCode).toBe(200);
    const last = (await eventsOf(feature.id)).at(-1);
    expect(last).toMatchObject({
      action: 'resolve',
      version: versionBefore,
      changes: {},
      by: { name: 'Test planner' },
    });
  });

  it('records a create for bulk inserts by the server itself, without an account', async () => {
    const record = serviceFeature();
    const parsed = parseRecord(record, await getTaxonomy(t.database.db));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    await insertRecords(t.database.db, [parsed.value], { createdBy: null, status: 'published' });
    const [event] = await eventsOf(record.id);
    expect(event).toMatchObject({ action: 'create', by: { accountId: null, name: null, deviceId: null } });
  });

  it('gives records older than the history a create event (and a delete for tombstones)', async () => {
    const [kept, gone] = [serviceFeature(), serviceFeature()];
    for (const feature of [kept, gone]) {
      await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: t.as('field'), payload: feature });
    }
    await t.app.inject({ method: 'DELETE', url: `/api/v1/records/${gone.id}`, headers: t.as('field') });
    // As in a database from before the history: no events at all; then migration 0004 fills them in.
    await t.database.db.deleteFrom('record_events').execute();
    await backfillRecordEvents(t.database.db as never);

    const keptEvents = await eventsOf(kept.id);
    expect(keptEvents).toEqual([
      expect.objectContaining({ action: 'create', changes: {}, by: expect.objectContaining({ name: 'Test field' }) }),
    ]);
    expect(actions(await eventsOf(gone.id))).toEqual(['create', 'delete']);
  });

  it('is for staff only, and answers 404 for an unknown record', async () => {
    const feature = serviceFeature();
    await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: t.as('field'), payload: feature });
    expect((await history(feature.id, 'field')).statusCode).toBe(403);
    expect((await history(feature.id, 'resident')).statusCode).toBe(403);
    expect((await history(feature.id, 'admin')).statusCode).toBe(200);
    const unknown = await history(uuidv7());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('RECORD_NOT_FOUND');
  });
});
