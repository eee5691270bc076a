/**
 * What the browser tests, the screenshots and the web benchmark share: the real API in-process on a
 * throwaway SQLite database with the demo data, serving the BUILT app (apps/web/dist), and Debian's
 * Chromium driven by playwright-core. playwright-core and axe-core are dependencies of scripts/, so
 * they are resolved from there (this file is also imported by scripts/screenshots.ts).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Playwright from '../../../scripts/node_modules/playwright-core/index.js';
import {
  buildApp,
  createAccount,
  hashPassword,
  loadConfig,
  loadDemoData,
  loadDemoPopulation,
  migrate,
  openDatabase,
  seedTaxonomy,
} from '../../api/src/index.ts';

export type { Browser, BrowserContext, Page } from '../../../scripts/node_modules/playwright-core/index.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST = join(ROOT, 'apps/web/dist');
const fromScripts = createRequire(join(ROOT, 'scripts/package.json'));

export const playwright = fromScripts('playwright-core') as typeof Playwright;

export interface TestAccount {
  username: string;
  password: string;
  displayName: string;
  role: 'admin' | 'planner' | 'field' | 'resident';
}

export const FIELD_ACCOUNT: TestAccount = {
  username: 'feld.eving',
  password: 'feldteam-eving-2025',
  displayName: 'Jonas Becker',
  role: 'field',
};

export const PLANNER_ACCOUNT: TestAccount = {
  username: 'a.yilmaz',
  password: 'quartier-eving-2025',
  displayName: 'Ayşe Yılmaz',
  role: 'planner',
};

/**
 * Chromium in a container: no sandbox, no GPU process; WebGL then runs on SwiftShader, which newer
 * Chromium versions only allow with --enable-unsafe-swiftshader. Fake media devices let the voice
 * note recorder run without a microphone or a permission prompt.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Why the browser tests cannot run here, or null when they can. On CI a missing browser or a
 * missing build is an error, not a reason to skip.
 */
export function browserTestsUnavailable(): string | null {
  const problems: string[] = [];
  if (!existsSync(chromiumPath())) problems.push(`no Chromium at ${chromiumPath()} (apt-get install chromium)`);
  if (!existsSync(join(DIST, 'sw.js'))) problems.push('apps/web/dist is not built (npm test builds it)');
  if (problems.length === 0) return null;
  const reason = problems.join('; ');
  if (process.env.CI === 'true') throw new Error(`browser tests cannot run, and CI requires them: ${reason}`);
  return reason;
}

export interface Atlas {
  url: string;
  /** The served copy of the build (tests may change it to ship a "new version"). */
  webDist: string;
  close(): Promise<void>;
}

/**
 * The real API with demo data and the given accounts, listening on a free port of 127.0.0.1. It
 * serves a copy of the build, so a rebuild while the tests run cannot pull files from under them.
 */
export async function startAtlas(accounts: TestAccount[] = [FIELD_ACCOUNT]): Promise<Atlas> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qa-web-'));
  const webDist = join(dataDir, 'web');
  cpSync(DIST, webDist, { recursive: true });
  // No basemap: the default (basemap.de) is not reachable from test machines, and the map must work without one.
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', BASEMAP_STYLE_URL: 'none' };
  const config = { ...loadConfig(env), production: true, webDist };
  const database = openDatabase(config);
  await migrate(database.db);
  await seedTaxonomy(database.db);
  await loadDemoData(database.db);
  await loadDemoPopulation(database.db);
  for (const { password, ...account } of accounts) {
    await createAccount(database.db, { ...account, passwordHash: await hashPassword(password) });
  }
  const app = await buildApp({ config, database });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    webDist,
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** axe-core's browser bundle, to inject with page.addScriptTag. */
export function axeSource(): string {
  return readFileSync(fromScripts.resolve('axe-core/axe.min.js'), 'utf8');
}

/** Resolves once the service worker controls the page and the precache is complete. */
export async function waitForServiceWorker(page: Playwright.Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
      });
    }
    return registration.active?.state;
  });
}

/** Signs in through the first screen, as a person would. */
export async function signIn(page: Playwright.Page, account: TestAccount): Promise<void> {
  await page.locator('input[name="username"]').fill(account.username);
  await page.locator('input[name="password"]').fill(account.password);
  await page.locator('form.sign-in button[type="submit"]').click();
  await page.waitForSelector('.top-bar');
}

/** The map's own signal (a data attribute on its container) that the style and the quarter outline are drawn. */
export const MAP_LOADED = '[data-map-state="loaded"]';
