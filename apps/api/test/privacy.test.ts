import { PRIVACY_NOTICE_VERSION } from '@quartiersatlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResidentDevice } from '../src/store/resident-devices.ts';
import { createTestApp, createTestResidentLink, DATABASES, serviceFeature, type TestApp, uuidv7 } from './helpers.ts';
import {
  everythingStored,
  freshReceipt,
  mediaFileExists,
  pointDigits,
  residentSends,
  type Sent,
} from './privacy-helpers.ts';

const CONTACT = 'Quartiersbüro Eving, Beispielweg 1, 44339 Dortmund, datenschutz@example.org';

describe.each(DATABASES)('privacy: access requests and erasure on %s', (kind) => {
  let t: TestApp;
  let voiced: Sent;
  let written: Sent;
  let elsewhere: Sent;
  let otherLink: { id: string; code: string };
  const fieldService = serviceFeature({ properties: { name: 'Bäckerei Sonnenschein' } });

  beforeAll(async () => {
    t = await createTestApp(kind, { residentRetentionDays: 90, privacyContact: CONTACT });
    voiced = await residentSends(t, {
      point: [7.466213, 51.552719],
      text: 'Mein Sohn braucht einen Kitaplatz, wir wohnen in der Grubenstraße',
      withVoiceNote: true,
    });
    written = await residentSends(t, { point: [7.468851, 51.556133], text: 'Ein Treffpunkt für Ältere fehlt' });
    otherLink = await createTestResidentLink(t.database, 'testviertel');
    const { token } = await createResidentDevice(t.database.db, otherLink.id);
    elsewhere = await residentSends(t, { point: [7.470437, 51.551907], text: 'Anderer Aushang, andere Person', token });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: t.as('field', 'token'),
      payload: fieldService,
    });
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(() => t.close());

  const exportFor = (query: string, role: Parameters<TestApp['as']>[0] = 'planner') =>
    t.app.inject({ method: 'GET', url: `/api/v1/privacy/export${query}`, headers: t.as(role) });
  const erase = (id: string, role: Parameters<TestApp['as']>[0] = 'planner', via: 'cookie' | 'token' = 'cookie') =>
    t.app.inject({ method: 'DELETE', url: `/api/v1/privacy/submissions/${id}`, headers: t.as(role, via) });

  it('tells the privacy notice the retention period, the notice version and the contact', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/config' });
    expect(response.statusCode).toBe(200);
    expect(response.json().privacy).toEqual({
      retentionDays: 90,
      noticeVersion: PRIVACY_NOTICE_VERSION,
      contact: CONTACT,
    });
  });

  it('exports one submission by its receipt code, with consent, exact point, text and media, and nothing else', async () => {
    // Typed as a resident reads it out on the phone: lower case, spaces instead of dashes.
    const spoken = voiced.receipt.toLowerCase().replace(/(.{4})(?=.)/g, '$1 ');
    const response = await exportFor(`?receipt=${encodeURIComponent(spoken)}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="quartiersatlas-privacy-receipt-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const body = response.json();
    expect(body.subject).toBe('receipt');
    expect(body.submission.submission).toMatchObject({
      id: voiced.id,
      status: 'pending',
      consent: { noticeVersion: PRIVACY_NOTICE_VERSION, lang: 'de' },
      feature: { geometry: { coordinates: voiced.point }, properties: { text: voiced.text } },
    });
    expect(body.submission.media).toEqual([{ sha256: voiced.media[0], type: 'audio/ogg', size: 2048 }]);
    expect(body.submission.statusChanges.map((c: { action: string }) => c.action)).toEqual(['create']);
    expect(body.submission.anonymisedAt).toBeNull();
    expect(response.body).not.toContain(written.text);
    expect(response.body).not.toContain(elsewhere.text);
  });

  it("exports every submission through a link with its consent, and none of another link's", async () => {
    const response = await exportFor(`?link=${t.residentLink.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.link).toMatchObject({
      id: t.residentLink.id,
      code: t.residentLink.code,
      title: 'Aushang Testquartier',
    });
    const texts = body.submissions.map(
      (s: { submission: { feature: { properties: { text: string } } } }) => s.submission.feature.properties.text,
    );
    expect(texts).toEqual([voiced.text, written.text]);
    for (const s of body.submissions) expect(s.submission.consent.noticeVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(body.devices.length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(body.devices[0]).sort()).toEqual(['createdAt', 'lastUsedAt']);
    expect(response.body).not.toContain(elsewhere.text);
    // Neither the anonymous devices' token hashes nor the receipt hashes leave the server.
    const secrets = [
      ...(await t.database.db.selectFrom('resident_devices').select('token_hash').execute()).map((r) => r.token_hash),
      ...(await t.database.db.selectFrom('resident_submissions').select('receipt_hash').execute()).map(
        (r) => r.receipt_hash,
      ),
    ];
    for (const secret of secrets) expect(response.body).not.toContain(secret);

    const other = (await exportFor(`?link=${otherLink.id}`)).json();
    expect(other.submissions.map((s: { submission: { id: string } }) => s.submission.id)).toEqual([elsewhere.id]);
  });

  it("exports an account's data without its password hash or another account's data", async () => {
    const field = t.accounts.field;
    const response = await exportFor(`?account=${field.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.account).toMatchObject({
      id: field.id,
      username: 'field-user',
      displayName: 'Test field',
      role: 'field',
    });
    expect(body.deviceTokens).toEqual([
      expect.objectContaining({ name: 'field test device', revokedAt: null, createdAt: expect.any(String) }),
    ]);
    expect(body.signInSessions).toHaveLength(1);
    expect(Object.keys(body.signInSessions[0]).sort()).toEqual(['createdAt', 'expiresAt']);
    expect(body.records.map((r: { id: string }) => r.id)).toEqual([fieldService.id]);
    expect(body.records[0].properties.name).toBe('Bäckerei Sonnenschein');
    expect(body.historyEvents).toEqual([
      expect.objectContaining({ recordId: fieldService.id, action: 'create', version: expect.any(Number) }),
    ]);

    const row = await t.database.db
      .selectFrom('accounts')
      .select('password_hash')
      .where('id', '=', field.id)
      .executeTakeFirstOrThrow();
    expect(response.body).not.toContain(row.password_hash);
    expect(response.body.toLowerCase()).not.toContain('password');
    expect(response.body).not.toContain('planner-user');
    expect(response.body).not.toContain(voiced.text);
    const tokens = await t.database.db.selectFrom('device_tokens').select('token_hash').execute();
    for (const { token_hash } of tokens) expect(response.body).not.toContain(token_hash);
  });

  it('refuses to guess the subject: none or several parameters are a 400 naming them', async () => {
    const none = await exportFor('');
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('INVALID_QUERY');
    expect(none.json().details.map((d: { field: string }) => d.field)).toEqual(['receipt', 'account', 'link']);

    const two = await exportFor(`?receipt=${voiced.receipt}&link=${t.residentLink.id}`);
    expect(two.statusCode).toBe(400);
    expect(two.json().details.map((d: { field: string }) => d.field)).toEqual(['receipt', 'link']);

    const notACode = await exportFor('?receipt=hello');
    expect(notACode.statusCode).toBe(400);
    expect(notACode.json().details[0].field).toBe('receipt');
    const notAnId = await exportFor('?account=field-user');
    expect(notAnId.statusCode).toBe(400);
    expect(JSON.stringify(notAnId.json().details)).toContain('account');
  });

  it('answers 404 for a subject it does not know', async () => {
    const cases = [
      [`?receipt=${freshReceipt()}`, 'RECEIPT_NOT_FOUND'],
      [`?account=${uuidv7()}`, 'ACCOUNT_NOT_FOUND'],
      [`?link=${uuidv7()}`, 'LINK_NOT_FOUND'],
    ] as const;
    for (const [query, code] of cases) {
      const response = await exportFor(query);
      expect(response.statusCode, query).toBe(404);
      expect(response.json().code).toBe(code);
    }
  });

  it('is for planners and administrators only', async () => {
    for (const role of ['field', 'resident'] as const) {
      expect((await exportFor(`?receipt=${voiced.receipt}`, role)).statusCode).toBe(403);
      expect((await erase(voiced.id, role, 'token')).statusCode).toBe(403);
    }
    expect((await exportFor(`?receipt=${voiced.receipt}`, 'anonymous')).statusCode).toBe(401);
    expect((await erase(voiced.id, 'anonymous')).statusCode).toBe(401);
    expect((await exportFor(`?account=${t.accounts.planner.id}`, 'admin')).statusCode).toBe(200);
  });

  it("erases a resident's submission on request: text, voice note, exact point and receipt are gone", async () => {
    expect(mediaFileExists(t, voiced.media[0] as string)).toBe(true);
    const response = await erase(voiced.id);
    expect(response.statusCode, response.body).toBe(204);

    const stored = await everythingStored(t);
    expect(stored).not.toContain('Grubenstraße');
    for (const part of pointDigits(voiced.point)) expect(stored).not.toContain(part);
    expect(stored).not.toContain(voiced.media[0]);
    expect(mediaFileExists(t, voiced.media[0] as string)).toBe(false);

    const receipt = await t.app.inject({ method: 'GET', url: `/api/v1/receipts/${voiced.receipt}` });
    expect(receipt.statusCode).toBe(404);
    expect((await exportFor(`?receipt=${voiced.receipt}`)).statusCode).toBe(404);
    const link = (await exportFor(`?link=${t.residentLink.id}`)).json();
    expect(link.submissions.map((s: { submission: { id: string } }) => s.submission.id)).toEqual([written.id]);

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${voiced.id}/history`,
      headers: t.as('planner'),
    });
    expect(history.json().events.map((e: { action: string }) => e.action)).toEqual(['create', 'erase']);

    // The other submissions are untouched.
    expect((await exportFor(`?receipt=${written.receipt}`)).statusCode).toBe(200);
    expect(await everythingStored(t)).toContain(elsewhere.text);
  });

  it('erases only resident submissions, and each once', async () => {
    const again = await erase(voiced.id);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('NOT_A_RESIDENT_SUBMISSION');
    const teamRecord = await erase(fieldService.id);
    expect(teamRecord.statusCode).toBe(404);
    expect(teamRecord.json().code).toBe('NOT_A_RESIDENT_SUBMISSION');
    const still = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${fieldService.id}`,
      headers: t.as('planner'),
    });
    expect(still.json().properties).toMatchObject({ name: 'Bäckerei Sonnenschein', deleted: false });
    expect((await erase('not-a-uuid')).statusCode).toBe(400);
  });
});
