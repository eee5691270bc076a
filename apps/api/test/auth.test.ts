import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredLoginSessions } from '../src/store/auth.ts';
import { countRows, createTestApp, DATABASES, PASSWORD, sessionHeaders, type TestApp } from './helpers.ts';
import { sessionInput } from './sync-helpers.ts';

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
    const csrfToken = response.json().csrfToken;
    expect(csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const headers = { cookie: `qa_session=${cookie?.value}`, 'x-csrf-token': csrfToken };

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(me.json()).toMatchObject({ account: { role: 'planner' }, via: 'cookie', csrfToken });

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
    // Guesses at names that do not exist: the rate limit holds whatever the name (and locks no one).
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'field-user-guess', password: 'guess' },
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

    const cookie = sessionHeaders(await login('ayse.field', 'a long enough passphrase'));
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
  describe('CSRF protection of cookie sessions', () => {
    /** A fresh browser session of the field account: cookie and CSRF token. */
    const browser = async () => sessionHeaders(await login('field-user', PASSWORD));
    const newSession = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        headers,
        payload: sessionInput(),
      });

    it('refuses a write by cookie without the token, or with a wrong one, and writes nothing', async () => {
      const session = await browser();
      const other = await browser();
      const before = await countRows(t.database, 'survey_sessions');
      const attempts: Record<string, string>[] = [
        { cookie: session.cookie },
        { cookie: session.cookie, 'x-csrf-token': '' },
        { cookie: session.cookie, 'x-csrf-token': other['x-csrf-token'] },
        { cookie: session.cookie, 'x-csrf-token': `${session['x-csrf-token']}x` },
      ];
      for (const headers of attempts) {
        const response = await newSession(headers);
        expect(response.statusCode, JSON.stringify(headers)).toBe(403);
        expect(response.json().code).toBe('CSRF_TOKEN_INVALID');
      }
      expect(await countRows(t.database, 'survey_sessions')).toBe(before);
      // Nor a body-less DELETE or a raw upload, which forms of other sites cannot send but scripts could try.
      const tokens = await t.app.inject({ method: 'GET', url: '/api/v1/auth/device-tokens', headers: session });
      const own = tokens.json().deviceTokens.find((d: { revokedAt: string | null }) => d.revokedAt === null);
      const revoke = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/device-tokens/${own.id}`,
        headers: { cookie: session.cookie },
      });
      expect(revoke.json().code).toBe('CSRF_TOKEN_INVALID');
      const upload = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/media/${'a'.repeat(64)}`,
        headers: { cookie: session.cookie, 'content-type': 'image/jpeg' },
        payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      });
      expect(upload.json().code).toBe('CSRF_TOKEN_INVALID');
      const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/device-tokens', headers: session });
      expect(after.json().deviceTokens.find((d: { id: string }) => d.id === own.id).revokedAt).toBeNull();
    });

    it('accepts a write by cookie with the token of its session, and a bearer token without any', async () => {
      const session = await browser();
      expect((await newSession(session)).statusCode).toBe(201);
      expect((await newSession(t.as('field', 'token'))).statusCode).toBe(201);
    });

    it('never asks for it on reads, and gives it again from /auth/me', async () => {
      const session = await browser();
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json().csrfToken).toBe(session['x-csrf-token']);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/sessions', headers: { cookie: session.cookie } });
      expect(list.statusCode).toBe(200);
      // A device token is no browser session: it has no CSRF token to hand out.
      const byToken = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: t.as('field', 'token') });
      expect(byToken.json().csrfToken).toBeUndefined();
    });

    it('signs out only with the token, so another site cannot end a session', async () => {
      const session = await browser();
      const forged = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: session.cookie },
      });
      expect(forged.json().code).toBe('CSRF_TOKEN_INVALID');
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session })).statusCode).toBe(
        204,
      );
      // Signing in again from a browser that still holds a cookie needs no token.
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { cookie: (await browser()).cookie },
        payload: { username: 'field-user', password: PASSWORD },
        remoteAddress: '10.1.0.1',
      });
      expect(again.statusCode).toBe(200);
    });
  });

  describe('account lockout after wrong passwords', () => {
    const passphrase = 'a long enough passphrase';
    const createAccount = async (username: string) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        headers: t.as('admin'),
        payload: { username, displayName: username, role: 'field', password: passphrase },
      });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    // Lockout counts per account, whatever the address: one address is used so the rate limit shows too.
    const tryLogin = (username: string, password: string, address = '10.2.0.1') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
        remoteAddress: address,
      });
    const account = (id: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/accounts/${id}`, headers: t.as('admin') });

    it('locks after five wrong passwords in a row, refuses even the right one, and tells until when', async () => {
      const id = await createAccount('lock.me');
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await tryLogin('lock.me', `wrong ${i}`, `10.2.1.${i}`));
      expect(answers.slice(0, 4).map((a) => a.json().code)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
      const locked = answers[4];
      expect(locked?.statusCode).toBe(423);
      expect(locked?.json().code).toBe('ACCOUNT_LOCKED');
      const until = Date.parse(locked?.json().details.until);
      expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
      expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);

      // The right password gets the same answer as a wrong one: the lock does not confirm a guess.
      const right = await tryLogin('lock.me', passphrase, '10.2.1.9');
      const wrong = await tryLogin('lock.me', 'still wrong', '10.2.1.10');
      for (const response of [right, wrong]) {
        expect(response.statusCode).toBe(423);
        expect(response.json()).toEqual(locked?.json());
        expect(response.cookies).toEqual([]);
      }
      expect((await account(id)).json().lockedUntil).toBe(locked?.json().details.until);
    });

    it('opens again by itself after 15 minutes, and counts five new tries from there', async () => {
      const id = await createAccount('lock.expires');
      for (let i = 0; i < 5; i++) await tryLogin('lock.expires', 'wrong', `10.6.0.${i}`);
      // A quarter of an hour later:
      await t.database.db
        .updateTable('accounts')
        .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', id)
        .execute();
      expect((await account(id)).json().lockedUntil).toBeNull();
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await tryLogin('lock.expires', 'wrong', `10.6.1.${i}`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
    });

    it('forgets wrong passwords after a successful sign-in', async () => {
      await createAccount('typo.prone');
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 4; i++) {
          expect((await tryLogin('typo.prone', 'wrong', `10.3.${round}.${i}`)).statusCode).toBe(401);
        }
        expect((await tryLogin('typo.prone', passphrase, `10.3.${round}.9`)).statusCode).toBe(200);
      }
    });

    it('is lifted by an administrator, or by a new password', async () => {
      const lock = async (username: string) => {
        for (let i = 0; i < 5; i++) await tryLogin(username, 'wrong', `10.4.${username.length}.${i}`);
        expect((await tryLogin(username, passphrase, '10.4.9.9')).statusCode).toBe(423);
      };
      const first = await createAccount('unlock.admin');
      await lock('unlock.admin');
      const unlocked = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${first}`,
        headers: t.as('admin'),
        payload: { locked: false },
      });
      expect(unlocked.json().lockedUntil).toBeNull();
      expect((await tryLogin('unlock.admin', passphrase, '10.4.8.1')).statusCode).toBe(200);

      const second = await createAccount('unlock.password');
      await lock('unlock.password');
      const reset = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${second}`,
        headers: t.as('admin'),
        payload: { password: 'a brand new passphrase' },
      });
      expect(reset.json().lockedUntil).toBeNull();
      expect((await tryLogin('unlock.password', 'a brand new passphrase', '10.4.8.2')).statusCode).toBe(200);

      // Only an unlock can be asked for: locking is the wrong passwords' business.
      const lockByHand = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${second}`,
        headers: t.as('admin'),
        payload: { locked: true },
      });
      expect(lockByHand.statusCode).toBe(400);
      expect(lockByHand.json().details[0].field).toBe('locked');
    });

    it('keeps no lockout for names that do not exist, and answers them like a wrong password', async () => {
      const before = await countRows(t.database, 'accounts');
      for (let i = 0; i < 6; i++) {
        const response = await tryLogin('no.such.person', 'whatever', `10.5.0.${i}`);
        expect(response.statusCode).toBe(401);
        expect(response.json().code).toBe('INVALID_CREDENTIALS');
      }
      expect(await countRows(t.database, 'accounts')).toBe(before);
    });

    it('shows no lock to the account itself and none in a list of unlocked accounts', async () => {
      const listed = await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: t.as('admin') });
      const admin = listed.json().accounts.find((a: { username: string }) => a.username === 'admin-user');
      expect(admin.lockedUntil).toBeNull();
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: t.as('admin') });
      expect(me.json().account).not.toHaveProperty('lockedUntil');
    });
  });

  it('gives residents no accounts: the API refuses the role, naming the field', async () => {
    const before = await countRows(t.database, 'accounts');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: t.as('admin'),
      payload: {
        username: 'bewohnerin',
        displayName: 'Bewohnerin',
        role: 'resident',
        password: 'a long enough passphrase',
      },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().details).toEqual([expect.objectContaining({ field: 'role' })]);
    expect(await countRows(t.database, 'accounts')).toBe(before);
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/accounts/${t.accounts.field.id}`,
      headers: t.as('admin'),
      payload: { role: 'resident' },
    });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().details).toEqual([expect.objectContaining({ field: 'role' })]);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: t.as('field') });
    expect(me.json().account.role).toBe('field');
  });
});
