/**
 * A resident's need from a poster to the public map, in real Chromium on a phone-sized screen
 * against the built app and the real API with the demo data: she opens the link, switches to
 * Arabic, records a need with a voice note while offline, goes online; a planner finds it in the
 * queue and publishes it; the public map then shows it only at its coarsened place.
 *
 * With QA_SCREENSHOTS=<dir> the steps are also saved as pictures (docs/screenshots/resident-*.png).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coarsePosition } from '../../api/src/store/coarsen.ts';
import {
  type Atlas,
  type Browser,
  type BrowserContext,
  browserTestsUnavailable,
  CHROMIUM_ARGS,
  chromiumPath,
  type Page,
  PLANNER_ACCOUNT,
  playwright,
  signIn,
  startAtlas,
} from './harness.ts';
import { type ApiSession, apiGet, apiSession, createResidentLink } from './resident-api.ts';
import { rawKeysOnScreen } from './steps.ts';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`[skip] resident browser test skipped: ${unavailable}`);

/** Where the resident stands in Eving (the phone's position, given to Chromium). */
const HERE = { latitude: 51.54683, longitude: 7.46324 };
const NEED_TEXT = 'لا يوجد مكان قريب يلتقي فيه الشباب بعد المدرسة';
const shots = process.env.QA_SCREENSHOTS;

interface NeedFeature {
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { status: string; text?: string; lang?: string; media?: string[]; createdBy?: string };
}

async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, `resident-${name}.png`) });
}

/** The planner's view of pending resident needs carrying our text. */
async function pendingNeeds(url: string, planner: ApiSession): Promise<NeedFeature[]> {
  const page = await apiGet<{ features: NeedFeature[] }>(
    url,
    planner,
    'api/v1/records?kind=need&status=pending,published&limit=1000',
  );
  return page.features.filter((feature) => feature.properties.text === NEED_TEXT);
}

describe.skipIf(unavailable !== null)('a resident’s need in Chromium (phone, built app, real API)', () => {
  let atlas: Atlas;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let planner: ApiSession;
  let linkPath: string;
  let receipt: string;
  let need: NeedFeature;
  const violations: string[] = [];

  beforeAll(async () => {
    atlas = await startAtlas([PLANNER_ACCOUNT]);
    planner = await apiSession(atlas.url, PLANNER_ACCOUNT);
    const link = await createResidentLink(atlas.url, planner, 'eving', 'Aushang Bürgerhaus Eving', ['de', 'tr', 'ar']);
    linkPath = link.path;
    browser = await playwright.chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'de-DE',
      geolocation: HERE,
      permissions: ['geolocation', 'microphone'],
    });
    page = await phone.newPage();
    await page.exposeFunction('__qaViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __qaViolation(text: string): void }).__qaViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await atlas?.close();
  });

  it('opens the poster’s link without an account and switches to Arabic', async () => {
    await page.goto(new URL(linkPath.slice(1), atlas.url).toString());
    const arabic = page.locator('.language-grid__button[lang="ar"]');
    await arabic.waitFor();
    await shot(page, 'language-de');
    await arabic.click();
    await page.waitForSelector('html[lang="ar"][dir="rtl"]');
    await page.locator('.category-tile').first().waitFor();
    await shot(page, 'category-ar');
    expect(await rawKeysOnScreen(page)).toEqual([]);
  });

  it('records a need with a voice note while offline and shows the receipt at once', async () => {
    // The phone registered itself for the link while it was online.
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(true);
    await page.waitForTimeout(500);
    await phone.setOffline(true);

    await page.locator('.category-tile:has(input[value="youth_centre"])').click();
    await page.locator('.resident-near-me').click();
    const text = page.locator('textarea.resident-text');
    // "Near me" may go straight on; otherwise the place is confirmed with the main button.
    await Promise.race([
      text.waitFor(),
      page
        .locator('.resident-step--place .resident-actions__main')
        .waitFor()
        .then(() => page.locator('.resident-step--place .resident-actions__main').click()),
    ]);
    await text.waitFor();
    await text.fill(NEED_TEXT);
    const record = page.locator('.voice-recorder__button');
    await record.click();
    await page.locator('.voice-recorder__button--recording').waitFor();
    await page.waitForTimeout(1500);
    await record.click();
    await page.locator('.voice-note').waitFor();
    await shot(page, 'details-ar');
    await page.locator('.resident-actions__main').click();
    await page.locator('.resident-send').waitFor();
    await shot(page, 'consent-ar');
    await page.locator('.resident-send').click();

    const code = page.locator('.resident-receipt__code');
    await code.waitFor();
    receipt = ((await code.textContent()) ?? '').trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await shot(page, 'receipt-offline-ar');
    // Nothing reached the server yet.
    expect(await pendingNeeds(atlas.url, planner)).toEqual([]);
  });

  it('sends the need with its voice note as soon as the phone is online again', async () => {
    await phone.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(async () => (await pendingNeeds(atlas.url, planner)).length, { timeout: 30_000 }).toBe(1);
    [need] = (await pendingNeeds(atlas.url, planner)) as [NeedFeature];
    expect(need.properties).toMatchObject({ status: 'pending', lang: 'ar' });
    expect(need.properties.createdBy).toMatch(/^link:/);
    const [voice] = need.properties.media ?? [];
    expect(voice).toMatch(/^[0-9a-f]{64}$/);
    const audio = await fetch(new URL(`api/v1/media/${voice}`, atlas.url), { headers: { cookie: planner.cookie } });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toMatch(/^audio\//);
    expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    // The same receipt shows the resident her own submission.
    const own = await fetch(new URL(`api/v1/receipts/${receipt}`, atlas.url));
    expect(own.status).toBe(200);
    await page.locator('.resident-receipt__status .resident-status--sent, .resident-receipt__status').first().waitFor();
    await shot(page, 'receipt-sent-ar');
  });

  it('lets a planner find it in the queue and publish it', async () => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
    const planning = await desk.newPage();
    await planning.goto(atlas.url);
    await signIn(planning, PLANNER_ACCOUNT);
    await planning.locator('.bottom-nav__item', { hasText: 'Prüfen' }).click();
    const item = planning.getByText(NEED_TEXT).first();
    await item.waitFor();
    await item.click();
    await planning.locator('.review-actions .button--primary').click();
    await expect
      .poll(async () => (await pendingNeeds(atlas.url, planner)).map((feature) => feature.properties.status))
      .toEqual(['published']);
    await desk.close();
  });

  it('shows the published need on the public map only at its coarsened place, without its text', async () => {
    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    const front = await visitor.newPage();
    const publicNeeds = front.waitForResponse((response) => response.url().includes('/ogc/collections/needs/items'));
    await front.goto(atlas.url);
    await front.locator('.public-map').scrollIntoViewIfNeeded();
    const body = await (await publicNeeds).text();
    const [lon, lat] = need.geometry.coordinates;
    const [coarseLon, coarseLat] = coarsePosition(lon, lat);
    const features = (
      JSON.parse(body) as {
        features: Array<{
          geometry: { coordinates: [number, number] };
          properties: { category: string; text: unknown };
        }>;
      }
    ).features.filter((feature) => feature.properties.category === 'youth_centre');
    const atCell = features.filter(
      (feature) =>
        Math.abs(feature.geometry.coordinates[0] - coarseLon) < 1e-9 &&
        Math.abs(feature.geometry.coordinates[1] - coarseLat) < 1e-9,
    );
    expect(atCell.length).toBeGreaterThanOrEqual(1);
    // The exact place and the text appear nowhere in what the public receives.
    expect(body).not.toContain(String(lon));
    expect(body).not.toContain(String(lat));
    expect(body).not.toContain(NEED_TEXT);
    expect(coarseLon).not.toBeCloseTo(lon, 4);
    await front.locator('[data-map-state="loaded"]').first().waitFor({ timeout: 30_000 });
    await shot(front, 'public-map-de');
    expect(await front.getByText(NEED_TEXT).count()).toBe(0);
    await visitor.close();
    expect(violations).toEqual([]);
  });
});
