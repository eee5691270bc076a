import { AccountInputSchema, AccountPatchSchema } from '@quartiersatlas/domain';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { hashPassword } from '../auth/password.ts';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { requireCaller } from '../plugins/auth.ts';
import { createAccount, getAccount, listAccounts, updateAccount } from '../store/accounts.ts';

const ADMIN = ['admin'] as const;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export async function accountRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get(
    '/api/v1/accounts',
    { config: { access: ADMIN }, schema: { tags: ['accounts'], summary: 'All accounts' } },
    async () => ({ accounts: await listAccounts(db) }),
  );

  app.post<{ Body: Static<typeof AccountInputSchema> }>(
    '/api/v1/accounts',
    {
      config: { access: ADMIN },
      schema: { tags: ['accounts'], summary: 'Create an account', body: AccountInputSchema },
    },
    async (request, reply) => {
      const { username, displayName, role, password } = request.body;
      const account = await createAccount(db, {
        username,
        displayName,
        role,
        passwordHash: await hashPassword(password),
      });
      request.log.info({ accountId: account.id, role, by: requireCaller(request).account.id }, 'account created');
      reply.code(201).header('location', `/api/v1/accounts/${account.id}`);
      return account;
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/v1/accounts/:id',
    { config: { access: ADMIN }, schema: { tags: ['accounts'], summary: 'One account', params: IdParams } },
    async (request) => {
      const account = await getAccount(db, request.params.id);
      if (!account) throw new AppError('ACCOUNT_NOT_FOUND', { id: request.params.id });
      return account;
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof AccountPatchSchema> }>(
    '/api/v1/accounts/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['accounts'],
        summary: 'Change name, role or password, or disable an account (ends its sessions and device tokens)',
        params: IdParams,
        body: AccountPatchSchema,
      },
    },
    async (request) => {
      const { password, ...rest } = request.body;
      const account = await updateAccount(db, request.params.id, {
        ...rest,
        ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }),
      });
      request.log.info({ accountId: account.id, by: requireCaller(request).account.id }, 'account changed');
      return account;
    },
  );
}
