import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { verifyPassword } from '../auth/password.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import {
  CSRF_HEADER,
  cookieOptions,
  csrfTokenFor,
  requireCaller,
  SESSION_COOKIE,
  SIGNED_IN,
  TEAM,
} from '../plugins/auth.ts';
import {
  findAccountRowByUsername,
  LOCKOUT_AFTER,
  LOCKOUT_MINUTES,
  lockedUntil,
  recordFailedLogin,
  recordSuccessfulLogin,
  toAccount,
} from '../store/accounts.ts';
import {
  createDeviceToken,
  createLoginSession,
  endLoginSession,
  listDeviceTokens,
  revokeDeviceToken,
} from '../store/auth.ts';

const LoginBody = Type.Object(
  {
    // Looser than account creation on purpose: a wrong-shaped name is a wrong login (401), not a 400.
    username: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
const DeviceTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 120, description: 'e.g. "Tablet Quartiersbüro Eving"' }) },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

// Ten tries a minute per address slows guessing to a crawl but never locks out a mistyping human.
const LOGIN_RATE = { max: 10, timeWindow: '1 minute' };

export async function authRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }): Promise<void> {
  app.post<{ Body: Static<typeof LoginBody> }>(
    '/api/v1/auth/login',
    {
      // Signing in acts on no existing session, so it needs no CSRF token; a foreign site cannot
      // send it anyway, as only JSON bodies are accepted (forms cannot send application/json).
      config: { access: 'public', rateLimit: LOGIN_RATE, csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets an HTTP-only session cookie',
        description: `Answers the account, when the session ends, and \`csrfToken\`: send it as \`${CSRF_HEADER}\` with every POST, PUT, PATCH and DELETE that signs in by the cookie (403 CSRF_TOKEN_INVALID otherwise). ${LOCKOUT_AFTER} wrong passwords in a row lock the account for ${LOCKOUT_MINUTES} minutes (423 ACCOUNT_LOCKED, \`details.until\`), even for the right password; an administrator can unlock it sooner.`,
        body: LoginBody,
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const row = await findAccountRowByUsername(db, username);
      // The password is checked even for unknown names and locked accounts: the time an answer
      // takes tells nothing, and a locked account does not reveal whether the guess was right.
      const ok = await verifyPassword(row?.password_hash, password);
      if (!row) throw new AppError('INVALID_CREDENTIALS');
      const locked = lockedUntil(row);
      if (locked) throw new AppError('ACCOUNT_LOCKED', { until: locked }, { until: locked });
      if (!ok) {
        const until = await recordFailedLogin(db, row.id);
        if (until) {
          request.log.warn({ accountId: row.id, until }, 'account locked after wrong passwords');
          throw new AppError('ACCOUNT_LOCKED', { until }, { until });
        }
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (row.disabled === 1) throw new AppError('ACCOUNT_DISABLED');
      await recordSuccessfulLogin(db, row.id);
      const { token, expiresAt } = await createLoginSession(db, row.id, config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(config, request), expires: new Date(expiresAt) });
      request.log.info({ accountId: row.id }, 'signed in');
      return { account: toAccount(row), expiresAt, csrfToken: csrfTokenFor(token) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'End the browser session' } },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await endLoginSession(db, cookie);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(config, request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account',
        description: `Signed in by the session cookie, also the \`csrfToken\` to send as \`${CSRF_HEADER}\`.`,
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const cookie = request.cookies[SESSION_COOKIE];
      return caller.via === 'cookie' && cookie
        ? { account: caller.account, via: caller.via, csrfToken: csrfTokenFor(cookie) }
        : { account: caller.account, via: caller.via };
    },
  );

  app.get(
    '/api/v1/auth/device-tokens',
    {
      config: { access: TEAM },
      schema: { tags: ['auth'], summary: 'Device tokens: your own, or every account’s for admins' },
    },
    async (request) => {
      const caller = requireCaller(request);
      const own = caller.account.role === 'admin' ? undefined : caller.account.id;
      return { deviceTokens: await listDeviceTokens(db, own) };
    },
  );

  app.post<{ Body: Static<typeof DeviceTokenBody> }>(
    '/api/v1/auth/device-tokens',
    {
      config: { access: TEAM },
      schema: {
        tags: ['auth'],
        summary: 'Issue a long-lived bearer token for a field device; the token is shown only once',
        body: DeviceTokenBody,
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const { token, device } = await createDeviceToken(db, caller.account.id, request.body.name);
      reply.code(201);
      return { token, deviceToken: device };
    },
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/api/v1/auth/device-tokens/:id',
    {
      config: { access: TEAM },
      schema: { tags: ['auth'], summary: 'Revoke a device token (your own; admins any)', params: IdParams },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const owner = caller.account.role === 'admin' ? undefined : caller.account.id;
      await revokeDeviceToken(db, request.params.id, owner);
      return reply.code(204).send();
    },
  );
}
