import { normalizeReceipt } from '@quartiersatlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/store/auth.ts';
import { createTestApp, DATABASES, type TestApp } from './helpers.ts';
import { type ResidentSubmissionBody, residentSubmission } from './resident-helpers.ts';

// The "Done means": 500 resident submissions within one minute from many anonymous devices
// over loopback: none lost, none doubled, no rate limit in the way of distinct devices.
const DEVICES = 250;
const PER_DEVICE = 2;
// Every tenth submission is sent twice at once: the phone's first answer was lost and it retried.
const RETRIED_EVERY = 10;

describe.each(DATABASES)('500 resident submissions at once on %s', (kind) => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  async function registerDevice(): Promise<string> {
    const response = await fetch(`${url}/api/v1/resident-links/by-code/${t.residentLink.code}/devices`, {
      method: 'POST',
    });
    if (response.status !== 201) throw new Error(`device registration answered ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  }

  async function send(token: string, body: ResidentSubmissionBody): Promise<number> {
    const response = await fetch(`${url}/api/v1/resident/needs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  }

  it('keeps every one of them exactly once, none refused', { timeout: 120_000 }, async () => {
    const tokens = await Promise.all(Array.from({ length: DEVICES }, registerDevice));
    expect(new Set(tokens).size).toBe(DEVICES);
    const submissions = tokens.flatMap((token) =>
      Array.from({ length: PER_DEVICE }, () => ({
        token,
        body: residentSubmission({ text: 'Es fehlt ein Treffpunkt.' }),
      })),
    );

    const started = performance.now();
    const answers = await Promise.all(
      submissions.map(async ({ token, body }, i) => {
        const sends = i % RETRIED_EVERY === 0 ? [send(token, body), send(token, body)] : [send(token, body)];
        return Promise.all(sends);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(60);

    const statuses = answers.flat();
    expect(statuses.filter((s) => s !== 201 && s !== 200)).toEqual([]);
    // Each submission was taken once: one 201 per submission, the retries answered 200.
    for (const pair of answers) expect(pair.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 201)).toHaveLength(DEVICES * PER_DEVICE);

    const { db } = t.database;
    const stored = await db
      .selectFrom('records')
      .innerJoin('resident_submissions', 'resident_submissions.record_id', 'records.id')
      .select(['records.id', 'records.status', 'records.kind', 'resident_submissions.receipt_hash'])
      .where('records.created_by', '=', `link:${t.residentLink.id}`)
      .execute();
    expect(stored).toHaveLength(DEVICES * PER_DEVICE);
    expect(stored.every((r) => r.status === 'pending' && r.kind === 'need')).toBe(true);
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(submissions.map((s) => s.body.feature.id)));
    expect(new Set(stored.map((r) => r.receipt_hash))).toEqual(
      new Set(submissions.map((s) => sha256(normalizeReceipt(s.body.receipt) as string))),
    );
    const events = await db
      .selectFrom('record_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', `link:${t.residentLink.id}`)
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(DEVICES * PER_DEVICE);
  });
});
