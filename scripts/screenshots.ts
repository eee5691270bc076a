/**
 * Screenshots of the web app as people see it: the real API runs in-process on a throwaway SQLite
 * database with the demo data and one planner account, serving the built app. Run after building
 * the web app (npm start or npm test builds it):
 *
 *   node --import tsx scripts/screenshots.ts
 *
 * Needs Debian's Chromium at /usr/bin/chromium (`apt-get install chromium`; `fonts-noto-core` for
 * Arabic glyphs). Writes docs/screenshots/shell-<lang>-<viewport>[-<state>].png, then loads every
 * locale at 320 px and fails if any page scrolls sideways.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildApp,
  createAccount,
  hashPassword,
  loadConfig,
  loadDemoData,
  migrate,
  openDatabase,
  seedTaxonomy,
} from '@quartiersatlas/api';
import { type Browser, chromium, type Page } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'apps/web/dist');
const outDir = join(root, 'docs/screenshots');

const ACCOUNT = { username: 'a.yilmaz', displayName: 'Ayşe Yılmaz', role: 'planner' as const };
const PASSWORD = 'quartier-eving-2025';

async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qa-screenshots-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), production: true, webDist: dist };
  const database = openDatabase(config);
  await migrate(database.db);
  await seedTaxonomy(database.db);
  await loadDemoData(database.db);
  await createAccount(database.db, { ...ACCOUNT, passwordHash: await hashPassword(PASSWORD) });
  const app = await buildApp({ config, database });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Shot {
  lang: string;
  width: number;
  height: number;
  state?: 'signed-in' | 'api-down';
}

const SHOTS: Shot[] = [
  { lang: 'de', width: 390, height: 844 },
  { lang: 'ar', width: 390, height: 844 },
  { lang: 'de', width: 1280, height: 800 },
  { lang: 'de', width: 390, height: 844, state: 'signed-in' },
  { lang: 'uk', width: 320, height: 640, state: 'api-down' },
];

async function prepare(page: Page, shot: Shot): Promise<void> {
  if (shot.state === 'api-down') {
    await page.waitForSelector('.notice--error');
    return;
  }
  await page.waitForSelector('.quarter-card');
  await page.waitForSelector('.field-group');
  if (shot.state === 'signed-in') {
    await page.locator('input[name="username"]').fill(ACCOUNT.username);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form.sign-in button[type="submit"]').click();
    await page.waitForSelector('.account');
  }
}

async function capture(browser: Browser, url: string, shot: Shot): Promise<string> {
  // The browser language, not a stored choice, picks the locale: this also exercises detection.
  const context = await browser.newContext({
    viewport: { width: shot.width, height: shot.height },
    deviceScaleFactor: shot.width < 600 ? 2 : 1,
    locale: shot.lang,
  });
  try {
    const page = await context.newPage();
    if (shot.state === 'api-down') await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto(url);
    await prepare(page, shot);
    const suffix = shot.state ? `-${shot.state}` : '';
    const file = join(outDir, `shell-${shot.lang}-${shot.width}x${shot.height}${suffix}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  } finally {
    await context.close();
  }
}

/** Pixels the page is wider than a 320 px phone, per language (0 everywhere when nothing overflows). */
async function overflowAt320(browser: Browser, url: string): Promise<Map<string, number>> {
  const languages = (await readdir(join(root, 'packages/i18n/locales')))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length));
  const result = new Map<string, number>();
  for (const lang of languages) {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: lang });
    try {
      const page = await context.newPage();
      await page.goto(url);
      await prepare(page, { lang, width: 320, height: 640 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      result.set(lang, overflow);
    } finally {
      await context.close();
    }
  }
  return result;
}

async function main(): Promise<void> {
  await readFile(join(dist, 'index.html')).catch(() => {
    throw new Error('apps/web/dist is missing: run `pnpm --filter @quartiersatlas/web run build` first');
  });
  await mkdir(outDir, { recursive: true });
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    for (const shot of SHOTS) process.stdout.write(`${await capture(browser, server.url, shot)}\n`);
    const overflowing = [...(await overflowAt320(browser, server.url))].filter(([, px]) => px > 0);
    for (const [lang, px] of overflowing) console.error(`${lang}: the page is ${px} px wider than a 320 px screen`);
    if (overflowing.length > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
