import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Account } from '@quartiersatlas/domain';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { toAccount } from './accounts.ts';
import { now } from './time.ts';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** 256 random bits, URL-safe. Only their SHA-256 is stored, so a database leak reveals no token. */
function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export const DEVICE_TOKEN_PREFIX = 'qadt_';

export async function createLoginSession(
  db: Db,
  accountId: string,
  ttlHours: number,
): Promise<{ token: string; expiresAt: string }> {
  const token = newSecret('');
  const created = new Date();
  const expiresAt = new Date(created.getTime() + ttlHours * 3_600_000).toISOString();
  await db
    .insertInto('login_sessions')
    .values({ id: sha256(token), account_id: accountId, created_at: created.toISOString(), expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

export async function accountForLoginSession(db: Db, token: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('login_sessions')
    .innerJoin('accounts', 'accounts.id', 'login_sessions.account_id')
    .selectAll('accounts')
    .where('login_sessions.id', '=', sha256(token))
    .where('login_sessions.expires_at', '>', now())
    .where('accounts.disabled', '=', 0)
    .executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function endLoginSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('login_sessions').where('id', '=', sha256(token)).execute();
}

export async function purgeExpiredLoginSessions(db: Db): Promise<void> {
  await db.deleteFrom('login_sessions').where('expires_at', '<=', now()).execute();
}

export interface DeviceToken {
  id: string;
  accountId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function createDeviceToken(
  db: Db,
  accountId: string,
  name: string,
): Promise<{ token: string; device: DeviceToken }> {
  const token = newSecret(DEVICE_TOKEN_PREFIX);
  const device: DeviceToken = {
    id: randomUUID(),
    accountId,
    name,
    createdAt: now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await db
    .insertInto('device_tokens')
    .values({
      id: device.id,
      account_id: accountId,
      name,
      token_hash: sha256(token),
      created_at: device.createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { token, device };
}

// Writing last_used_at on every request would turn each read into a write; once a minute is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

export async function accountForDeviceToken(
  db: Db,
  token: string,
): Promise<{ account: Account; tokenId: string } | undefined> {
  const row = await db
    .selectFrom('device_tokens')
    .innerJoin('accounts', 'accounts.id', 'device_tokens.account_id')
    .selectAll('accounts')
    .select(['device_tokens.id as token_id', 'device_tokens.last_used_at'])
    .where('device_tokens.token_hash', '=', sha256(token))
    .where('device_tokens.revoked_at', 'is', null)
    .where('accounts.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return undefined;
  const time = now();
  if (!row.last_used_at || Date.parse(time) - Date.parse(row.last_used_at) > LAST_USED_RESOLUTION_MS) {
    await db.updateTable('device_tokens').set({ last_used_at: time }).where('id', '=', row.token_id).execute();
  }
  return { account: toAccount(row), tokenId: row.token_id };
}

export async function listDeviceTokens(db: Db, accountId?: string): Promise<DeviceToken[]> {
  let query = db.selectFrom('device_tokens').selectAll();
  if (accountId) query = query.where('account_id', '=', accountId);
  const rows = await query.orderBy('created_at', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }));
}

/** Revokes a device token; `ownerId` limits it to the caller's own tokens (admins pass none). */
export async function revokeDeviceToken(db: Db, id: string, ownerId?: string): Promise<void> {
  let query = db
    .updateTable('device_tokens')
    .set({ revoked_at: now() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null);
  if (ownerId) query = query.where('account_id', '=', ownerId);
  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    let exists = db.selectFrom('device_tokens').select('id').where('id', '=', id);
    if (ownerId) exists = exists.where('account_id', '=', ownerId);
    if (!(await exists.executeTakeFirst())) throw new AppError('TOKEN_NOT_FOUND', { id });
  }
}
