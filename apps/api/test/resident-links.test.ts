import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/store/auth.ts';
import { putQuarter } from '../src/store/quarters.ts';
import { createTestApp, DATABASES, TEST_QUARTER, type TestApp, uuidv7 } from './helpers.ts';
import { registerDevice, residentSubmission, submit } from './resident-helpers.ts';

const OTHER_QUARTER = {
  ...TEST_QUARTER,
  id: 'nachbarviertel',
  name: 'Nachbarviertel',
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [7.475, 51.55],
        [7.49, 51.55],
        [7.49, 51.559],
        [7.475, 51.559],
        [7.475, 51.55],
      ],
    ] as [number, number][][],
  },
};

describe.each(DATABASES)('resident links on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { residentDevicesPerMinute: 5 });
    await putQuarter(t.database.db, OTHER_QUARTER);
  });
  afterAll(() => t.close());

  const create = (payload: object, role: 'planner' | 'admin' | 'field' = 'planner') =>
    t.app.inject({ method: 'POST', url: '/api/v1/resident-links', headers: t.as(role), payload });
  const list = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/resident-links', headers: t.as('planner') })).json()
      .links as Array<{ id: string; code: string; title: string; submissions: number; revokedAt: string | null }>;
  const byCode = (code: string) => t.app.inject({ method: 'GET', url: `/api/v1/resident-links/by-code/${code}` });
  const revoke = (id: string) =>
    t.app.inject({ method: 'DELETE', url: `/api/v1/resident-links/${id}`, headers: t.as('planner') });

  async function startSession(quarterId: string) {
    const id = uuidv7();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: t.as('planner'),
      payload: {
        id,
        kind: 'quartierszirkel',
        title: 'Quartierszirkel',
        quarterId,
        startedAt: new Date().toISOString(),
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return id;
  }

  it('creates a link with a short code, lists it newest first, and counts what came through it', async () => {
    const first = await create({ title: 'Aushang Bürgerhaus', quarterId: TEST_QUARTER.id, languages: ['de', 'tr'] });
    expect(first.statusCode, first.body).toBe(201);
    const link = first.json().link;
    expect(link).toMatchObject({
      title: 'Aushang Bürgerhaus',
      quarterId: TEST_QUARTER.id,
      sessionId: null,
      languages: ['de', 'tr'],
      createdBy: t.accounts.planner.id,
      revokedAt: null,
      submissions: 0,
    });
    expect(link.code).toMatch(/^[0-9a-z]{10}$/);
    expect(link.path).toBe(`/r/${link.code}`);

    const second = (await create({ title: 'Aushang Kiosk', quarterId: TEST_QUARTER.id, languages: ['ar'] })).json()
      .link;
    expect(second.code).not.toBe(link.code);
    const links = await list();
    expect(links.findIndex((l) => l.id === second.id)).toBeLessThan(links.findIndex((l) => l.id === link.id));

    const device = await registerDevice(t, link.code);
    expect((await submit(t, residentSubmission(), device.headers)).statusCode).toBe(201);
    expect((await submit(t, residentSubmission(), device.headers)).statusCode).toBe(201);
    const counted = await list();
    expect(counted.find((l) => l.id === link.id)?.submissions).toBe(2);
    expect(counted.find((l) => l.id === second.id)?.submissions).toBe(0);
  });

  it('refuses unknown quarters and sessions, naming the field', async () => {
    const noQuarter = await create({ title: 'Aushang', quarterId: 'nirgendwo', languages: ['de'] });
    expect(noQuarter.statusCode).toBe(400);
    expect(noQuarter.json()).toMatchObject({ code: 'UNKNOWN_QUARTER', details: [{ field: 'quarterId' }] });

    const noSession = await create({ title: 'A', quarterId: TEST_QUARTER.id, sessionId: uuidv7(), languages: ['de'] });
    expect(noSession.statusCode).toBe(400);
    expect(noSession.json()).toMatchObject({
      code: 'UNKNOWN_SESSION',
      details: [{ field: 'sessionId', code: 'UNKNOWN_SESSION' }],
    });

    const elsewhere = await startSession(OTHER_QUARTER.id);
    const wrongQuarter = await create({
      title: 'A',
      quarterId: TEST_QUARTER.id,
      sessionId: elsewhere,
      languages: ['de'],
    });
    expect(wrongQuarter.statusCode).toBe(400);
    expect(wrongQuarter.json().details).toEqual([expect.objectContaining({ code: 'SESSION_IN_OTHER_QUARTER' })]);

    const badLanguage = await create({ title: 'A', quarterId: TEST_QUARTER.id, languages: ['xx'] });
    expect(badLanguage.statusCode).toBe(400);
    expect(badLanguage.json().details[0].field).toMatch(/^languages/);
  });

  it('shows a resident only title, quarter and languages; 404 for unknown codes, 410 once closed', async () => {
    const link = (await create({ title: 'Aushang Markt', quarterId: TEST_QUARTER.id, languages: ['de', 'ar'] })).json()
      .link;
    const open = await byCode(link.code);
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({
      link: { code: link.code, title: 'Aushang Markt', quarterId: TEST_QUARTER.id, languages: ['de', 'ar'] },
    });
    const unknown = await byCode('zzzzzzzzzz');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('LINK_NOT_FOUND');
    expect((await byCode('NOT-A-CODE')).statusCode).toBe(400);

    const device = await registerDevice(t, link.code);
    expect(device.token).toMatch(/^qart_/);
    expect((await submit(t, residentSubmission(), device.headers)).statusCode).toBe(201);

    expect((await revoke(link.id)).statusCode).toBe(204);
    const closed = await byCode(link.code);
    expect(closed.statusCode).toBe(410);
    expect(closed.json().code).toBe('LINK_REVOKED');
    const late = await t.app.inject({ method: 'POST', url: `/api/v1/resident-links/by-code/${link.code}/devices` });
    expect(late.statusCode).toBe(410);

    // The phone that already had a token can send nothing more.
    const refused = await submit(t, residentSubmission(), device.headers);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('INVALID_TOKEN');
    const revokedAt = (await list()).find((l) => l.id === link.id)?.revokedAt;
    expect(revokedAt).toEqual(expect.any(String));
    // Closing twice keeps the first time.
    expect((await revoke(link.id)).statusCode).toBe(204);
    expect((await list()).find((l) => l.id === link.id)?.revokedAt).toBe(revokedAt);

    const missing = await revoke(uuidv7());
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('LINK_NOT_FOUND');
  });

  it('keeps of a device only a hash of its token: no address, no browser', async () => {
    const { token } = await registerDevice(t);
    const rows = await t.database.db.selectFrom('resident_devices').selectAll().execute();
    const row = rows.find((r) => r.token_hash === sha256(token));
    expect(row).toBeDefined();
    expect(Object.keys(row ?? {}).sort()).toEqual(['created_at', 'id', 'last_used_at', 'link_id', 'token_hash']);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain('127.0.0.1');
  });

  it('limits device registrations per network address, not across addresses', async () => {
    const register = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/resident-links/by-code/${t.residentLink.code}/devices`,
        remoteAddress,
      });
    for (let i = 0; i < 5; i++) expect((await register('10.1.1.1')).statusCode).toBe(201);
    const sixth = await register('10.1.1.1');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('RATE_LIMITED');
    expect((await register('10.2.2.2')).statusCode).toBe(201);
  });

  it('attaches needs to the link’s session, and to the quarter where the point lies', async () => {
    const session = await startSession(TEST_QUARTER.id);
    const link = (
      await create({ title: 'Quartierszirkel', quarterId: TEST_QUARTER.id, sessionId: session, languages: ['de'] })
    ).json().link;
    expect(link.sessionId).toBe(session);
    const device = await registerDevice(t, link.code);

    const inside = residentSubmission();
    expect((await submit(t, inside, device.headers)).statusCode).toBe(201);
    const across = residentSubmission();
    across.feature.geometry.coordinates = [7.48, 51.554];
    expect((await submit(t, across, device.headers)).statusCode).toBe(201);
    const outside = residentSubmission();
    outside.feature.geometry.coordinates = [7.3, 51.4];
    expect((await submit(t, outside, device.headers)).statusCode).toBe(201);

    const stored = await t.database.db
      .selectFrom('records')
      .select(['id', 'quarter_id', 'session_id'])
      .where('id', 'in', [inside.feature.id, across.feature.id, outside.feature.id])
      .execute();
    const byId = new Map(stored.map((r) => [r.id, r]));
    expect(byId.get(inside.feature.id)).toMatchObject({ quarter_id: TEST_QUARTER.id, session_id: session });
    expect(byId.get(across.feature.id)).toMatchObject({ quarter_id: OTHER_QUARTER.id, session_id: null });
    expect(byId.get(outside.feature.id)).toMatchObject({ quarter_id: TEST_QUARTER.id, session_id: session });
  });
});
