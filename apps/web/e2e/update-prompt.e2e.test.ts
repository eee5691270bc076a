/**
 * A new version of the app while the field app is open: the prompt appears, waits while changes
 * are unsynced or a form holds input, and only then reloads into the new version on request.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
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
  playwright,
  signIn,
  startAtlas,
  waitForServiceWorker,
} from './harness.ts';

const unavailable = browserTestsUnavailable();

/** Ships a "new version": a changed service worker script, then the check the app runs hourly. */
async function shipNewVersion(atlas: Atlas, page: Page, marker: string): Promise<void> {
  appendFileSync(join(atlas.webDist, 'sw.js'), `\n// ${marker}\n`);
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
  await page.waitForSelector('.update-prompt');
}

describe.skipIf(unavailable !== null)('update prompt in Chromium (built app, real API)', () => {
  let atlas: Atlas;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    atlas = await startAtlas([FIELD_ACCOUNT]);
    profile = mkdtempSync(join(tmpdir(), 'qa-chromium-update-'));
    context = await playwright.chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      viewport: { width: 390, height: 844 },
      locale: 'de-DE',
    });
    page = await context.newPage();
    await page.goto(atlas.url);
    await signIn(page, FIELD_ACCOUNT);
    await page.waitForSelector(MAP_LOADED, { timeout: 20_000 });
    await waitForServiceWorker(page);
  });

  afterAll(async () => {
    await context?.close();
    await atlas?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('reloads into a new version only when asked, with nothing unsynced and no open form', async () => {
    await shipNewVersion(atlas, page, 'version 2');
    const button = page.locator('.update-prompt__action');
    expect(await button.isEnabled()).toBe(true);

    // An open form with input holds the update back, and says why.
    await page.locator('.kind-button--vacancy').click();
    await page.locator('.capture-form input').first().fill('Ehemalige Bäckerei');
    await expect.poll(() => button.isDisabled()).toBe(true);
    expect(await page.locator('.update-prompt__reason').textContent()).toMatch(/Formular/);
    await page.locator('.capture-form button.button--secondary').last().click();
    await expect.poll(() => button.isEnabled()).toBe(true);

    const reloaded = page.waitForEvent('framenavigated');
    await button.click();
    await reloaded;
    await page.waitForSelector(MAP_LOADED, { timeout: 20_000 });
    expect(await page.locator('.update-prompt').count()).toBe(0);
  });

  it('waits while changes are not synced yet', async () => {
    // Sync cannot reach the server (the rest of the app can), so the change stays unsynced.
    await context.route('**/api/v1/sync/**', (route) => route.abort('internetdisconnected'));
    // Starting a walkabout is a change for the server: the outbox now holds it.
    await page.locator('.session-bar__actions .button').first().click();
    const title = page.locator('.session-start input');
    if ((await title.inputValue()) === '') await title.fill('Begehung Eving Nord');
    await page.locator('.session-start button[type="submit"]').click();
    await expect.poll(() => page.locator('.unsynced-badge').getAttribute('data-count')).not.toBe('0');

    await shipNewVersion(atlas, page, 'version 3');
    expect(await page.locator('.update-prompt__action').isDisabled()).toBe(true);
    expect(await page.locator('.update-prompt__reason').textContent()).toMatch(/synchronisiert/);
  });
});
