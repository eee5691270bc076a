/**
 * The field app in real Chromium against the built app and the real API: one online sign-in, then
 * a cold start in airplane mode, four captures with photos and voice notes, a browser restart, the
 * Arabic layout and axe-core on every main screen. The steps build on each other (as a field day
 * does), so they run in order in one browser profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Atlas,
  axeSource,
  type BrowserContext,
  browserTestsUnavailable,
  CHROMIUM_ARGS,
  chromiumPath,
  FIELD_ACCOUNT,
  MAP_LOADED,
  type Page,
  playwright,
  signIn,
  startAtlas,
  waitForServiceWorker,
} from './harness.ts';
import {
  captureRecord,
  databaseCounts,
  type KindPlan,
  missingTranslations,
  quarterOutlineDrawn,
  rawKeysOnScreen,
  seriousViolations,
  switchLanguage,
  testJpeg,
} from './steps.ts';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`[skip] browser tests skipped: ${unavailable}`);

const VIEWPORT = { width: 390, height: 844 };

const PLANS: KindPlan[] = [
  { kind: 'service', geometry: 'point', category: true, name: 'Kita Regenbogen' },
  { kind: 'vacancy', geometry: 'point' },
  { kind: 'brownfield', geometry: 'polygon' },
  { kind: 'need', geometry: 'point', category: true },
];

describe.skipIf(unavailable !== null)('field app in Chromium (built app, real API)', () => {
  let atlas: Atlas;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  /** Demo records the first sync brought to the device; the counts below are of what the test adds. */
  let pulled = 0;

  function launch(offline: boolean): Promise<BrowserContext> {
    return playwright.chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      locale: 'de-DE',
      permissions: ['microphone'],
      offline,
    });
  }

  async function openApp(target: BrowserContext): Promise<Page> {
    const opened = await target.newPage();
    await opened.addInitScript(() => {
      window.__QA_TEST__ = true;
    });
    await opened.goto(url);
    return opened;
  }

  beforeAll(async () => {
    atlas = await startAtlas([FIELD_ACCOUNT]);
    url = atlas.url;
    profile = mkdtempSync(join(tmpdir(), 'qa-chromium-'));
    context = await launch(false);
  });

  afterAll(async () => {
    await context?.close();
    await atlas?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('shows the first screen without serious accessibility problems in German and Arabic', async () => {
    page = await openApp(context);
    await page.waitForSelector('.section--languages');
    await page.waitForSelector('.quarter-card');
    expect(await seriousViolations(page, axeSource()), 'first screen, de').toEqual([]);
    await page.locator('.language-grid__button[lang="ar"]').click();
    await page.waitForSelector('html[dir="rtl"][lang="ar"]');
    expect(await seriousViolations(page, axeSource()), 'first screen, ar').toEqual([]);
    await page.locator('.language-grid__button[lang="de"]').click();
    await page.waitForSelector('html[dir="ltr"][lang="de"]');
  });

  it('starts cold in airplane mode after one online sign-in, map and quarter outline included', async () => {
    await signIn(page, FIELD_ACCOUNT);
    await page.waitForSelector(MAP_LOADED, { timeout: 20_000 });
    await waitForServiceWorker(page);
    await expect
      .poll(() => page.locator('.sync-indicator').getAttribute('data-look'), { timeout: 20_000 })
      .toBe('done');
    pulled = (await databaseCounts(page)).records;
    // Airplane mode for real: the browser is offline and the server is gone.
    await context.setOffline(true);
    await atlas.close();
    await page.close();

    page = await openApp(context);
    await page.waitForSelector('.top-bar');
    await page.waitForSelector('.offline-indicator__text');
    await page.waitForSelector(MAP_LOADED, { timeout: 20_000 });
    expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
    expect(await quarterOutlineDrawn(page)).toBe(true);
  });

  it('captures each record kind offline with a photo and a voice note', async () => {
    for (const [index, plan] of PLANS.entries()) await captureRecord(page, plan, await testJpeg(page, index));
    const counts = await databaseCounts(page);
    expect(counts.records).toBe(pulled + 4);
    expect(counts.outbox).toBe(4);
    expect(counts.media).toEqual({ photo: 4, audio: 4 });
    expect(missingTranslations(await page.evaluate(() => window.__QA_MISSING__ ?? []))).toEqual([]);
  }, 90_000);

  it('keeps everything in IndexedDB across a browser restart, still offline', async () => {
    await context.close();
    context = await launch(true);
    page = await openApp(context);
    await page.waitForSelector(MAP_LOADED, { timeout: 20_000 });
    // 4 creates in the outbox plus 4 photos and 4 voice notes not uploaded yet.
    await expect.poll(() => page.locator('.unsynced-badge').getAttribute('data-count')).toBe('12');
    const counts = await databaseCounts(page);
    expect(counts).toMatchObject({ records: pulled + 4, outbox: 4, outboxRecordsMatch: true });
    await page.locator('.bottom-nav__item').nth(1).click();
    await expect.poll(() => page.locator('.record-row').count()).toBe(pulled + 4);
  });

  it('mirrors the layout in Arabic and has a translation for every string on every screen', async () => {
    await switchLanguage(page, 'ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const [first, last] = await Promise.all([
      page.locator('.top-bar__where').boundingBox(),
      page.locator('.top-bar__inner > :last-child').boundingBox(),
    ]);
    expect(first && last && first.x > last.x, 'the top bar starts on the right').toBe(true);
    const nav = await page
      .locator('.bottom-nav__item')
      .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().x));
    expect(nav[0]).toBeGreaterThan(nav.at(-1) ?? Number.POSITIVE_INFINITY);

    const screens: Array<[string, () => Promise<void>]> = [
      ['records', async () => {}],
      ['capture', () => page.locator('.bottom-nav__item').first().click()],
      ...PLANS.map(({ kind }): [string, () => Promise<void>] => [
        `form ${kind}`,
        async () => {
          await page.locator(`.kind-button--${kind}`).click();
          await page.waitForSelector('.capture-form');
        },
      ]),
      ['menu', () => page.locator('.top-bar__button[aria-haspopup="dialog"]').last().click()],
    ];
    for (const [name, open] of screens) {
      await open();
      expect(await rawKeysOnScreen(page), `raw keys on ${name}`).toEqual([]);
      if (name.startsWith('form')) await page.locator('.capture-form button.button--secondary').last().click();
    }
    await page.keyboard.press('Escape');
    expect(missingTranslations(await page.evaluate(() => window.__QA_MISSING__ ?? []))).toEqual([]);
  }, 60_000);

  it('has no serious or critical axe-core violations on the main screens in German and Arabic', async () => {
    const source = axeSource();
    const failures: Record<string, unknown[]> = {};
    for (const language of ['de', 'ar'] as const) {
      await switchLanguage(page, language);
      const check = async (screen: string) => {
        const found = await seriousViolations(page, source);
        if (found.length > 0) failures[`${screen} (${language})`] = found;
      };
      await page.locator('.bottom-nav__item').first().click();
      await check('capture');
      await page.locator('.kind-button--service').click();
      await page.waitForSelector('.capture-form');
      await check('service form');
      await page.locator('.capture-form button.button--secondary').last().click();
      await page.locator('.bottom-nav__item').nth(1).click();
      await page.waitForSelector('.record-row');
      await check('records');
      await page.locator('.top-bar__button[aria-haspopup="dialog"]').last().click();
      await page.waitForSelector('.menu .storage-status');
      await check('menu');
      await page.keyboard.press('Escape');
    }
    expect(failures).toEqual({});
  }, 60_000);

  it('signs out offline after a warning about unsynced changes, and keeps the records on the device', async () => {
    await switchLanguage(page, 'de');
    await page.locator('.top-bar__button[aria-haspopup="dialog"]').last().click();
    const signOut = page.locator('.sign-out .button');
    await signOut.click();
    await page.locator('.sign-out .notice--warning').waitFor();
    await signOut.click();
    await page.waitForSelector('.section--languages');
    await page.waitForSelector('.quarter-card');
    expect(await databaseCounts(page)).toMatchObject({ records: pulled + 4, outbox: 4 });
  });
});
