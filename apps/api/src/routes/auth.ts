import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { verifyPassword } from '../auth/password.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { cookieOptions, requireCaller, SESSION_COOKIE, SIGNED_IN, TEAM } from '../plugins/auth.ts';
import { findAccountRowByUsername, toAccount } from '../store/accounts.ts';
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
      config: { access: 'public', rateLimit: LOGIN_RATE },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets an HTTP-only session cookie',
        body: LoginBody,
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const row = await findAccountRowByUsername(db, username);
      const ok = await verifyPassword(row?.password_hash, password);
      if (!row || !ok) throw new AppError('INVALID_CREDENTIALS');
      if (row.disabled === 1) throw new AppError('ACCOUNT_DISABLED');
      const { token, expiresAt } = await createLoginSession(db, row.id, config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(config, request), expires: new Date(expiresAt) });
      request.log.info({ accountId: row.id }, 'signed in');
      return { account: toAccount(row), expiresAt };
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
    { config: { access: SIGNED_IN }, schema: { tags: ['auth'], summary: 'The signed-in account' } },
    async (request) => {
      const caller = requireCaller(request);
      return { account: caller.account, via: caller.via };
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
