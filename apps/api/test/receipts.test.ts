import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coarsePosition } from '../src/store/coarsen.ts';
import { eraseSubmission } from '../src/store/erase.ts';
import { createTestApp, DATABASES, needFeature, type TestApp } from './helpers.ts';
import { receiptCode, residentSubmission, someAddress, submit } from './resident-helpers.ts';

/** Digits that appear nowhere else: if they are anywhere after erasure, the exact point is still there. */
const EXACT: [number, number] = [7.4683917, 51.5541234];
const TEXT = 'Vor Haus Nr. 12 fehlt eine Bank für meine Mutter.';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A WebM (EBML) start and noise: a voice note as far as the server looks. */
function voiceNote(): Buffer {
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(2000)]);
}

describe.each(DATABASES)('receipts on %s', (kind) => {
  let t: TestApp;
  let address: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  /** Each test asks from its own address: the receipt routes allow 30 requests a minute per address. */
  function receiptRequest(method: 'GET' | 'DELETE', path: string, headers: Record<string, string> = {}) {
    return t.app.inject({ method, url: `/api/v1/receipts/${path}`, headers, remoteAddress: address });
  }

  async function upload(bytes: Buffer, type = 'audio/webm', headers = t.as('resident')) {
    const hash = sha256(bytes);
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/media/${hash}`,
      headers: { ...headers, 'content-type': type },
      body: bytes,
    });
    expect(response.statusCode, response.body).toBe(201);
    return hash;
  }

  /** A resident's need with a voice note, at the exact point; its receipt and id. */
  async function submitted(media: string[] = []) {
    const body = residentSubmission({ text: TEXT, lang: 'de', media });
    body.feature.geometry.coordinates = [...EXACT];
    const response = await submit(t, body);
    expect(response.statusCode, response.body).toBe(201);
    return { receipt: body.receipt, id: body.feature.id, body };
  }

  const mediaPath = (hash: string) => join(t.database.config.dataDir, 'media', hash.slice(0, 2), hash);

  it('shows the resident their own submission, and none of the planners’ names or remarks', async () => {
    address = someAddress();
    const voice = await upload(voiceNote());
    const { receipt, id, body } = await submitted([voice]);

    const pending = await receiptRequest('GET', receipt);
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.headers['cache-control']).toBe('no-store');
    const submission = pending.json().submission;
    expect(submission).toEqual({
      id,
      status: 'pending',
      submittedAt: expect.any(String),
      consent: body.consent,
      feature: {
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: EXACT },
        properties: {
          kind: 'need',
          category: 'kita',
          quarterId: 'testviertel',
          text: TEXT,
          lang: 'de',
          targetGroups: ['children'],
          urgency: 'high',
          media: [voice],
        },
      },
      publicLocation: coarsePosition(...EXACT),
      textPublic: false,
    });
    // However the resident types the code.
    const typed = await receiptRequest('GET', receipt.toLowerCase().replaceAll('-', ''));
    expect(typed.json().submission.id).toBe(id);

    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${id}/reject`,
      headers: t.as('planner'),
      payload: { reason: 'Doppelt gemeldet, siehe Eintrag am Marktplatz' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const after = await receiptRequest('GET', receipt);
    expect(after.json().submission.status).toBe('rejected');
    expect(after.body).not.toContain('Doppelt gemeldet');
    expect(after.body).not.toContain('Test planner');
    expect(after.body).not.toContain(t.accounts.planner.id);
  });

  it('answers 400 for text that is no receipt code and 404 for an unknown code', async () => {
    address = someAddress();
    const garbage = await receiptRequest('GET', 'not%20a%20receipt%21');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().details).toContainEqual(expect.objectContaining({ field: 'receipt' }));
    const almost = await receiptRequest('GET', 'UUUU-UUUU-UUUU');
    expect(almost.statusCode).toBe(400);
    expect(almost.json().details).toContainEqual(
      expect.objectContaining({ field: 'receipt', code: 'INVALID_RECEIPT' }),
    );
    const unknown = await receiptRequest('GET', receiptCode());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('RECEIPT_NOT_FOUND');
  });

  it('serves the submission’s own photos and voice notes, and no others', async () => {
    address = someAddress();
    const bytes = voiceNote();
    const voice = await upload(bytes);
    const stranger = await upload(voiceNote(), 'audio/webm', t.as('field', 'token'));
    const { receipt } = await submitted([voice]);

    const whole = await receiptRequest('GET', `${receipt}/media/${voice}`);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/webm');
    expect(whole.rawPayload.equals(bytes)).toBe(true);
    const part = await receiptRequest('GET', `${receipt}/media/${voice}`, { range: 'bytes=0-99' });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.equals(bytes.subarray(0, 100))).toBe(true);

    const other = await receiptRequest('GET', `${receipt}/media/${stranger}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('MEDIA_NOT_FOUND');
    expect((await receiptRequest('GET', `${receiptCode()}/media/${voice}`)).statusCode).toBe(404);
  });

  it('exports the submission with its consent, what happened when, and its media as a download', async () => {
    address = someAddress();
    const voice = await upload(voiceNote());
    const missing = sha256(randomBytes(32));
    const { receipt, id, body } = await submitted([voice, missing]);
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${id}/publish`,
      headers: t.as('planner'),
      payload: {},
    });
    expect(published.statusCode, published.body).toBe(200);

    const response = await receiptRequest('GET', `${receipt}/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="quartiersatlas-submission-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const document = response.json();
    expect(document.submission).toMatchObject({
      id,
      status: 'published',
      consent: body.consent,
      feature: { geometry: { coordinates: EXACT }, properties: { text: TEXT } },
    });
    expect(document.statusChanges.map((c: { action: string }) => c.action)).toEqual(['create', 'publish']);
    for (const change of document.statusChanges) expect(Object.keys(change).sort()).toEqual(['action', 'at']);
    expect(document.media).toEqual([
      { sha256: voice, type: 'audio/webm', size: 2004 },
      { sha256: missing, type: null, size: null },
    ]);
    expect(response.body).not.toContain(t.accounts.planner.id);
  });

  it('erases the submission: text, voice note and exact point are gone, and the receipt with them', async () => {
    address = someAddress();
    const voice = await upload(voiceNote());
    const shared = await upload(voiceNote());
    const { receipt, id } = await submitted([voice, shared]);
    // A field team's need lists the shared voice note too: it must survive.
    const team = needFeature({ media: [shared] });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: t.as('field'), payload: team }))
        .statusCode,
    ).toBe(201);
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${id}/reject`,
      headers: t.as('planner'),
      payload: { reason: `Bitte ohne Hausnummer: ${TEXT}` },
    });
    expect(rejected.statusCode).toBe(200);
    expect(existsSync(mediaPath(voice))).toBe(true);

    const erased = await receiptRequest('DELETE', receipt);
    expect(erased.statusCode, erased.body).toBe(204);

    expect((await receiptRequest('GET', receipt)).statusCode).toBe(404);
    expect((await receiptRequest('GET', `${receipt}/export`)).statusCode).toBe(404);
    expect((await receiptRequest('DELETE', receipt)).statusCode).toBe(404);

    const { db } = t.database;
    const row = await db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.deleted).toBe(1);
    expect(JSON.parse(row.props)).toEqual({});
    expect(JSON.parse(row.geometry)).toEqual({ type: 'Point', coordinates: coarsePosition(...EXACT) });
    expect(row.created_by).toBe(`link:${t.residentLink.id}`);
    expect(row.kind).toBe('need');
    expect(row.category).toBe('kita');

    const events = await db
      .selectFrom('record_events')
      .selectAll()
      .where('record_id', '=', id)
      .orderBy('version')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'reject', 'erase']);
    for (const event of events) {
      expect(event.changes).toBe('{}');
      expect(event.note).toBeNull();
    }
    expect(Number(events[2]?.version)).toBe(Number(row.version));
    expect(await db.selectFrom('resident_submissions').selectAll().where('record_id', '=', id).execute()).toEqual([]);

    // Nothing of the text or the exact point is left about it (other tests' needs say the same).
    const left = [
      await db.selectFrom('records').selectAll().where('id', '=', id).execute(),
      await db.selectFrom('record_events').selectAll().where('record_id', '=', id).execute(),
      await db.selectFrom('conflicts').selectAll().where('record_id', '=', id).execute(),
      await db.selectFrom('sync_ops').selectAll().where('record_id', '=', id).execute(),
    ];
    for (const [table, rows] of left.entries()) {
      const dump = JSON.stringify(rows);
      expect(dump, String(table)).not.toContain('Bank für meine Mutter');
      expect(dump, String(table)).not.toContain(String(EXACT[0]));
      expect(dump, String(table)).not.toContain(String(EXACT[1]));
    }
    expect(existsSync(mediaPath(voice))).toBe(false);
    expect(await db.selectFrom('media').select('sha256').where('sha256', '=', voice).execute()).toEqual([]);
    expect(existsSync(mediaPath(shared))).toBe(true);
    expect(await db.selectFrom('media').select('sha256').where('sha256', '=', shared).execute()).toHaveLength(1);

    // Devices drop it: the planner's list no longer shows it, a pull would get the tombstone.
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/records?status=pending,rejected,published&kind=need',
      headers: t.as('planner'),
    });
    expect(queue.json().features.map((f: { id: string }) => f.id)).not.toContain(id);
  });

  it('erases inside a transaction of the caller, and refuses records that are no resident submission', async () => {
    address = someAddress();
    const voice = await upload(voiceNote());
    const { receipt, id } = await submitted([voice]);
    const { db } = t.database;
    const erased = await db
      .transaction()
      .execute((trx) => eraseSubmission(trx, id, { accountId: t.accounts.planner.id }, t.database.config.dataDir));
    expect(erased).toEqual({ id, version: expect.any(Number), removedMedia: [voice] });
    expect(existsSync(mediaPath(voice))).toBe(false);
    expect((await receiptRequest('GET', receipt)).statusCode).toBe(404);
    const last = await db
      .selectFrom('record_events')
      .selectAll()
      .where('record_id', '=', id)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'erase', account_id: t.accounts.planner.id });

    const team = needFeature();
    await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: t.as('field'), payload: team });
    const before = await db.selectFrom('records').selectAll().where('id', '=', team.id).executeTakeFirstOrThrow();
    await expect(eraseSubmission(db, team.id, { accountId: null }, t.database.config.dataDir)).rejects.toMatchObject({
      code: 'NOT_A_RESIDENT_SUBMISSION',
    });
    // Erasing an already erased one is refused the same way: its submission row is gone.
    await expect(eraseSubmission(db, id, { accountId: null }, t.database.config.dataDir)).rejects.toMatchObject({
      code: 'NOT_A_RESIDENT_SUBMISSION',
    });
    expect(await db.selectFrom('records').selectAll().where('id', '=', team.id).executeTakeFirstOrThrow()).toEqual(
      before,
    );
  });

  it('allows 30 receipt requests a minute from one address, and more from another', async () => {
    address = someAddress();
    const { receipt } = await submitted();
    for (let i = 0; i < 30; i++) expect((await receiptRequest('GET', receipt)).statusCode).toBe(200);
    const limited = await receiptRequest('GET', `${receipt}/export`);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    address = someAddress();
    expect((await receiptRequest('GET', receipt)).statusCode).toBe(200);
  });
});
