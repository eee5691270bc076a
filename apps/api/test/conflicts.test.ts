import type { Role } from '@quartiersatlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putQuarter } from '../src/store/quarters.ts';
import { getRecord } from '../src/store/records.ts';
import { createTestApp, DATABASES, TEST_QUARTER, type TestApp, uuidv7 } from './helpers.ts';
import { createSessionOp, deleteOp, syncClient, updateOp } from './sync-helpers.ts';

describe.each(DATABASES)('conflicts API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const deviceA = uuidv7();
  const deviceB = uuidv7();

  const { push, createRecord } = syncClient(() => t);

  const created = () => createRecord('field', deviceA);
  /** Device A then device B change `properties` from the same base: B wins, A's values become conflicts. */
  async function clash(id: string, base: number, lost: Record<string, unknown>, kept: Record<string, unknown>) {
    await push('field', deviceA, [updateOp(id, base, { properties: lost })]);
    const [result] = await push('planner', deviceB, [updateOp(id, base, { properties: kept })]);
    expect(result?.status).toBe('conflict');
    return result?.conflicts?.map((c) => c.conflictId) ?? [];
  }
  const get = (url: string, role: Role = 'planner') => t.app.inject({ method: 'GET', url, headers: t.as(role) });
  const resolve = (id: string, action: string, role: Role = 'planner') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/conflicts/${id}/resolve`,
      headers: t.as(role),
      payload: { action },
    });

  it('lists open conflicts newest first, filtered by record and status, page by page', async () => {
    const first = await created();
    const second = await created();
    const older = await clash(
      first.id,
      first.version,
      { note: 'a', openingHours: 'Mo' },
      { note: 'b', openingHours: 'Di' },
    );
    const newer = await clash(second.id, second.version, { note: 'c' }, { note: 'd' });

    const byRecord = (await get(`/api/v1/conflicts?record=${first.id}`)).json();
    expect(byRecord.conflicts.map((c: { field: string }) => c.field).sort()).toEqual(['note', 'openingHours']);
    expect(byRecord.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor = '';
    do {
      const page = (await get(`/api/v1/conflicts?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.conflicts.length).toBeLessThanOrEqual(2);
      seen.push(...page.conflicts.map((c: { id: string }) => c.id));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    expect(seen).toEqual([...newer, ...older].sort().reverse());

    expect((await resolve(newer[0] as string, 'keep')).statusCode).toBe(200);
    const open = (await get('/api/v1/conflicts?status=open')).json().conflicts.map((c: { id: string }) => c.id);
    expect(open).not.toContain(newer[0]);
    const resolved = (await get('/api/v1/conflicts?status=resolved')).json().conflicts;
    expect(resolved.map((c: { id: string }) => c.id)).toEqual([newer[0]]);
    expect(resolved[0]).toMatchObject({ status: 'resolved', resolution: 'kept', resolvedBy: t.accounts.planner.id });
    const all = (await get('/api/v1/conflicts?status=all')).json().conflicts.map((c: { id: string }) => c.id);
    expect(all).toEqual(expect.arrayContaining([...older, ...newer]));

    const bad = await get('/api/v1/conflicts?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('status');
  });

  it('shows one conflict, and answers 404 for an unknown one', async () => {
    const { id, version } = await created();
    const [conflictId] = await clash(id, version, { note: 'vorher' }, { note: 'nachher' });
    const one = await get(`/api/v1/conflicts/${conflictId}`);
    expect(one.json()).toMatchObject({
      id: conflictId,
      recordId: id,
      keptValue: 'nachher',
      lostValue: 'vorher',
      keptBy: { writer: deviceB, account: { username: 'planner-user' } },
      lostBy: { writer: deviceA, account: { username: 'field-user' } },
    });
    const unknown = await get(`/api/v1/conflicts/${uuidv7()}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('CONFLICT_NOT_FOUND');
    expect((await resolve(uuidv7(), 'keep')).json().code).toBe('CONFLICT_NOT_FOUND');
  });

  it('keeps the current value, and refuses to resolve twice', async () => {
    const { id, version } = await created();
    const [conflictId] = await clash(id, version, { note: 'alt' }, { note: 'neu' });
    const before = await getRecord(t.database.db, id);
    const kept = await resolve(conflictId as string, 'keep');
    expect(kept.statusCode).toBe(200);
    expect(kept.json().conflict).toMatchObject({ status: 'resolved', resolution: 'kept' });
    expect((await getRecord(t.database.db, id))?.version).toBe(before?.version);
    const twice = await resolve(conflictId as string, 'restore-lost');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('CONFLICT_RESOLVED');
    expect((await getRecord(t.database.db, id))?.fields.note).toBe('neu');
  });

  it('restores a lost field value as a new version by the planner', async () => {
    const { id, version } = await created();
    const [conflictId] = await clash(id, version, { note: 'Rampe hinten' }, { note: 'keine Rampe' });
    const before = await getRecord(t.database.db, id);
    const restored = await resolve(conflictId as string, 'restore-lost');
    expect(restored.statusCode).toBe(200);
    expect(restored.json().record.properties).toMatchObject({ note: 'Rampe hinten' });
    expect(restored.json().conflict).toMatchObject({ resolution: 'restored' });
    const after = await getRecord(t.database.db, id);
    expect(after?.version).toBeGreaterThan(before?.version as number);
    expect(after?.fieldVersions.note).toEqual([after?.version, `account:${t.accounts.planner.id}`]);
  });

  it('does not bring back a field of a record deleted since, and leaves the conflict open', async () => {
    const { id, version } = await created();
    const [conflictId] = await clash(id, version, { note: 'alt' }, { note: 'neu' });
    await push('planner', deviceB, [deleteOp(id, null)]);
    const refused = await resolve(conflictId as string, 'restore-lost');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('RECORD_DELETED');
    expect((await get(`/api/v1/conflicts/${conflictId}`)).json().status).toBe('open');
  });

  it('brings a deleted record back with the edit that met the delete', async () => {
    const { id, version } = await created();
    await push('planner', deviceB, [deleteOp(id, version)]);
    const [late] = await push('field', deviceA, [updateOp(id, version, { properties: { name: 'Kiosk Süd' } })]);
    const restored = await resolve(late?.conflicts?.[0]?.conflictId as string, 'restore-lost');
    expect(restored.statusCode).toBe(200);
    expect(restored.json().record.properties).toMatchObject({ name: 'Kiosk Süd', deleted: false });
    const read = await get(`/api/v1/records/${id}`, 'field');
    expect(read.json().properties.name).toBe('Kiosk Süd');
  });

  it('undoes a delete that had not seen the latest edits', async () => {
    const { id, version } = await created();
    await push('planner', deviceB, [updateOp(id, version, { properties: { capacity: 30 } })]);
    const [deleted] = await push('field', deviceA, [deleteOp(id, version)]);
    expect((await getRecord(t.database.db, id))?.deleted).toBe(true);
    const restored = await resolve(deleted?.conflicts?.[0]?.conflictId as string, 'restore-lost');
    expect(restored.statusCode).toBe(200);
    expect(restored.json().record.properties).toMatchObject({ capacity: 30, deleted: false });
  });

  it('refuses to restore a value that no longer fits the record, and changes nothing', async () => {
    await putQuarter(t.database.db, { ...TEST_QUARTER, id: 'nordviertel', name: 'Nordviertel' });
    await putQuarter(t.database.db, { ...TEST_QUARTER, id: 'suedviertel', name: 'Südviertel' });
    const { id, version } = await created();
    const [conflictId] = await clash(id, version, { quarterId: 'nordviertel' }, { quarterId: 'suedviertel' });
    const walk = {
      id: uuidv7(),
      kind: 'walkabout',
      title: 'Süd',
      quarterId: 'suedviertel',
      startedAt: '2025-05-02T10:00:00Z',
    };
    await push('planner', deviceB, [createSessionOp(walk)]);
    const current = await getRecord(t.database.db, id);
    await push('planner', deviceB, [updateOp(id, current?.version as number, { properties: { sessionId: walk.id } })]);
    const before = await getRecord(t.database.db, id);

    const refused = await resolve(conflictId as string, 'restore-lost');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual([
      expect.objectContaining({ field: 'properties.sessionId', code: 'SESSION_IN_OTHER_QUARTER' }),
    ]);
    expect(await getRecord(t.database.db, id)).toEqual(before);
    expect((await get(`/api/v1/conflicts/${conflictId}`)).json().status).toBe('open');
    expect((await resolve(conflictId as string, 'keep')).statusCode).toBe(200);
  });
});
