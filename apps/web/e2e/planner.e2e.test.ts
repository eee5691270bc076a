/**
 * The planner workspace in real Chromium against the built app and the real API with the demo data:
 * a planner signs in, runs a gap analysis, reads the heatmap and a cell's explanation, opens the
 * potentials and tries a "what if", publishes a need a resident sent, and exports a GeoPackage that
 * GDAL opens. The steps build on each other (as a planner's morning does), so they run in order.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Atlas,
  type Browser,
  browserTestsUnavailable,
  CHROMIUM_ARGS,
  chromiumPath,
  type Page,
  PLANNER_ACCOUNT,
  playwright,
  signIn,
  startAtlas,
} from './harness.ts';
import {
  type ApiSession,
  apiGet,
  apiSession,
  createResidentLink,
  residentDevice,
  sendResidentNeed,
} from './resident-api.ts';
import { rawKeysOnScreen } from './steps.ts';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`[skip] planner browser test skipped: ${unavailable}`);

// GDAL's ogrinfo checks the downloaded GeoPackage as QGIS would open it; CI installs gdal-bin.
const gdal = spawnSync('ogrinfo', ['--version']).status === 0;
if (!gdal && process.env.CI === 'true') throw new Error('ogrinfo is missing: CI installs gdal-bin (.ci/run)');
if (!gdal) console.warn('[skip] the GeoPackage is only checked by its header, because ogrinfo (gdal-bin) is missing');

/** A Kita need the resident sends from her phone, in Turkish: it waits for moderation. */
const NEED_ID = '019a8f00-0000-7000-8000-00000000beef';
const NEED_TEXT = 'Çocuklarımız için yakında kreş yok, sabahları otobüsle 30 dakika gidiyoruz.';

async function openView(page: Page, label: string): Promise<void> {
  await page.locator('.bottom-nav__item', { hasText: label }).click();
}

describe.skipIf(unavailable !== null)('planner workspace in Chromium (built app, real API)', () => {
  let atlas: Atlas;
  let browser: Browser;
  let page: Page;
  let planner: ApiSession;
  let downloads: string;

  beforeAll(async () => {
    atlas = await startAtlas([PLANNER_ACCOUNT]);
    planner = await apiSession(atlas.url, PLANNER_ACCOUNT);
    // The resident's phone opened a poster's link: an anonymous device of that link sends the need.
    const link = await createResidentLink(atlas.url, planner, 'eving', 'Aushang Bürgerhaus Eving');
    const token = await residentDevice(atlas.url, link.code);
    await sendResidentNeed(
      atlas.url,
      token,
      {
        id: NEED_ID,
        geometry: { type: 'Point', coordinates: [7.4632, 51.5468] },
        properties: {
          kind: 'need',
          quarterId: 'eving',
          category: 'kita',
          targetGroups: ['children'],
          urgency: 'high',
          text: NEED_TEXT,
          lang: 'tr',
        },
      },
      'K7QM4XPT9BRC',
      'tr',
    );
    downloads = mkdtempSync(join(tmpdir(), 'qa-downloads-'));
    browser = await playwright.chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'de-DE',
      acceptDownloads: true,
    });
    page = await context.newPage();
    await page.addInitScript(() => {
      window.__QA_TEST__ = true;
    });
    await page.goto(atlas.url);
    await signIn(page, PLANNER_ACCOUNT);
  });

  afterAll(async () => {
    await browser?.close();
    await atlas?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('runs an analysis on the demo data and shows the heatmap with its legend', async () => {
    await openView(page, 'Analyse');
    await page.locator('.analysis-form__submit').click();
    await page.waitForSelector('[data-heat-ready="true"]', { timeout: 180_000 });
    await expect.poll(() => page.locator('.analysis-summary').count()).toBeGreaterThan(0);
    // The legend names what the colours mean, with a unit, in German.
    expect(await page.locator('.analysis__map').textContent()).toMatch(/Prioritätsindex|Index von 0/);
    const cells = await page.evaluate(() => {
      const map = window.__QA_ANALYSIS_MAP__;
      return map ? map.queryRenderedFeatures({ layers: ['qa-heat-fill'] }).length : 0;
    });
    expect(cells).toBeGreaterThan(20);
    expect(await rawKeysOnScreen(page)).toEqual([]);
  });

  it('explains a cell the planner clicks on the map', async () => {
    // A coloured cell with nothing drawn on top of its middle, so the click reaches the cell.
    const target = await page.evaluate(() => {
      const map = window.__QA_ANALYSIS_MAP__;
      if (!map) return null;
      const rect = map.getCanvas().getBoundingClientRect();
      for (const feature of map.queryRenderedFeatures({ layers: ['qa-heat-fill'] })) {
        if (!((feature.properties?.population ?? 0) > 0)) continue;
        const ring = (feature.geometry as { coordinates: number[][][] }).coordinates[0] ?? [];
        const lon = ring.slice(0, -1).reduce((sum, p) => sum + (p[0] ?? 0), 0) / (ring.length - 1);
        const lat = ring.slice(0, -1).reduce((sum, p) => sum + (p[1] ?? 0), 0) / (ring.length - 1);
        const point = map.project([lon, lat]);
        if (point.x < 40 || point.y < 40 || point.x > rect.width - 40 || point.y > rect.height - 40) continue;
        const hits = map.queryRenderedFeatures([point.x, point.y]);
        if (hits.every((hit) => hit.layer.id.startsWith('qa-heat') || hit.layer.id.includes('quarter')))
          return { x: rect.x + point.x, y: rect.y + point.y };
      }
      return null;
    });
    expect(target, 'a free cell in view').not.toBeNull();
    if (!target) return;
    await page.mouse.click(target.x, target.y);
    const explanation = page.locator('.analysis-cell');
    await explanation.waitFor();
    const text = (await explanation.textContent()) ?? '';
    // People of the group, what they reach, and how the priority adds up — in plain words.
    expect(text).toMatch(/Menschen/);
    expect(text).toMatch(/Priorität/);
    expect(await page.locator('.analysis-cell__lines li').count()).toBeGreaterThanOrEqual(4);
  });

  it('ranks potential sites and shows a what-if without storing anything', async () => {
    const before = await apiGet<{ features: unknown[] }>(atlas.url, planner, 'api/v1/records?kind=service&limit=10000');
    await page.locator('.analysis-tabs__tab').nth(2).click();
    const sites = page.locator('.analysis-site');
    await sites.first().waitFor();
    expect(await sites.count()).toBeGreaterThan(0);
    await sites.first().locator('.analysis-site__actions .button').nth(1).click();
    await page.locator('.analysis-whatif .analysis-actions .button--primary').click();
    const result = page.locator('.analysis-whatif__result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.textContent()).toMatch(/\d/);
    const after = await apiGet<{ features: unknown[] }>(atlas.url, planner, 'api/v1/records?kind=service&limit=10000');
    expect(after.features.length).toBe(before.features.length);
  });

  it('publishes the resident need from the moderation queue', async () => {
    await openView(page, 'Prüfen');
    const detail = page.locator('.review-actions');
    await page.getByText(NEED_TEXT).first().waitFor();
    await page.getByText(NEED_TEXT).first().click();
    await detail.locator('.button--primary').click();
    await expect
      .poll(async () => {
        const record = await apiGet<{ properties: { status: string } }>(
          atlas.url,
          planner,
          `api/v1/records/${NEED_ID}`,
        );
        return record.properties.status;
      })
      .toBe('published');
    const history = await apiGet<{ events: Array<{ action: string; by: { name: string | null } }> }>(
      atlas.url,
      planner,
      `api/v1/records/${NEED_ID}/history`,
    );
    expect(history.events.map((event) => event.action)).toEqual(['create', 'publish']);
    expect(history.events.at(-1)?.by.name).toBe(PLANNER_ACCOUNT.displayName);
    expect(await rawKeysOnScreen(page)).toEqual([]);
  });

  it('exports the services as a GeoPackage that GDAL opens with every published service', async () => {
    await openView(page, 'Daten');
    const services = await apiGet<{ features: unknown[] }>(
      atlas.url,
      planner,
      'api/v1/records?kind=service&limit=10000',
    );
    // The records export: the first form that offers GeoPackage (the import form comes before it).
    const panel = page.locator('.exchange-form', { has: page.locator('input[type="radio"][value="gpkg"]') }).first();
    await panel.locator('input[type="radio"][value="gpkg"]').first().check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.locator('.exchange-actions button.button--primary').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.gpkg$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    if (gdal) {
      const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', file], { encoding: 'utf8' });
      const layer = info.split(/\nLayer name: /).find((part) => part.startsWith('services'));
      expect(layer, info).toBeDefined();
      expect(layer).toMatch(new RegExp(`Feature Count: ${services.features.length}\\b`));
      expect(layer).toMatch(/WGS 84|EPSG.*4326/);
    } else {
      // Without GDAL, at least a GeoPackage: an SQLite file whose application id is "GPKG".
      const head = readFileSync(file).subarray(0, 72);
      expect(head.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
      expect(head.subarray(68, 72).toString('latin1')).toBe('GPKG');
    }
  });
});
