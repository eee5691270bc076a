/**
 * Screenshots of the field app as people see it on a phone (390 × 844, German and Arabic): the
 * real API runs in-process on a throwaway SQLite database with the demo data and one field
 * account, serving the built app. Run after building the web app (npm start or npm test builds it):
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
  CHROMIUM_ARGS,
  chromiumPath,
  DIST,
  FIELD_ACCOUNT,
  MAP_LOADED,
  type Page,
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
  const atlas = await startAtlas([FIELD_ACCOUNT]);
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
