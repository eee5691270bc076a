/**
 * Screenshots of the field app as people see it on a phone (390 × 844, German and Arabic): the
 * real API runs in-process on a throwaway SQLite database with the demo data and one field
 * account, serving the built app (a planner account makes the changes "someone else" makes while the
 * phone is offline). Run after building the web app (npm start or npm test builds it):
 *
 *   node --import tsx scripts/screenshots.ts
 *
 * Needs Debian's Chromium at /usr/bin/chromium (`apt-get install chromium`; `fonts-noto-core` for
 * Arabic glyphs). Writes docs/screenshots/field-<screen>-<lang>.png, then loads every locale at
 * 320 px (first screen and capture view) and fails if any page scrolls sideways.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BrowserContext,
  CHROMIUM_ARGS,
  chromiumPath,
  DIST,
  FIELD_ACCOUNT,
  MAP_LOADED,
  type Page,
  PLANNER_ACCOUNT,
  playwright,
  ROOT,
  signIn,
  startAtlas,
} from '../apps/web/e2e/harness.ts';
import { captureRecord, switchLanguage, testJpeg } from '../apps/web/e2e/steps.ts';

const outDir = join(ROOT, 'docs/screenshots');
const LANGUAGES = ['de', 'ar'] as const;
type Lang = (typeof LANGUAGES)[number];

async function shot(page: Page, screen: string, lang: Lang): Promise<void> {
  // Let transitions (sheet height, dialog) and the map's last frame settle.
  await page.waitForTimeout(400);
  const file = join(outDir, `field-${screen}-${lang}.png`);
  await page.screenshot({ path: file });
  process.stdout.write(`${file}\n`);
}

/** A Quartierszirkel running in Eving, so the session bar and the supporters board have something to show. */
async function startQuartierszirkel(page: Page): Promise<void> {
  await page.locator('.session-bar__actions .button').nth(1).click();
  const title = page.locator('.session-start input');
  if ((await title.inputValue()) === '') await title.fill('Quartierszirkel Eving');
  await page.locator('.session-start button[type="submit"]').click();
  await page.waitForSelector('.session-bar__active');
}

async function openForm(page: Page): Promise<void> {
  await page.locator('.kind-button--need').click();
  const form = page.locator('.capture-form');
  await form.waitFor();
  await form.locator('.category-tile').nth(3).click();
  await form.locator('textarea').first().fill('Ein Treffpunkt für Jugendliche am Nachmittag');
  await form.locator('.location-field .button--primary').click();
  await page.waitForSelector('.capture--placing .qa-map__panel');
  await page.waitForTimeout(300);
  const box = await page.locator('.maplibregl-canvas').boundingBox();
  const panel = await page.locator('.qa-map__panel').boundingBox();
  if (box && panel) await page.mouse.click(box.x + box.width * 0.62, box.y + (panel.y - box.y) * 0.55);
  await page.locator('.placing-bar .button--primary').click();
  await page.waitForSelector('.location-field__status--set');
}

async function screens(page: Page, lang: Lang): Promise<void> {
  await switchLanguage(page, lang);
  const nav = page.locator('.bottom-nav__item');
  await nav.first().click();
  await page.locator('.capture__sheet').evaluate((sheet) => sheet.scrollTo(0, 0));
  await shot(page, 'capture', lang);
  await page.locator('.capture__sheet').evaluate((sheet) => sheet.scrollTo(0, sheet.scrollHeight));
  await shot(page, 'session', lang);
  await openForm(page);
  await shot(page, 'form', lang);
  await page.locator('.capture-form button.button--secondary').last().click();
  await nav.nth(1).click();
  await page.waitForSelector('.record-row');
  await shot(page, 'records', lang);
  await nav.nth(2).click();
  await page.waitForSelector('.supporters');
  await shot(page, 'supporters', lang);
  await page.locator('.top-bar__button[aria-haspopup="dialog"]').last().click();
  await page.waitForSelector('.menu .storage-status');
  await shot(page, 'menu', lang);
  await page.keyboard.press('Escape');
}

type Api = (path: string, init?: { method?: string; body?: unknown }) => Promise<Response>;

/** The planners' side, straight through the API with a session cookie. */
async function plannerApi(url: string): Promise<Api> {
  const login = await fetch(new URL('/api/v1/auth/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: PLANNER_ACCOUNT.username, password: PLANNER_ACCOUNT.password }),
  });
  if (!login.ok) throw new Error(`planner sign-in failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  // Writes signed in by the cookie carry the session's CSRF token, as the app's do.
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return (path, init = {}) =>
    fetch(new URL(path, url), {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
}

type Taxonomy = { categories: Array<{ id: string; [key: string]: unknown }> };

/** A category the planners add for a while (a pop-up bakery); the phone learns it at its next start. */
const POP_UP = 'pop_up_bakery';

async function addPopUpCategory(api: Api): Promise<Taxonomy> {
  const taxonomy = (await (await api('/api/v1/taxonomy')).json()) as Taxonomy;
  const bakery = taxonomy.categories.find((category) => category.id === 'bakery');
  const answer = await api('/api/v1/taxonomy', {
    method: 'PUT',
    body: { ...taxonomy, categories: [...taxonomy.categories, { ...bakery, id: POP_UP }] },
  });
  if (!answer.ok) throw new Error(`category not added: ${answer.status}`);
  return taxonomy;
}

/** Network conditions through the DevTools protocol: offline, or online but slow enough to watch a round. */
const NETWORK = {
  offline: { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
  slow: { offline: false, latency: 300, downloadThroughput: 200_000, uploadThroughput: 16_000 },
  normal: { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
} as const;

/**
 * The sync state as a field team sees it: the top bar counting what waits offline, the sheet during a
 * slow round (phase and "n of m"), and the sheet with a change the server refused (a category the
 * planners dropped again while the phone was offline), which is then discarded.
 */
async function syncScreens(page: Page, context: BrowserContext, lang: Lang): Promise<void> {
  await switchLanguage(page, lang);
  const cdp = await context.newCDPSession(page);
  await page.locator('.bottom-nav__item').first().click();
  await cdp.send('Network.emulateNetworkConditions', NETWORK.offline);
  await page.waitForSelector('.offline-indicator__text');
  // Photos new to the server in each language, so that each run has uploads to show.
  const variant = lang === 'ar' ? 21 : 11;
  await openForm(page);
  await attachPhoto(page, variant);
  await page.locator('.capture-form button[type="submit"]').click();
  await page.locator('.capture-form').waitFor({ state: 'detached' });

  await page.locator('.kind-button--service').click();
  const form = page.locator('.capture-form');
  await form.locator(`.category-tile:has(input[value="${POP_UP}"])`).click();
  await form.locator('input[name="name"]').fill(lang === 'ar' ? 'مغسلة الحي' : 'Waschsalon am Markt');
  await form.locator('.location-field .button--primary').click();
  await page.waitForSelector('.capture--placing .qa-map__panel');
  await page.waitForTimeout(300);
  const box = await page.locator('.maplibregl-canvas').boundingBox();
  const panel = await page.locator('.qa-map__panel').boundingBox();
  if (box && panel) await page.mouse.click(box.x + box.width * 0.4, box.y + (panel.y - box.y) * 0.4);
  await page.locator('.placing-bar .button--primary').click();
  await page.waitForSelector('.location-field__status--set');
  await attachPhoto(page, variant + 1);
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached' });
  await page.locator('.capture__sheet').evaluate((sheet) => sheet.scrollTo(0, 0));
  await shot(page, 'sync-indicator', lang);

  await cdp.send('Network.emulateNetworkConditions', NETWORK.slow);
  await page.locator('.sync-indicator').click();
  await page.waitForSelector('.sync-sheet .sync-progress__count', { timeout: 30_000 });
  await shot(page, 'sync-progress', lang);

  await cdp.send('Network.emulateNetworkConditions', NETWORK.normal);
  await page.waitForSelector('.sync-sheet .rejected', { timeout: 60_000 });
  await page.waitForSelector('.sync-indicator[data-look="problem"]', { timeout: 60_000 });
  await page.locator('.sync-sheet .rejected-list').evaluate((list) => list.scrollIntoView({ block: 'end' }));
  await shot(page, 'sync-sheet', lang);
  await page.locator('.sync-sheet .rejected__discard').click();
  await page.locator('.sync-sheet .rejected').waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');
  await cdp.detach();
}

async function attachPhoto(page: Page, variant: number): Promise<void> {
  await page.locator('.capture-form .photo-input input[type="file"][multiple]').setInputFiles({
    name: `foto-${variant}.jpg`,
    mimeType: 'image/jpeg',
    buffer: await testJpeg(page, variant),
  });
  await page.locator('.capture-form .photo-thumb').last().waitFor();
}

/** Pixels the page is wider than a 320 px phone (0 when nothing overflows). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function main(): Promise<void> {
  await readFile(join(DIST, 'index.html')).catch(() => {
    throw new Error('apps/web/dist is missing: run `pnpm --filter @quartiersatlas/web run build` first');
  });
  await mkdir(outDir, { recursive: true });
  for (const name of await readdir(outDir)) if (name.startsWith('field-')) await rm(join(outDir, name));
  const atlas = await startAtlas([FIELD_ACCOUNT, PLANNER_ACCOUNT]);
  const profile = mkdtempSync(join(tmpdir(), 'qa-screenshots-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'de-DE',
    permissions: ['microphone'],
  });
  const overflowing: string[] = [];
  try {
    const page = await context.newPage();
    await page.goto(atlas.url);
    await page.waitForSelector('.quarter-card');
    await shot(page, 'first', 'de');
    await page.locator('.language-grid__button[lang="ar"]').click();
    await page.waitForSelector('html[dir="rtl"]');
    await shot(page, 'first', 'ar');
    for (const language of (await readdir(join(ROOT, 'packages/i18n/locales'))).filter((n) => n.endsWith('.json'))) {
      const code = language.slice(0, -'.json'.length);
      await page.setViewportSize({ width: 320, height: 640 });
      await page.locator(`.language-grid__button[lang="${code}"]`).click();
      await page.waitForSelector(`html[lang="${code}"]`);
      if ((await overflow(page)) > 0) overflowing.push(`first screen, ${code}: ${await overflow(page)} px`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.language-grid__button[lang="de"]').click();

    const api = await plannerApi(atlas.url);
    const taxonomy = await addPopUpCategory(api);
    await signIn(page, FIELD_ACCOUNT);
    await page.waitForSelector(MAP_LOADED, { timeout: 30_000 });
    await startQuartierszirkel(page);
    const plans = [
      { kind: 'service', geometry: 'point', category: true, name: 'Kita Sonnenblume', at: [0.35, 0.45] },
      { kind: 'vacancy', geometry: 'point', at: [0.62, 0.5] },
      { kind: 'brownfield', geometry: 'polygon' },
      { kind: 'need', geometry: 'point', category: true, at: [0.35, 0.75] },
    ] as const;
    for (const [index, plan] of plans.entries()) {
      await captureRecord(page, plan, await testJpeg(page, index));
      // Placing zooms the map in; a fresh start shows the whole quarter again for the next one.
      await page.reload();
      await page.waitForSelector(MAP_LOADED, { timeout: 30_000 });
    }
    for (const lang of LANGUAGES) await screens(page, lang);
    // The pop-up bakery closes: the phone, offline, still offers the category the server now refuses.
    const dropped = await api('/api/v1/taxonomy', { method: 'PUT', body: taxonomy });
    if (!dropped.ok) throw new Error(`category not dropped: ${dropped.status}`);
    for (const lang of LANGUAGES) await syncScreens(page, context, lang);

    await page.setViewportSize({ width: 320, height: 640 });
    for (const language of (await readdir(join(ROOT, 'packages/i18n/locales'))).filter((n) => n.endsWith('.json'))) {
      const code = language.slice(0, -'.json'.length);
      await switchLanguage(page, code);
      await page.locator('.bottom-nav__item').first().click();
      if ((await overflow(page)) > 0) overflowing.push(`capture view, ${code}: ${await overflow(page)} px`);
    }
  } finally {
    await context.close();
    await atlas.close();
    rmSync(profile, { recursive: true, force: true });
  }
  for (const line of overflowing) console.error(`wider than a 320 px screen: ${line}`);
  if (overflowing.length > 0) process.exitCode = 1;
}

await main();
