import { randomBytes } from 'node:crypto';
import { formatReceipt, newReceipt, PRIVACY_NOTICE_VERSION } from '@quartiersatlas/domain';
import { expect } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { needFeature, type TestApp } from './helpers.ts';

/** A receipt code as the phone shows it, `7KQM-4XPT-9BRC`. */
export function receiptCode(): string {
  return formatReceipt(newReceipt((n) => randomBytes(n)));
}

export function consent(lang = 'de') {
  return { noticeVersion: PRIVACY_NOTICE_VERSION, lang, givenAt: new Date().toISOString() };
}

/** What a resident's phone sends: a need without quarter or session (the link decides), consent and receipt. */
export function residentSubmission(properties: Record<string, unknown> = {}, receipt = receiptCode()) {
  const feature = needFeature({ targetGroups: ['children'], urgency: 'high', ...properties });
  const { quarterId: _quarterId, ...rest } = feature.properties;
  return { feature: { ...feature, properties: rest }, consent: consent(), receipt };
}

export type ResidentSubmissionBody = ReturnType<typeof residentSubmission>;

export function submit(t: TestApp, body: unknown, headers: Record<string, string> = t.as('resident')) {
  return t.app.inject({ method: 'POST', url: '/api/v1/resident/needs', headers, payload: body as object });
}

/** Somewhere else on the network, so that per-address limits of one test do not reach the next. */
export function someAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${(c ?? 0) | 1}`;
}

/** A new anonymous device of a link, as the phone registers it; its Authorization header. */
export async function registerDevice(t: TestApp, code = t.residentLink.code, remoteAddress = someAddress()) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/resident-links/by-code/${code}/devices`,
    remoteAddress,
  });
  expect(response.statusCode, response.body).toBe(201);
  const token = response.json().token as string;
  return { token, headers: { authorization: `Bearer ${token}` } };
}

/** Rows that a resident submission writes: nothing may change when one is refused. */
export async function writtenRows(database: Database) {
  const count = async (table: 'records' | 'record_events' | 'resident_submissions') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    records: await count('records'),
    events: await count('record_events'),
    submissions: await count('resident_submissions'),
  };
}
