import { randomBytes } from 'node:crypto';
import { newReceipt, type Role } from '@quartiersatlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  DATABASES,
  needFeature,
  residentSubmits,
  serviceFeature,
  type TestApp,
  uuidv7,
} from './helpers.ts';
import { syncClient } from './sync-helpers.ts';

describe.each(DATABASES)('moderation of resident submissions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const { pullAll } = syncClient(() => t);

  /** A need a resident sent in: it waits as pending. */
  async function submitted(text = 'Ein Spielplatz fehlt.') {
    const feature = needFeature({ text, lang: 'de', targetGroups: ['children'] });
    const receipt = newReceipt((length) => randomBytes(length));
    const response = await residentSubmits(t, feature, receipt);
    expect(response.statusCode).toBe(201);
    expect(response.json().status).toBe('pending');
    const stored = (await read(feature.id, 'planner')).json();
    expect(stored.properties.status).toBe('pending');
    return { id: feature.id, version: stored.properties.version as number, receipt };
  }
  const publish = (id: string, payload: object | undefined = {}, role: Role = 'planner') =>
    t.app.inject({ method: 'POST', url: `/api/v1/records/${id}/publish`, headers: t.as(role), payload });
  const reject = (id: string, payload: object, role: Role = 'planner') =>
    t.app.inject({ method: 'POST', url: `/api/v1/records/${id}/reject`, headers: t.as(role), payload });
  const read = (id: string, role: Role) =>
    t.app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers: t.as(role) });
  const history = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/records/${id}/history`, headers: t.as('planner') })).json()
      .events as Array<{ action: string; note: string | null; changes: Record<string, unknown>; version: number }>;

  it('queues a submission for staff; once published after an edit, field devices pull it', async () => {
    const { cursor } = await pullAll('field', undefined);
    const need = await submitted('Spilplatz fehlt');
    expect((await read(need.id, 'field')).statusCode).toBe(404);
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/records?status=pending&kind=need',
      headers: t.as('planner'),
    });
    expect(queue.json().features.map((f: { id: string }) => f.id)).toContain(need.id);

    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${need.id}`,
      headers: t.as('planner'),
      payload: { properties: { text: 'Spielplatz fehlt' }, baseVersion: need.version },
    });
    expect(edited.statusCode).toBe(200);
    const editedVersion = edited.json().properties.version as number;

    const stale = await publish(need.id, { baseVersion: need.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const published = await publish(need.id, { baseVersion: editedVersion });
    expect(published.statusCode, published.body).toBe(200);
    const record = published.json().record;
    expect(record).toMatchObject({ id: need.id, properties: { status: 'published', text: 'Spielplatz fehlt' } });
    expect(record.properties.version).toBeGreaterThan(editedVersion);

    const { rows } = await pullAll('field', cursor);
    const pulled = rows.filter((row) => row.id === need.id);
    expect(pulled).toEqual([
      expect.objectContaining({ version: record.properties.version, deleted: false, feature: expect.anything() }),
    ]);
    expect(pulled[0]?.feature?.properties).toMatchObject({ status: 'published', text: 'Spielplatz fehlt' });
    expect((await read(need.id, 'field')).json().properties.status).toBe('published');

    const events = await history(need.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'publish']);
    expect(events[2]).toMatchObject({
      version: record.properties.version,
      changes: { status: { before: 'pending', after: 'published' } },
      note: null,
    });

    const again = await publish(need.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RECORD_NOT_PENDING');
    expect(again.json().message).toContain('published');
  });

  it('rejects with a reason kept in the history; the need leaves the team’s view', async () => {
    const { cursor } = await pullAll('field', undefined);
    const need = await submitted('Werbung für meinen Laden');
    const rejected = await reject(need.id, { reason: '  Werbung, kein Bedarf  ' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().record.properties).toMatchObject({ status: 'rejected' });

    expect((await read(need.id, 'field')).statusCode).toBe(404);
    // The author still sees what became of it, with their receipt code.
    const receipt = await t.app.inject({ method: 'GET', url: `/api/v1/receipts/${need.receipt}` });
    expect(receipt.json().submission.status).toBe('rejected');
    expect((await read(need.id, 'resident')).statusCode).toBe(403);
    const published = await t.app.inject({ method: 'GET', url: '/api/v1/records?kind=need', headers: t.as('field') });
    expect(published.json().features.map((f: { id: string }) => f.id)).not.toContain(need.id);
    const { rows } = await pullAll('field', cursor);
    expect(rows.filter((row) => row.id === need.id).every((row) => row.deleted)).toBe(true);

    const last = (await history(need.id)).at(-1);
    expect(last).toMatchObject({
      action: 'reject',
      note: 'Werbung, kein Bedarf',
      changes: { status: { before: 'pending', after: 'rejected' } },
    });
    const twice = await reject(need.id, { reason: 'doppelt' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('RECORD_NOT_PENDING');
    expect(twice.json().message).toContain('rejected');
    expect((await publish(need.id)).json().code).toBe('RECORD_NOT_PENDING');
  });

  it('refuses a missing, blank or too long reason naming the field, and changes nothing', async () => {
    const need = await submitted();
    for (const payload of [{}, { reason: '   ' }, { reason: 'x'.repeat(1001) }]) {
      const response = await reject(need.id, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().details.map((d: { field: string }) => d.field)).toEqual(['reason']);
    }
    expect((await read(need.id, 'planner')).json().properties).toMatchObject({
      status: 'pending',
      version: need.version,
    });
    expect((await history(need.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('publishes without a body, and answers 404 for unknown or deleted records', async () => {
    const need = await submitted();
    const bare = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${need.id}/publish`,
      headers: t.as('admin'),
    });
    expect(bare.statusCode, bare.body).toBe(200);
    expect(bare.json().record.properties.status).toBe('published');

    const unknown = await publish(uuidv7());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('RECORD_NOT_FOUND');
    const gone = await submitted();
    await t.app.inject({ method: 'DELETE', url: `/api/v1/records/${gone.id}`, headers: t.as('planner') });
    expect((await reject(gone.id, { reason: 'zu spät' })).json().code).toBe('RECORD_NOT_FOUND');
  });

  it('does not treat records the team published as submissions', async () => {
    const feature = serviceFeature();
    await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: t.as('field'), payload: feature });
    const response = await publish(feature.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('RECORD_NOT_PENDING');
  });

  it('lets only staff moderate', async () => {
    const need = await submitted();
    for (const role of ['field', 'resident'] as const) {
      expect((await publish(need.id, {}, role)).statusCode).toBe(403);
      expect((await reject(need.id, { reason: 'nein' }, role)).statusCode).toBe(403);
    }
    expect((await publish(need.id, {}, 'anonymous' as Role)).statusCode).toBe(401);
    expect((await read(need.id, 'planner')).json().properties.status).toBe('pending');
  });
});
