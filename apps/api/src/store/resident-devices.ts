import { randomBytes, randomUUID } from 'node:crypto';
import type { Account } from '@quartiersatlas/domain';
import type { Db } from '../db/schema.ts';
import { sha256 } from './auth.ts';
import { now } from './time.ts';

/** Anonymous resident tokens start with this, so the server knows which table to look in. */
export const RESIDENT_TOKEN_PREFIX = 'qart_';

/** The author id of everything a resident link's devices write: the link, never the device. */
export function residentAuthorId(linkId: string): string {
  return `link:${linkId}`;
}

/** The link id behind a resident author id, or null for any other author. */
export function linkIdOfAuthor(author: string | null | undefined): string | null {
  return author?.startsWith('link:') ? author.slice(5) : null;
}

/**
 * A new anonymous device for a link: 256 random bits, of which only the SHA-256 is stored. Nothing
 * else about the phone is kept (no address, no browser signature).
 */
export async function createResidentDevice(db: Db, linkId: string): Promise<{ token: string; deviceId: string }> {
  const token = RESIDENT_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const deviceId = randomUUID();
  await db
    .insertInto('resident_devices')
    .values({ id: deviceId, link_id: linkId, token_hash: sha256(token), created_at: now(), last_used_at: null })
    .execute();
  return { token, deviceId };
}

// Writing last_used_at on every request would turn each read into a write; once an hour is enough.
const LAST_USED_RESOLUTION_MS = 3_600_000;

export interface ResidentCaller {
  account: Account;
  deviceId: string;
  linkId: string;
}

/**
 * The caller behind a resident token: a stand-in account with the role `resident`, named after
 * the link. Undefined when the token is unknown or its link was closed.
 */
export async function callerForResidentToken(db: Db, token: string): Promise<ResidentCaller | undefined> {
  const row = await db
    .selectFrom('resident_devices')
    .innerJoin('resident_links', 'resident_links.id', 'resident_devices.link_id')
    .select([
      'resident_devices.id as device_id',
      'resident_devices.last_used_at',
      'resident_links.id as link_id',
      'resident_links.title',
      'resident_links.created_at',
    ])
    .where('resident_devices.token_hash', '=', sha256(token))
    .where('resident_links.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const time = now();
  if (!row.last_used_at || Date.parse(time) - Date.parse(row.last_used_at) > LAST_USED_RESOLUTION_MS) {
    await db.updateTable('resident_devices').set({ last_used_at: time }).where('id', '=', row.device_id).execute();
  }
  const account: Account = {
    id: residentAuthorId(row.link_id),
    username: 'resident',
    displayName: row.title,
    role: 'resident',
    disabled: false,
    createdAt: row.created_at,
    updatedAt: row.created_at,
  };
  return { account, deviceId: row.device_id, linkId: row.link_id };
}
