import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredLoginSessions } from '../src/store/auth.ts';
import { createTestApp, DATABASES, PASSWORD, type TestApp } from './helpers.ts';

describe.each(DATABASES)('accounts and sign-in on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: `10.0.0.${Math.floor(Math.random() * 250)}`,
    });

  it('signs in with an HTTP-only cookie, knows who is signed in, and signs out', async () => {
    const response = await login('PLANNER-user', PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().account).toMatchObject({ username: 'planner-user', role: 'planner' });
    expect(JSON.stringify(response.json())).not.toContain('password');
    const cookie = response.cookies.find((c) => c.name === 'qa_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const headers = { cookie: `qa_session=${cookie?.value}` };

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(me.json()).toMatchObject({ account: { role: 'planner' }, via: 'cookie' });

    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('refuses a wrong password or an unknown user with the same answer', async () => {
    const wrong = await login('planner-user', 'not the password');
    const unknown = await login('nobody-here', PASSWORD);
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('INVALID_CREDENTIALS');
      expect(response.cookies).toEqual([]);
    }
  });

  it('stores passwords as Argon2id hashes only', async () => {
    const row = await t.database.db
      .selectFrom('accounts')
      .select('password_hash')
      .where('username_key', '=', 'admin-user')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('slows down password guessing from one address', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'field-user', password: 'guess' },
        remoteAddress: '192.0.2.7',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another address is not affected.
    expect((await login('field-user', PASSWORD)).statusCode).toBe(200);
  });

  it('issues device tokens that work offline for weeks and can be revoked', async () => {
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/device-tokens',
      headers: t.as('field'),
      payload: { name: 'Tablet Quartiersbüro' },
    });
    expect(issued.statusCode).toBe(201);
    const { token, deviceToken } = issued.json();
    expect(token).toMatch(/^qadt_[A-Za-z0-9_-]{40,}$/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
    expect(me.json()).toMatchObject({ account: { role: 'field' }, via: 'device-token' });

    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/auth/device-tokens', headers: t.as('field') });
    const mine = listed.json().deviceTokens;
    expect(mine.map((d: { id: string }) => d.id)).toContain(deviceToken.id);
    expect(JSON.stringify(mine)).not.toContain(token);
    expect(mine.every((d: { accountId: string }) => d.accountId === t.accounts.field.id)).toBe(true);

    // Another field account cannot revoke it; only its owner or an admin can.
    const otherField = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/device-tokens/${deviceToken.id}`,
      headers: t.as('planner'),
    });
    expect(otherField.statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/auth/device-tokens/${deviceToken.id}`,
          headers: t.as('field'),
        })
      ).statusCode,
    ).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('INVALID_TOKEN');
  });

  it('lets admins manage accounts; disabling one ends its sessions and tokens at once', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: t.as('admin'),
      payload: {
        username: 'ayse.field',
        displayName: 'Ayşe Demir',
        role: 'field',
        password: 'a long enough passphrase',
      },
    });
    expect(created.statusCode).toBe(201);
    const account = created.json();
    expect(account).toMatchObject({
      username: 'ayse.field',
      displayName: 'Ayşe Demir',
      role: 'field',
      disabled: false,
    });

    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: t.as('admin'),
      payload: { username: 'Ayse.Field', displayName: 'Someone else', role: 'planner', password: 'another passphrase' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('USERNAME_TAKEN');

    const session = (await login('ayse.field', 'a long enough passphrase')).cookies.find(
      (c) => c.name === 'qa_session',
    );
    const cookie = { cookie: `qa_session=${session?.value}` };
    const token = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/device-tokens',
        headers: cookie,
        payload: { name: 'Phone' },
      })
    ).json().token;

    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/accounts/${account.id}`,
      headers: t.as('admin'),
      payload: { disabled: true },
    });
    expect(disabled.json().disabled).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: cookie })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
    const refused = await login('ayse.field', 'a long enough passphrase');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ACCOUNT_DISABLED');

    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: t.as('admin') });
    expect(listed.json().accounts.map((a: { username: string }) => a.username)).toContain('ayse.field');
  });

  it('removes expired sign-ins at start and keeps current ones', async () => {
    const db = t.database.db;
    await db
      .insertInto('login_sessions')
      .values({
        id: 'expired-session',
        account_id: t.accounts.field.id,
        created_at: '2026-01-01T00:00:00.000Z',
        expires_at: '2026-01-15T00:00:00.000Z',
      })
      .execute();
    await purgeExpiredLoginSessions(db);
    const ids = (await db.selectFrom('login_sessions').select('id').execute()).map((r) => r.id);
    expect(ids).not.toContain('expired-session');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: t.as('field') })).statusCode).toBe(
      200,
    );
  });

  it('never leaves the installation without an active admin', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/accounts/${t.accounts.admin.id}`,
      headers: t.as('admin'),
      payload: { role: 'planner' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('LAST_ADMIN');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: t.as('admin') })).json().account.role,
    ).toBe('admin');
  });

  it('lets field teams end only their own sessions', async () => {
    const id = '01900000-0000-7000-8000-000000000001';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: t.as('planner'),
      payload: {
        id,
        kind: 'quartierszirkel',
        title: 'Quartierszirkel Oktober',
        quarterId: 'testviertel',
        startedAt: '2026-10-14T16:00:00.000Z',
      },
    });
    expect(created.statusCode).toBe(201);
    const byField = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${id}`,
      headers: t.as('field'),
      payload: { endedAt: '2026-10-14T18:00:00.000Z' },
    });
    expect(byField.statusCode).toBe(403);
    const byPlanner = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${id}`,
      headers: t.as('planner'),
      payload: { endedAt: '2026-10-14T18:00:00.000Z' },
    });
    expect(byPlanner.json()).toMatchObject({ endedAt: '2026-10-14T18:00:00.000Z', version: 2 });
  });
});
