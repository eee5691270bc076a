import { randomInt, randomUUID } from 'node:crypto';
import type { PosterLanguage, PublicResidentLink, ResidentLink, ResidentLinkInput } from '@quartiersatlas/domain';
import { sql } from 'kysely';
import type { Db, ResidentLinksTable } from '../db/schema.ts';
import { now } from './time.ts';

/**
 * Lower-case Crockford base32 (no i, l, o, u): a code printed on a poster can be typed without
 * guessing between 1 and l or 0 and o. Ten characters, 50 random bits: links cannot be guessed.
 */
const CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const CODE_LENGTH = 10;

export function newLinkCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

function toLink(row: ResidentLinksTable, submissions: number): ResidentLink {
  return {
    id: row.id,
    code: row.code,
    path: `/r/${row.code}`,
    title: row.title,
    quarterId: row.quarter_id,
    sessionId: row.session_id,
    languages: JSON.parse(row.languages) as PosterLanguage[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    submissions,
  };
}

export function toPublicLink(row: ResidentLinksTable): PublicResidentLink {
  return {
    code: row.code,
    title: row.title,
    quarterId: row.quarter_id,
    languages: JSON.parse(row.languages) as PosterLanguage[],
  };
}

/** A new link; the caller checked quarter and session. */
export async function createResidentLink(db: Db, input: ResidentLinkInput, createdBy: string): Promise<ResidentLink> {
  const row: ResidentLinksTable = {
    id: randomUUID(),
    code: newLinkCode(),
    title: input.title.trim(),
    quarter_id: input.quarterId,
    session_id: input.sessionId?.toLowerCase() ?? null,
    languages: JSON.stringify(input.languages),
    created_by: createdBy,
    created_at: now(),
    revoked_at: null,
  };
  // 2^50 codes make a clash all but impossible; should one happen, the next code is as good.
  for (let attempt = 0; ; attempt++) {
    const taken = await db.selectFrom('resident_links').select('id').where('code', '=', row.code).executeTakeFirst();
    if (!taken) break;
    if (attempt >= 5) throw new Error('no free resident link code after 5 attempts');
    row.code = newLinkCode();
  }
  await db.insertInto('resident_links').values(row).execute();
  return toLink(row, 0);
}

/** Every link, newest first, with the number of submissions received through it. */
export async function listResidentLinks(db: Db): Promise<ResidentLink[]> {
  const rows = await db.selectFrom('resident_links').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  const counts = await db
    .selectFrom('resident_submissions')
    .select(['link_id', sql<number>`count(*)`.as('n')])
    .groupBy('link_id')
    .execute();
  const byLink = new Map(counts.map((c) => [c.link_id, Number(c.n)]));
  return rows.map((row) => toLink(row, byLink.get(row.id) ?? 0));
}

export async function getResidentLink(db: Db, id: string): Promise<ResidentLinksTable | undefined> {
  return db.selectFrom('resident_links').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst();
}

export async function findResidentLinkByCode(db: Db, code: string): Promise<ResidentLinksTable | undefined> {
  return db.selectFrom('resident_links').selectAll().where('code', '=', code).executeTakeFirst();
}

/**
 * Closes a link: the poster's address answers 410 and the tokens of its devices stop working
 * (callerForResidentToken). The first closing time stays; false when there is no such link.
 */
export async function revokeResidentLink(db: Db, id: string): Promise<boolean> {
  const link = await getResidentLink(db, id);
  if (!link) return false;
  if (link.revoked_at === null) {
    await db.updateTable('resident_links').set({ revoked_at: now() }).where('id', '=', link.id).execute();
  }
  return true;
}
