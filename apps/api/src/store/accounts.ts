import { randomUUID } from 'node:crypto';
import type { Account, Role } from '@quartiersatlas/domain';
import type { AccountsTable, Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { now } from './time.ts';

export function toAccount(row: AccountsTable): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Wrong passwords in a row that lock an account, and for how long. */
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MINUTES = 15;

/** When the account's lock ends, or null when it is not locked (an expired lock counts as none). */
export function lockedUntil(row: AccountsTable, at = now()): string | null {
  return row.locked_until && row.locked_until > at ? row.locked_until : null;
}

/** The account as administrators see it in the accounts API: with its sign-in lock. */
export function toAdminAccount(row: AccountsTable): Account {
  return { ...toAccount(row), lockedUntil: lockedUntil(row) };
}

/**
 * Counts a wrong password; the fifth in a row locks the account for LOCKOUT_MINUTES and starts the
 * count again, so after the lock ends a guesser has again only five tries. Returns the end of the
 * lock this wrong password started, or null. (The caller checked for a running lock before.)
 */
export async function recordFailedLogin(db: Db, id: string): Promise<string | null> {
  const row = await db
    .updateTable('accounts')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirst();
  if (!row || (row.failed_logins ?? 0) < LOCKOUT_AFTER) return null;
  const until = new Date(Date.now() + LOCKOUT_MINUTES * 60_000).toISOString();
  await db.updateTable('accounts').set({ failed_logins: 0, locked_until: until }).where('id', '=', id).execute();
  return until;
}

/** A successful sign-in forgets earlier wrong passwords. */
export async function recordSuccessfulLogin(db: Db, id: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('failed_logins', '!=', 0), eb('locked_until', 'is not', null)]))
    .execute();
}

export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}

export async function findAccountRowByUsername(db: Db, username: string): Promise<AccountsTable | undefined> {
  return db.selectFrom('accounts').selectAll().where('username_key', '=', usernameKey(username)).executeTakeFirst();
}

export async function getAccount(db: Db, id: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAdminAccount(row) : undefined;
}

export async function listAccounts(db: Db): Promise<Account[]> {
  const rows = await db.selectFrom('accounts').selectAll().orderBy('username_key').execute();
  return rows.map(toAdminAccount);
}

export async function createAccount(
  db: Db,
  input: { username: string; displayName: string; role: Role; passwordHash: string },
): Promise<Account> {
  const time = now();
  const row: AccountsTable = {
    id: randomUUID(),
    username: input.username.trim(),
    username_key: usernameKey(input.username),
    display_name: input.displayName.trim(),
    role: input.role,
    password_hash: input.passwordHash,
    disabled: 0,
    created_at: time,
    updated_at: time,
    failed_logins: 0,
    locked_until: null,
  };
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('accounts')
      .select('id')
      .where('username_key', '=', row.username_key)
      .executeTakeFirst();
    if (taken) throw new AppError('USERNAME_TAKEN', { username: row.username });
    await trx.insertInto('accounts').values(row).execute();
    return toAdminAccount(row);
  });
}

export interface AccountChanges {
  displayName?: string;
  role?: Role;
  passwordHash?: string;
  disabled?: boolean;
  /** `false` lifts a lock after too many wrong passwords (a new password does as well). */
  locked?: false;
}

/**
 * Changes an account. Disabling it, changing its role or its password ends its browser sessions
 * and revokes its device tokens, so the change takes effect everywhere at once.
 */
export async function updateAccount(db: Db, id: string, changes: AccountChanges): Promise<Account> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('ACCOUNT_NOT_FOUND', { id });
    const losesAdmin =
      row.role === 'admin' &&
      row.disabled === 0 &&
      (changes.disabled === true || (changes.role !== undefined && changes.role !== 'admin'));
    if (losesAdmin) {
      const admins = await trx
        .selectFrom('accounts')
        .select('id')
        .where('role', '=', 'admin')
        .where('disabled', '=', 0)
        .execute();
      if (admins.length <= 1) throw new AppError('LAST_ADMIN');
    }
    const time = now();
    const updated = await trx
      .updateTable('accounts')
      .set({
        ...(changes.displayName === undefined ? {} : { display_name: changes.displayName.trim() }),
        ...(changes.role === undefined ? {} : { role: changes.role }),
        ...(changes.passwordHash === undefined ? {} : { password_hash: changes.passwordHash }),
        ...(changes.disabled === undefined ? {} : { disabled: changes.disabled ? 1 : 0 }),
        ...(changes.locked === false || changes.passwordHash !== undefined
          ? { failed_logins: 0, locked_until: null }
          : {}),
        updated_at: time,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const endsAccess =
      changes.disabled === true ||
      (changes.role !== undefined && changes.role !== row.role) ||
      changes.passwordHash !== undefined;
    if (endsAccess) {
      await trx.deleteFrom('login_sessions').where('account_id', '=', id).execute();
      await trx
        .updateTable('device_tokens')
        .set({ revoked_at: time })
        .where('account_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    return toAdminAccount(updated);
  });
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .execute();
  return rows.length;
}
