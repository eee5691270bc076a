import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { applyRetention } from '../src/store/retention.ts';
import { createTestApp, DATABASES, type TestApp } from './helpers.ts';
import { everythingStored, mediaFileExists, pointDigits, residentSends, type Sent } from './privacy-helpers.ts';

const DAY = 86_400_000;

function cellCentre([lon, lat]: [number, number]): [number, number] {
  const [centreLat, centreLon] = cellToLatLng(latLngToCell(lat, lon, 8));
  return [centreLon, centreLat];
}

/** Makes a submission look `days` old, as if it had been sent then. */
async function age(t: TestApp, sent: Sent, days: number): Promise<void> {
  await t.database.db
    .updateTable('resident_submissions')
    .set({ submitted_at: new Date(Date.now() - days * DAY).toISOString() })
    .where('record_id', '=', sent.id)
    .execute();
}

describe.each(DATABASES)('retention of resident submissions on %s', (kind) => {
  let t: TestApp;
  const sent = {} as Record<
    'oldPending' | 'oldRejected' | 'oldPublished' | 'oldApproved' | 'recentPending' | 'recentPublished',
    Sent
  >;

  const moderate = async (id: string, action: 'publish' | 'reject', payload: object) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${id}/${action}`,
      headers: t.as('planner', 'token'),
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const receipt = (code: string) => t.app.inject({ method: 'GET', url: `/api/v1/receipts/${code}` });
  const record = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers: t.as('planner') })).json();

  beforeAll(async () => {
    t = await createTestApp(kind);
    sent.oldPending = await residentSends(t, {
      point: [7.461377, 51.550913],
      text: 'Frau Nowak aus der Bergstraße 3 hätte gern einen Mittagstisch',
      withVoiceNote: true,
    });
    sent.oldRejected = await residentSends(t, { point: [7.462419, 51.551553], text: 'Unsinn von Herrn X' });
    sent.oldPublished = await residentSends(t, {
      point: [7.466781, 51.553317],
      text: 'Wir in Haus 12 brauchen eine Hausarztpraxis',
      lang: 'pl',
      withVoiceNote: true,
    });
    sent.oldApproved = await residentSends(t, {
      point: [7.472123, 51.557681],
      text: 'Mehr Bänke im Park',
      lang: 'tr',
    });
    sent.recentPending = await residentSends(t, { point: [7.464519, 51.554471], text: 'Noch frisch und wartend' });
    sent.recentPublished = await residentSends(t, {
      point: [7.469913, 51.552281],
      text: 'Frisch veröffentlicht',
      withVoiceNote: true,
    });
    await moderate(sent.oldRejected.id, 'reject', { reason: 'Beleidigend gegen Herrn X' });
    await moderate(sent.oldPublished.id, 'publish', {});
    await moderate(sent.oldApproved.id, 'publish', { showText: true });
    await moderate(sent.recentPublished.id, 'publish', {});
    for (const old of [sent.oldPending, sent.oldRejected, sent.oldPublished, sent.oldApproved]) await age(t, old, 366);
    await age(t, sent.recentPending, 364);
  });
  afterAll(() => t.close());

  it('erases old pending and rejected submissions, anonymises old published ones, and leaves recent ones', async () => {
    const publicBefore = await t.app.inject({ method: 'GET', url: '/ogc/collections/needs/items' });
    const result = await applyRetention(t.database.db, t.database.config);
    expect(result).toEqual({ erased: 2, anonymised: 2 });

    const stored = await everythingStored(t);
    for (const gone of [sent.oldPending, sent.oldRejected, sent.oldPublished]) {
      expect((await receipt(gone.receipt)).statusCode).toBe(404);
      expect(stored).not.toContain(gone.text);
      for (const part of pointDigits(gone.point)) expect(stored).not.toContain(part);
      for (const hash of gone.media) {
        expect(stored).not.toContain(hash);
        expect(mediaFileExists(t, hash)).toBe(false);
      }
    }
    // The rejection's reason named a person: the history keeps that something happened, not what.
    expect(stored).not.toContain('Herrn X');
    for (const erased of [sent.oldPending, sent.oldRejected]) {
      expect((await record(erased.id)).code).toBe('RECORD_NOT_FOUND');
    }

    // Published needs stay on the public map, at the same coarse point as before.
    const published = await record(sent.oldPublished.id);
    expect(published.geometry.coordinates).toEqual(cellCentre(sent.oldPublished.point));
    expect(published.properties).toMatchObject({ status: 'published', deleted: false, category: 'kita' });
    for (const field of ['text', 'lang', 'media', 'note']) expect(published.properties).not.toHaveProperty(field);
    const approved = await record(sent.oldApproved.id);
    expect(approved.geometry.coordinates).toEqual(cellCentre(sent.oldApproved.point));
    expect(approved.properties).toMatchObject({ text: 'Mehr Bänke im Park', lang: 'tr' });
    const publicAfter = await t.app.inject({ method: 'GET', url: '/ogc/collections/needs/items' });
    expect(publicAfter.json().features).toEqual(publicBefore.json().features);
    expect(publicAfter.json().features).toHaveLength(3);

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${sent.oldPublished.id}/history`,
      headers: t.as('planner'),
    });
    const events = history.json().events as Array<{ action: string; changes: object; note: string | null }>;
    expect(events.map((e) => e.action)).toEqual(['create', 'publish', 'anonymise']);
    for (const event of events) expect([event.changes, event.note]).toEqual([{}, null]);
    const row = await t.database.db
      .selectFrom('resident_submissions')
      .selectAll()
      .where('record_id', '=', sent.oldPublished.id)
      .executeTakeFirstOrThrow();
    expect(row.anonymised_at).not.toBeNull();

    // Recent ones keep everything, and their receipts work.
    for (const recent of [sent.recentPending, sent.recentPublished]) {
      const view = await receipt(recent.receipt);
      expect(view.statusCode).toBe(200);
      expect(view.json().submission.feature.geometry.coordinates).toEqual(recent.point);
      expect(view.json().submission.feature.properties.text).toBe(recent.text);
      for (const hash of recent.media) expect(mediaFileExists(t, hash)).toBe(true);
    }

    // A second round finds nothing more to do.
    expect(await applyRetention(t.database.db, t.database.config)).toEqual({ erased: 0, anonymised: 0 });
  });

  it('runs when the server starts, and honours RESIDENT_RETENTION_DAYS', async () => {
    const config = { ...t.database.config, residentRetentionDays: 30 };
    await age(t, sent.recentPending, 31);
    const app = await buildApp({ config, database: t.database });
    await app.ready();
    // Closing waits for the round the start began.
    await app.close();
    expect((await receipt(sent.recentPending.receipt)).statusCode).toBe(404);
    expect((await receipt(sent.recentPublished.receipt)).statusCode).toBe(200);
  });
});

describe('retention from the command line', () => {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  function run(env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
    const full = { ...process.env, DATA_DIR: t.database.config.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env };
    return new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', cli, 'retention'], { env: full }, (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  }

  it('applies the retention period and prints what it did', async () => {
    const pending = await residentSends(t, { point: [7.463001, 51.552002], text: 'Alt und nie geprüft' });
    const kept = await residentSends(t, { point: [7.463501, 51.552502], text: 'Zehn Tage alt' });
    await age(t, pending, 40);
    await age(t, kept, 10);
    const done = await run({ RESIDENT_RETENTION_DAYS: '30' });
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('older than 30 days');
    expect(done.stdout).toContain('1 erased');
    expect(done.stdout).toContain('0 anonymised');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/receipts/${pending.receipt}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/receipts/${kept.receipt}` })).statusCode).toBe(200);
  }, 60_000);
});
