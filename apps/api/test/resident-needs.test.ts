import { PRIVACY_NOTICE_VERSION } from '@quartiersatlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/store/auth.ts';
import { createTestApp, DATABASES, serviceFeature, type TestApp } from './helpers.ts';
import { receiptCode, registerDevice, residentSubmission, submit, writtenRows } from './resident-helpers.ts';

describe.each(DATABASES)('resident submissions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  /** Sends `body` and expects it refused with `status`, naming `field`, with nothing written. */
  async function refused(body: unknown, status: number, field: string, code?: string) {
    const before = await writtenRows(t.database);
    const response = await submit(t, body);
    expect(response.statusCode, response.body).toBe(status);
    const fields = (response.json().details as Array<{ field: string; code: string }>).map((d) => d.field);
    expect(fields).toContain(field);
    if (code) expect(response.json().details).toContainEqual(expect.objectContaining({ field, code }));
    expect(await writtenRows(t.database)).toEqual(before);
    return response;
  }

  it('stores a need as pending with its consent; planners find it in the moderation queue', async () => {
    const body = residentSubmission({ text: 'Ein Spielplatz fehlt.', lang: 'ar' });
    body.consent.lang = 'ar';
    const before = await writtenRows(t.database);
    const response = await submit(t, body);
    expect(response.statusCode, response.body).toBe(201);
    const answer = response.json();
    expect(answer).toEqual({ id: body.feature.id, status: 'pending', submittedAt: expect.any(String) });
    expect(await writtenRows(t.database)).toEqual({
      records: before.records + 1,
      events: before.events + 1,
      submissions: before.submissions + 1,
    });

    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/records?status=pending&kind=need',
      headers: t.as('planner'),
    });
    const queued = queue.json().features.find((f: { id: string }) => f.id === body.feature.id);
    expect(queued.properties).toMatchObject({
      status: 'pending',
      createdBy: `link:${t.residentLink.id}`,
      quarterId: 'testviertel',
      text: 'Ein Spielplatz fehlt.',
      lang: 'ar',
      targetGroups: ['children'],
      urgency: 'high',
    });

    const row = await t.database.db
      .selectFrom('resident_submissions')
      .selectAll()
      .where('record_id', '=', body.feature.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.consent)).toEqual(body.consent);
    expect(row.link_id).toBe(t.residentLink.id);
    expect(row.receipt_hash).toBe(sha256(body.receipt.replaceAll('-', '')));
    expect(row.submitted_at).toBe(answer.submittedAt);
    // Nothing about the phone or the network: the event names the link, not the device.
    const events = await t.database.db
      .selectFrom('record_events')
      .selectAll()
      .where('record_id', '=', body.feature.id)
      .execute();
    expect(events).toEqual([expect.objectContaining({ action: 'create', account_id: `link:${t.residentLink.id}` })]);
    expect(events[0]?.device_id).toBeNull();
    expect(JSON.stringify({ row, events })).not.toMatch(/127\.0\.0\.1|lightMyRequest/);
  });

  it('answers a repeated submission like the first and writes nothing; another receipt is a conflict', async () => {
    const body = residentSubmission();
    const first = await submit(t, body);
    expect(first.statusCode).toBe(201);
    const before = await writtenRows(t.database);

    const again = await submit(t, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    // Case, spaces and dashes of the code do not matter.
    const typed = await submit(t, { ...body, receipt: body.receipt.toLowerCase().replaceAll('-', ' ') });
    expect(typed.statusCode).toBe(200);

    const otherReceipt = await submit(t, { ...body, receipt: receiptCode() });
    expect(otherReceipt.statusCode).toBe(409);
    expect(otherReceipt.json().code).toBe('RECORD_EXISTS');
    // The same id and receipt from a device of another link is someone else's.
    const stranger = await t.app.inject({
      method: 'POST',
      url: '/api/v1/resident-links',
      headers: t.as('planner'),
      payload: { title: 'Anderer Aushang', quarterId: 'testviertel', languages: ['de'] },
    });
    const strangerDevice = await registerDevice(t, stranger.json().link.code);
    expect((await submit(t, body, strangerDevice.headers)).statusCode).toBe(409);
    expect(await writtenRows(t.database)).toEqual(before);
  });

  it('takes the same submission sent twice at once exactly once', async () => {
    const body = residentSubmission();
    const answers = await Promise.all([submit(t, body), submit(t, body), submit(t, body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    const rows = await t.database.db.selectFrom('records').select('id').where('id', '=', body.feature.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses an id a field team already used', async () => {
    const service = serviceFeature();
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: t.as('field'), payload: service }))
        .statusCode,
    ).toBe(201);
    const body = residentSubmission();
    const response = await submit(t, { ...body, feature: { ...body.feature, id: service.id } });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('RECORD_EXISTS');
  });

  it('refuses anything but a need, team fields, and bad needs, naming the field, writing nothing', async () => {
    const body = residentSubmission();
    await refused(
      { ...body, feature: { ...body.feature, properties: { kind: 'service', category: 'groceries', name: 'Laden' } } },
      400,
      'feature.properties.kind',
      'NOT_A_NEED',
    );
    await refused(
      { ...body, feature: { ...body.feature, properties: { ...body.feature.properties, note: 'intern' } } },
      400,
      'feature.properties.note',
    );
    await refused(
      { ...body, feature: { ...body.feature, properties: { ...body.feature.properties, supporters: 500 } } },
      400,
      'feature.properties.supporters',
    );
    await refused(
      { ...body, feature: { ...body.feature, properties: { ...body.feature.properties, category: 'raumschiff' } } },
      400,
      'feature.properties.category',
      'UNKNOWN_CATEGORY',
    );
    await refused(
      { ...body, feature: { ...body.feature, geometry: { type: 'Point', coordinates: [700, 51] } } },
      400,
      'feature.geometry.coordinates',
    );
    await refused(
      {
        ...body,
        feature: { ...body.feature, properties: { ...body.feature.properties, text: 'x'.repeat(5000) } },
      },
      400,
      'feature.properties.text',
    );
  });

  it('refuses a submission without consent, or with a notice this server never showed', async () => {
    const { consent: _consent, ...withoutConsent } = residentSubmission();
    await refused(withoutConsent, 400, 'consent', 'REQUIRED');
    const future = residentSubmission();
    future.consent.noticeVersion = '2999-01-01';
    await refused(future, 400, 'consent.noticeVersion', 'UNKNOWN_NOTICE_VERSION');
    const blank = residentSubmission();
    blank.consent.noticeVersion = '';
    await refused(blank, 400, 'consent.noticeVersion');
    const noTime = residentSubmission();
    noTime.consent.givenAt = 'yesterday';
    await refused(noTime, 400, 'consent.givenAt');
    expect(PRIVACY_NOTICE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses receipts that are no receipt codes, and a receipt already in use', async () => {
    await refused(residentSubmission({}, '<script>alert(1)</script>'), 400, 'receipt');
    await refused(residentSubmission({}, 'UUUU-UUUU-UUUU'), 400, 'receipt', 'INVALID_RECEIPT');
    await refused(residentSubmission({}, '1234'), 400, 'receipt');
    const used = residentSubmission();
    expect((await submit(t, used)).statusCode).toBe(201);
    await refused(residentSubmission({}, used.receipt), 400, 'receipt', 'RECEIPT_IN_USE');
  });

  it('is for resident devices only', async () => {
    const body = residentSubmission();
    for (const role of ['planner', 'field'] as const) {
      expect((await submit(t, body, t.as(role))).statusCode).toBe(403);
    }
    expect((await submit(t, body, {})).statusCode).toBe(401);
    expect((await submit(t, body, { authorization: 'Bearer qart_unknown' })).statusCode).toBe(401);
  });

  it('stops one device after 30 submissions in ten minutes while other devices go on', async () => {
    const busy = await registerDevice(t);
    for (let i = 0; i < 30; i++) {
      const response = await submit(t, residentSubmission(), busy.headers);
      expect(response.statusCode, response.body).toBe(201);
    }
    const before = await writtenRows(t.database);
    const thirtyFirst = await submit(t, residentSubmission(), busy.headers);
    expect(thirtyFirst.statusCode).toBe(429);
    expect(thirtyFirst.json().code).toBe('RATE_LIMITED');
    expect(Number(thirtyFirst.headers['retry-after'])).toBeGreaterThan(60);
    expect(await writtenRows(t.database)).toEqual(before);

    const other = await registerDevice(t);
    expect((await submit(t, residentSubmission(), other.headers)).statusCode).toBe(201);
  });
});

describe.each(DATABASES)('resident submissions per network address on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { residentSubmissionsPerMinute: 4 });
  });
  afterAll(() => t.close());

  it('limits the submissions of one address across its devices, not those of another address', async () => {
    const send = async (remoteAddress: string) => {
      const device = await registerDevice(t);
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/resident/needs',
        headers: device.headers,
        payload: residentSubmission(),
        remoteAddress,
      });
    };
    for (let i = 0; i < 4; i++) expect((await send('10.7.7.7')).statusCode).toBe(201);
    expect((await send('10.7.7.7')).statusCode).toBe(429);
    expect((await send('10.8.8.8')).statusCode).toBe(201);
  });
});
