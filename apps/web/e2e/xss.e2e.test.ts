/**
 * Hostile text in every free-text field, shown to a planner in real Chromium (built app, real
 * API, strict Content-Security-Policy): records list and detail, review queue and detail, the
 * overview and print report, the CSV and GeoJSON exports, and the API docs page.
 * Nothing may run (window.__xss stays unset, no dialog opens), the text appears literally, the
 * browser reports no CSP violation, and CSV cells that start like a formula are neutralised.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRIVACY_NOTICE_VERSION } from '@quartiersatlas/domain';
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

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`[skip] XSS browser test skipped: ${unavailable}`);

const Q = 'eving';
const AT: [number, number] = [7.4632, 51.5468];

/** One payload per field; each would set window.__xss to its number if it ever ran. */
const P = {
  serviceName: '<img src=x onerror="window.__xss=1"> Bäckerei',
  openingHours: '"><script>window.__xss=2</script>',
  serviceNote: 'javascript:window.__xss=3',
  formulaName: '=HYPERLINK("javascript:window.__xss=6";"Kiosk")',
  formulaNote: "@SUM(1+1)*cmd|' /C calc'!A0",
  vacancyFormerUse: "{{constructor.constructor('window.__xss=4')()}}",
  vacancyAddress: '+49 <b>fett</b> window.__xss',
  vacancyNote: '-2+3 \u202egnp.exe\u202c',
  brownfieldName: '\u202eexe.gnp <svg onload="window.__xss=5">',
  brownfieldFormerUse: '<iframe src="javascript:window.__xss=7">',
  brownfieldInterimUse: '</textarea><img src=x onerror=window.__xss=8>',
  needText: '<script>window.__xss=9</script> Spielplatz fehlt',
  sessionTitle: '<img src=x onerror="window.__xss=10"> Begehung',
  sessionNote: '<a href="javascript:window.__xss=14">hier</a>',
  residentText: '"><img src=x onerror=window.__xss=11> Bank fehlt',
  rejectedText: 'Zweiter Bedarf <style>*{display:none}</style>',
  rejectReason: '<img src=x onerror="window.__xss=12"> doppelt',
  linkTitle: '<script>window.__xss=13</script> Aushang',
};

/** Rows of a CSV file (RFC 4180 quoting), with the delimiter the first line uses most. */
function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      rows.at(-1)?.push(cell);
      cell = '';
    } else if (char === '\n') {
      rows.at(-1)?.push(cell.replace(/\r$/, ''));
      rows.push([]);
      cell = '';
    } else cell += char;
  }
  rows.at(-1)?.push(cell);
  return rows;
}

interface Api {
  cookie: string;
  csrf: string;
}

async function call(url: string, api: Api | null, method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (api) Object.assign(headers, { cookie: api.cookie, 'x-csrf-token': api.csrf });
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(new URL(path, url), {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function feature(properties: Record<string, unknown>, geometry?: unknown) {
  return {
    type: 'Feature',
    id: crypto.randomUUID(),
    geometry: geometry ?? {
      type: 'Point',
      coordinates: [AT[0] + Math.random() * 0.004, AT[1] + Math.random() * 0.002],
    },
    properties: { quarterId: Q, ...properties },
  };
}

async function seed(url: string): Promise<void> {
  const login = await fetch(new URL('api/v1/auth/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: PLANNER_ACCOUNT.username, password: PLANNER_ACCOUNT.password }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const api = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: csrfToken };
  const post = (path: string, body: unknown) => call(url, api, 'POST', path, body);
  await post(
    'api/v1/records',
    feature({
      kind: 'service',
      category: 'groceries',
      name: P.serviceName,
      openingHours: P.openingHours,
      note: P.serviceNote,
    }),
  );
  await post(
    'api/v1/records',
    feature({ kind: 'service', category: 'groceries', name: P.formulaName, note: P.formulaNote }),
  );
  await post(
    'api/v1/records',
    feature({ kind: 'vacancy', formerUse: P.vacancyFormerUse, address: P.vacancyAddress, note: P.vacancyNote }),
  );
  const [lon, lat] = AT;
  await post(
    'api/v1/records',
    feature(
      {
        kind: 'brownfield',
        name: P.brownfieldName,
        formerUse: P.brownfieldFormerUse,
        interimUse: P.brownfieldInterimUse,
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [lon, lat],
            [lon + 0.001, lat],
            [lon + 0.001, lat + 0.0007],
            [lon, lat + 0.0007],
            [lon, lat],
          ],
        ],
      },
    ),
  );
  await post('api/v1/records', feature({ kind: 'need', category: 'kita', text: P.needText, lang: 'de' }));
  await post('api/v1/sessions', {
    id: crypto.randomUUID(),
    kind: 'walkabout',
    title: P.sessionTitle,
    note: P.sessionNote,
    quarterId: Q,
    startedAt: new Date().toISOString(),
  });
  const { link } = (await post('api/v1/resident-links', {
    title: P.linkTitle,
    quarterId: Q,
    languages: ['de', 'ar'],
  })) as {
    link: { code: string };
  };
  const { token } = (await call(url, null, 'POST', `api/v1/resident-links/by-code/${link.code}/devices`)) as {
    token: string;
  };
  const consent = { noticeVersion: PRIVACY_NOTICE_VERSION, lang: 'de', givenAt: new Date().toISOString() };
  const resident = feature({ kind: 'need', category: 'kita', text: P.residentText, lang: 'de' });
  const rejected = feature({ kind: 'need', category: 'kita', text: P.rejectedText, lang: 'de' });
  for (const [need, receipt] of [
    [resident, 'AAAA-BBBB-CCCC'],
    [rejected, 'DDDD-EEEE-FFFF'],
  ] as const) {
    await call(url, null, 'POST', 'api/v1/resident/needs', { feature: need, consent, receipt }, token);
  }
  await post(`api/v1/records/${rejected.id}/reject`, { reason: P.rejectReason });
}

interface Watch {
  violations: string[];
  dialogs: string[];
}

/** Opens a page that reports every CSP violation and dialog, as a test must notice them. */
async function watchedPage(browser: Browser, watch: Watch): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'de-DE',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__QA_TEST__ = true;
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|CSP violation|Refused to/.test(text)) watch.violations.push(`${page.url()}: ${text}`);
  });
  page.on('dialog', async (dialog) => {
    watch.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return page;
}

/** Nothing ran and nothing was parsed as markup. */
async function expectInert(page: Page, watch: Watch): Promise<void> {
  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    injected: document.querySelectorAll('img[src="x"], svg[onload], iframe, [onerror], script:not([src])').length,
  }));
  expect(state).toEqual({ xss: null, injected: 0 });
  expect(watch.dialogs).toEqual([]);
  expect(watch.violations).toEqual([]);
}

/** What the page shows: its text and the values of its form fields (the record detail is a form). */
async function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')];
    return [document.body.textContent, ...fields.map((field) => field.value)].join('\n');
  });
}

async function openView(page: Page, label: string): Promise<void> {
  await page.locator('.bottom-nav__item', { hasText: label }).click();
}

describe.skipIf(unavailable !== null)('hostile text stays text (Chromium, built app, strict CSP)', () => {
  let atlas: Atlas;
  let browser: Browser;
  let page: Page;
  let downloads: string;
  const watch: Watch = { violations: [], dialogs: [] };

  beforeAll(async () => {
    atlas = await startAtlas([PLANNER_ACCOUNT]);
    await seed(atlas.url);
    downloads = mkdtempSync(join(tmpdir(), 'qa-xss-'));
    browser = await playwright.chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    page = await watchedPage(browser, watch);
    await page.goto(atlas.url);
    await signIn(page, PLANNER_ACCOUNT);
  });

  afterAll(async () => {
    await browser?.close();
    await atlas?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('shows every record text literally in the records list and the record detail', async () => {
    await openView(page, 'Einträge');
    const search = page.locator('input[type="search"]');
    for (const [name, details] of [
      [P.serviceName, [P.openingHours, P.serviceNote]],
      [P.formulaName, [P.formulaNote]],
      [P.brownfieldName, [P.brownfieldFormerUse, P.brownfieldInterimUse]],
    ] as const) {
      await search.fill(name.slice(0, 24));
      const row = page.locator('.record-row', { hasText: name.slice(0, 24) }).first();
      await row.waitFor();
      expect(await row.textContent()).toContain(name);
      await row.click();
      await expect.poll(() => bodyText(page)).toContain(details[0]);
      const text = await bodyText(page);
      for (const detail of details) expect(text).toContain(detail);
      await expectInert(page, watch);
      // The detail is the edit form; closing it unchanged leads back to the list.
      await page.getByRole('button', { name: 'Abbrechen' }).click();
      await openView(page, 'Einträge');
    }
  });

  it('shows a resident need literally in the review queue and its detail', async () => {
    await openView(page, 'Prüfen');
    const row = page.locator('.review-row', { hasText: 'Bank fehlt' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain(P.residentText);
    await row.click();
    await page.locator('.review-detail').waitFor();
    expect(await page.locator('.review-detail').textContent()).toContain(P.residentText);
    await expectInert(page, watch);
  });

  it('renders the overview report and the print report without running anything', async () => {
    await openView(page, 'Überblick');
    await page.locator('.report__controls .button--primary').click();
    await page.locator('.print-report, .report-print, [class*="print"]').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await expectInert(page, watch);
    await page.emulateMedia({ media: 'screen' });
  });

  async function download(format: 'csv' | 'geojson'): Promise<string> {
    await openView(page, 'Daten');
    // The records export is the form that offers GeoPackage (the import form offers GeoJSON too).
    const panel = page.locator('.exchange-form', { has: page.locator('input[type="radio"][value="gpkg"]') }).first();
    await panel.locator(`input[type="radio"][value="${format}"]`).first().check();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel.locator('.exchange-actions button.button--primary').click(),
    ]);
    const path = join(downloads, file.suggestedFilename());
    await file.saveAs(path);
    return readFileSync(path, 'utf8');
  }

  it('exports the texts unchanged to GeoJSON', async () => {
    const collection = JSON.parse(await download('geojson')) as {
      features: Array<{ properties: Record<string, unknown> }>;
    };
    const values = collection.features.flatMap((f) => Object.values(f.properties)).filter((v) => typeof v === 'string');
    for (const text of [P.serviceName, P.openingHours, P.formulaName, P.vacancyFormerUse, P.brownfieldName]) {
      expect(values).toContain(text);
    }
    await expectInert(page, watch);
  });

  it('exports CSV whose cells never start like a spreadsheet formula', async () => {
    const csv = (await download('csv')).replace(/^\ufeff/, '');
    const cells = parseCsv(csv).flat();
    const formula = cells.find((cell) => cell.includes('HYPERLINK'));
    expect(formula, 'the formula-like name is exported').toBeDefined();
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(formula?.endsWith(P.formulaName)).toBe(true);
    await expectInert(page, watch);
  });

  it('serves the API docs page with no CSP violation', async () => {
    const docs = await watchedPage(browser, watch);
    await docs.goto(new URL('api/docs', atlas.url).toString());
    await docs.locator('.opblock-summary').first().waitFor();
    await docs.locator('.opblock-summary').first().click();
    await docs.waitForTimeout(300);
    await expectInert(docs, watch);
  });
});
