/**
 * Sync in real Chromium against the built app and the real API: a field team captures 200 records
 * with a photo each in airplane mode, closes the app, opens it again offline and goes online; the
 * app syncs by itself, and the server then holds every record exactly once and every photo byte
 * for byte. Then a planner's change reaches the device, and a change the server refuses shows up
 * in the sync sheet with its reason and can be discarded. The steps build on each other.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Atlas,
  type BrowserContext,
  browserTestsUnavailable,
  CHROMIUM_ARGS,
  chromiumPath,
  FIELD_ACCOUNT,
  MAP_LOADED,
  type Page,
  PLANNER_ACCOUNT,
  playwright,
  signIn,
  startAtlas,
  type TestAccount,
  waitForServiceWorker,
} from './harness.ts';
import { captureRecord, type KindPlan, testJpeg } from './steps.ts';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`[skip] sync browser tests skipped: ${unavailable}`);

const RECORDS = 200;
const FULL_CAPTURES: KindPlan[] = [
  { kind: 'service', geometry: 'point', category: true, name: 'Kita Regenbogen' },
  { kind: 'vacancy', geometry: 'point' },
  { kind: 'brownfield', geometry: 'polygon' },
  { kind: 'need', geometry: 'point', category: true },
];

interface LocalState {
  records: Array<{ id: string; mediaIds: string[]; feature: { properties: Record<string, unknown> } }>;
  outbox: number;
  rejected: number;
  media: Array<{ id: string; kind: string; uploaded: boolean }>;
}

/** What IndexedDB really holds, read directly rather than through the app. */
function localState(page: Page): Promise<LocalState> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('quartiersatlas');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [records, outbox, rejected, media] = await Promise.all([
      all('records'),
      all('outbox'),
      all('rejected'),
      all('media'),
    ]);
    db.close();
    return {
      records: records as LocalState['records'],
      outbox: outbox.length,
      rejected: rejected.length,
      media: (media as Array<{ id: string; kind: string; uploaded: boolean }>).map(({ id, kind, uploaded }) => ({
        id,
        kind,
        uploaded,
      })),
    };
  });
}

/** Small JPEGs, each a different picture (photos are stored by content hash), drawn by the browser. */
async function numberedJpegs(page: Page, count: number): Promise<Buffer[]> {
  const urls = await page.evaluate((n) => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    const out: string[] = [];
    for (let i = 0; i < n; i += 1) {
      context.fillStyle = `hsl(${(i * 37) % 360} 55% 45%)`;
      context.fillRect(0, 0, 160, 120);
      context.fillStyle = '#fff';
      context.font = 'bold 48px sans-serif';
      context.fillText(String(i), 16, 80);
      out.push(canvas.toDataURL('image/jpeg', 0.8));
    }
    return out;
  }, count);
  return urls.map((url) => Buffer.from(url.split(',')[1] ?? '', 'base64'));
}

/**
 * The shortest capture the form allows, through the same UI: a vacancy placed on the map with one
 * photo, saved. (A vacancy needs nothing but its place.)
 */
async function quickVacancy(page: Page, jpeg: Buffer, index: number): Promise<void> {
  await page.locator('.kind-button--vacancy').click();
  const form = page.locator('.capture-form');
  await form.locator('.location-field .button--primary').click();
  await page.waitForSelector('.capture--placing .qa-map__panel');
  const canvas = await page.locator('.maplibregl-canvas').boundingBox();
  const panel = await page.locator('.qa-map__panel').boundingBox();
  if (!canvas || !panel) throw new Error('the map is not visible');
  // Spread the points a little, so they do not all sit under the same finger.
  const fx = 0.3 + ((index * 7) % 40) / 100;
  const fy = 0.3 + ((index * 11) % 40) / 100;
  await page.mouse.click(canvas.x + canvas.width * fx, canvas.y + (panel.y - canvas.y) * fy);
  await page.locator('.placing-bar .button--primary').click();
  await form.locator('.location-field__status--set').waitFor();
  await form.locator('.photo-input input[type="file"][multiple]').setInputFiles({
    name: `leerstand-${index}.jpg`,
    mimeType: 'image/jpeg',
    buffer: jpeg,
  });
  await form.locator('.photo-thumb').waitFor();
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached' });
}

/** Signs in to the API from the test (as a planner's browser would) and returns its request helper. */
async function apiAs(atlas: Atlas, account: TestAccount) {
  const login = await fetch(new URL('/api/v1/auth/login', atlas.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  // Writes signed in by the cookie carry the session's CSRF token, as the app's do.
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(new URL(path, atlas.url), {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
}

type Api = Awaited<ReturnType<typeof apiAs>>;

interface ServerFeature {
  id: string;
  properties: { media?: string[]; category?: string };
}

/** Every record on the server, page by page, whatever its moderation status. */
async function serverRecords(api: Api): Promise<ServerFeature[]> {
  const found: ServerFeature[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const query = new URLSearchParams({ status: 'published,pending,rejected', includeDeleted: 'true', limit: '1000' });
    if (cursor) query.set('cursor', cursor);
    const page = (await (await api(`/api/v1/records?${query}`)).json()) as {
      features: ServerFeature[];
      nextCursor: string | null;
    };
    found.push(...page.features);
    cursor = page.nextCursor;
  }
  return found;
}

describe.skipIf(unavailable !== null)('sync in Chromium (built app, real API)', () => {
  let atlas: Atlas;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let captured: string[] = [];

  async function openApp(): Promise<Page> {
    const opened = await context.newPage();
    await opened.addInitScript(() => {
      window.__QA_TEST__ = true;
    });
    await opened.goto(atlas.url);
    return opened;
  }

  const indicator = () => page.locator('.sync-indicator');
  const pendingCount = () => page.locator('.sync-indicator .unsynced-badge').getAttribute('data-count');

  beforeAll(async () => {
    atlas = await startAtlas([FIELD_ACCOUNT, PLANNER_ACCOUNT]);
    profile = mkdtempSync(join(tmpdir(), 'qa-sync-'));
    context = await playwright.chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      locale: 'de-DE',
      permissions: ['microphone'],
      // As many phones are set: the map jumps instead of gliding, which keeps 200 captures quick.
      reducedMotion: 'reduce',
    });
  });

  afterAll(async () => {
    await context?.close();
    await atlas?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('captures 200 records with a photo each offline and, back online, sends each exactly once by itself', async () => {
    page = await openApp();
    await signIn(page, FIELD_ACCOUNT);
    await page.waitForSelector(MAP_LOADED, { timeout: 20_000 });
    await waitForServiceWorker(page);
    // The first round pulls the quarter's demo records; the device then starts from a known state.
    await expect.poll(() => indicator().getAttribute('data-look'), { timeout: 20_000 }).toBe('done');
    const pulled = (await localState(page)).records.length;

    await context.setOffline(true);
    const started = Date.now();
    for (const [index, plan] of FULL_CAPTURES.entries()) await captureRecord(page, plan, await testJpeg(page, index));
    const jpegs = await numberedJpegs(page, RECORDS - FULL_CAPTURES.length);
    for (const [index, jpeg] of jpegs.entries()) await quickVacancy(page, jpeg, index);
    const seconds = Math.round((Date.now() - started) / 1000);
    process.stdout.write(`[sync e2e] ${RECORDS} captures through the form in ${seconds} s\n`);

    const offline = await localState(page);
    expect(offline.records.length - pulled).toBe(RECORDS);
    expect(offline.outbox).toBe(RECORDS);
    captured = offline.records.filter((record) => record.mediaIds.length > 0).map((record) => record.id);
    expect(captured).toHaveLength(RECORDS);
    expect(offline.media.filter((item) => item.kind === 'photo')).toHaveLength(RECORDS);

    // Close the app; it starts again from the service worker, still in airplane mode.
    await page.close();
    page = await openApp();
    await page.waitForSelector('.offline-indicator__text');
    await expect.poll(pendingCount).toBe(String(RECORDS + RECORDS + FULL_CAPTURES.length));

    await context.setOffline(false);
    await expect.poll(pendingCount, { timeout: 120_000, interval: 500 }).toBe('0');
    await expect.poll(() => indicator().getAttribute('data-look'), { timeout: 30_000 }).toBe('done');
    const synced = await localState(page);
    expect(synced.outbox).toBe(0);
    expect(synced.media.every((item) => item.uploaded)).toBe(true);

    const api = await apiAs(atlas, PLANNER_ACCOUNT);
    const onServer = await serverRecords(api);
    const ours = onServer.filter((feature) => captured.includes(feature.id));
    expect(ours).toHaveLength(RECORDS);
    expect(new Set(ours.map((feature) => feature.id)).size).toBe(RECORDS);
    const localMedia = new Map(synced.records.map((record) => [record.id, record.mediaIds]));
    for (const feature of ours) expect(feature.properties.media, feature.id).toEqual(localMedia.get(feature.id));

    for (const { id } of synced.media) {
      expect((await api(`/api/v1/media/${id}`, { method: 'HEAD' })).status, id).toBe(200);
      const bytes = Buffer.from(await (await api(`/api/v1/media/${id}`)).arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(id);
    }
  }, 600_000);

  it('shows a planner’s change on the device after the next sync', async () => {
    const api = await apiAs(atlas, PLANNER_ACCOUNT);
    const id = captured.at(-1) ?? '';
    const changed = await api(`/api/v1/records/${id}`, {
      method: 'PATCH',
      body: { properties: { address: 'Evinger Platz 3', note: 'Vom Planungsteam geprüft' } },
    });
    expect(changed.status).toBe(200);

    await indicator().click();
    await page.locator('.sync-sheet .sync-status__action').click();
    await expect
      .poll(async () => (await localState(page)).records.find((record) => record.id === id)?.feature.properties.address)
      .toBe('Evinger Platz 3');
    await page.keyboard.press('Escape');
    await page.locator('.bottom-nav__item').nth(1).click();
    await page.locator('.records input[type="search"]').fill('Evinger Platz 3');
    await expect.poll(() => page.locator('.record-row').count()).toBe(1);
  });

  it('lists a change the server refused with its reason, and discards it on request', async () => {
    const api = await apiAs(atlas, PLANNER_ACCOUNT);
    // The planners add a category; the device learns it at its next start.
    const taxonomy = (await (await api('/api/v1/taxonomy')).json()) as {
      categories: Array<{ id: string; [key: string]: unknown }>;
    };
    const bakery = taxonomy.categories.find((category) => category.id === 'bakery');
    const added = { ...taxonomy, categories: [...taxonomy.categories, { ...bakery, id: 'pop_up_bakery' }] };
    expect((await api('/api/v1/taxonomy', { method: 'PUT', body: added })).status).toBe(200);
    await page.reload();
    await page.waitForSelector(MAP_LOADED, { timeout: 20_000 });
    await expect.poll(() => indicator().getAttribute('data-look'), { timeout: 20_000 }).toBe('done');
    // Offline, the device still offers it while the planners drop it again.
    await context.setOffline(true);
    expect((await api('/api/v1/taxonomy', { method: 'PUT', body: taxonomy })).status).toBe(200);

    await page.locator('.bottom-nav__item').first().click();
    await page.locator('.kind-button--service').click();
    const form = page.locator('.capture-form');
    await form.locator('.category-tile:has(input[value="pop_up_bakery"])').click();
    await form.locator('input[name="name"]').fill('Waschsalon Nord');
    await form.locator('.location-field .button--primary').click();
    await page.waitForSelector('.capture--placing .qa-map__panel');
    const canvas = await page.locator('.maplibregl-canvas').boundingBox();
    if (!canvas) throw new Error('the map is not visible');
    await page.mouse.click(canvas.x + canvas.width * 0.5, canvas.y + canvas.height * 0.3);
    await page.locator('.placing-bar .button--primary').click();
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });

    await context.setOffline(false);
    await expect.poll(() => indicator().getAttribute('data-look'), { timeout: 30_000 }).toBe('problem');
    expect((await localState(page)).rejected).toBe(1);
    await indicator().click();
    const refused = page.locator('.sync-sheet .rejected');
    await expect.poll(() => refused.count()).toBe(1);
    expect(await refused.locator('.rejected__title').textContent()).toBe('Waschsalon Nord');
    expect(await refused.locator('.rejected__why').textContent()).toBe(
      'Diese Kategorie gibt es nicht mehr. Bitte eine andere wählen.',
    );

    await refused.locator('.rejected__discard').click();
    await expect.poll(() => refused.count()).toBe(0);
    const after = await localState(page);
    expect(after.rejected).toBe(0);
    expect(after.records.some((record) => record.feature.properties.name === 'Waschsalon Nord')).toBe(false);
    await expect.poll(() => indicator().getAttribute('data-look')).toBe('done');
  }, 60_000);
});
