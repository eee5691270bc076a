/** Steps of the browser tests, written the way a person uses the app: tap, type, wait for what shows. */
import type { Page } from './harness.ts';
import type {} from './window.d.ts';

export interface KindPlan {
  kind: 'service' | 'vacancy' | 'brownfield' | 'need';
  geometry: 'point' | 'polygon';
  category?: boolean;
  name?: string;
  /** Where to tap for a point, as fractions of the free map area; the centre by default. */
  at?: readonly [number, number];
}

/**
 * A real JPEG, drawn and encoded by the browser itself (the photo pipeline decodes and resizes it).
 * Photos are stored by content hash, so each `variant` draws a different picture.
 */
export async function testJpeg(page: Page, variant: number): Promise<Buffer> {
  const dataUrl = await page.evaluate((hue) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1600;
    canvas.height = 1200;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    const gradient = context.createLinearGradient(0, 0, 1600, 1200);
    gradient.addColorStop(0, `hsl(${hue} 60% 30%)`);
    gradient.addColorStop(1, `hsl(${hue + 40} 70% 60%)`);
    context.fillStyle = gradient;
    context.fillRect(0, 0, 1600, 1200);
    return canvas.toDataURL('image/jpeg', 0.85);
  }, variant * 67);
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
}

/**
 * Taps on the part of the map the drawing or placing panel leaves free, at a fraction of it
 * (0.5, 0.5 is its centre).
 */
async function tapMap(page: Page, fx: number, fy: number): Promise<void> {
  const canvas = await page.locator('.maplibregl-canvas').boundingBox();
  if (!canvas) throw new Error('the map canvas is not visible');
  const panel = await page.locator('.qa-map__panel').boundingBox();
  const bottom = panel ? Math.min(panel.y, canvas.y + canvas.height) : canvas.y + canvas.height;
  await page.mouse.click(canvas.x + canvas.width * fx, canvas.y + (bottom - canvas.y) * fy);
}

async function placeGeometry(page: Page, { geometry, at = [0.5, 0.5] }: KindPlan): Promise<void> {
  await page.locator('.capture-form .location-field .button--primary').click();
  await page.waitForSelector('.capture--placing .qa-map__panel');
  // Let the map settle into its new size before tapping.
  await page.waitForTimeout(300);
  if (geometry === 'point') {
    await tapMap(page, at[0], at[1]);
    await page.locator('.placing-bar .button--primary').click();
  } else {
    for (const [fx, fy] of [
      [0.4, 0.35],
      [0.62, 0.38],
      [0.6, 0.62],
      [0.38, 0.58],
    ] as const) {
      await tapMap(page, fx, fy);
    }
    // The map's own "finish" closes the outline and hands it to the form.
    await page.locator('.qa-map__panel .button--primary').click();
  }
  await page.waitForSelector('.location-field__status--set');
}

/** One capture from the kind chooser to "saved", with a photo and a voice note. */
export async function captureRecord(page: Page, plan: KindPlan, jpeg: Buffer): Promise<void> {
  await page.locator(`.kind-button--${plan.kind}`).click();
  const form = page.locator('.capture-form');
  await form.waitFor();
  if (plan.category) await form.locator('.category-tile').first().click();
  if (plan.name) await form.locator('input[name="name"]').fill(plan.name);
  await placeGeometry(page, plan);

  await form.locator('.photo-input input[type="file"][multiple]').setInputFiles({
    name: `${plan.kind}.jpg`,
    mimeType: 'image/jpeg',
    buffer: jpeg,
  });
  await form.locator('.photo-thumb').waitFor();

  const record = form.locator('.voice-recorder__button');
  await record.click();
  await form.locator('.voice-recorder__button--recording').waitFor();
  await page.waitForTimeout(1200);
  await record.click();
  await form.locator('.voice-note').waitFor();

  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached' });
  await page.locator(`.kind-button--${plan.kind}`).waitFor();
}

export interface DatabaseCounts {
  records: number;
  outbox: number;
  media: { photo: number; audio: number };
  /** Every record made here (not pulled from the server) has its create in the outbox, and vice versa. */
  outboxRecordsMatch: boolean;
}

/**
 * Reads IndexedDB directly, not through the app: what is really stored on the device. (No named
 * helper functions inside: a bundler's name-keeping helper would not exist in the page.)
 */
export async function databaseCounts(page: Page): Promise<DatabaseCounts> {
  const stores = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('quartiersatlas');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows: Record<string, unknown[]> = {};
    for (const store of ['records', 'outbox', 'media']) {
      rows[store] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return rows;
  });
  const records = (stores.records ?? []) as Array<{ id: string; serverVersion: number | null }>;
  const outbox = (stores.outbox ?? []) as Array<{ recordId: string; type: string }>;
  const media = (stores.media ?? []) as Array<{ kind: 'photo' | 'audio' }>;
  const recordIds = new Set(records.filter((record) => record.serverVersion === null).map((record) => record.id));
  const createdIds = new Set(outbox.filter((entry) => entry.type === 'create').map((entry) => entry.recordId));
  return {
    records: records.length,
    outbox: outbox.length,
    media: {
      photo: media.filter((item) => item.kind === 'photo').length,
      audio: media.filter((item) => item.kind === 'audio').length,
    },
    outboxRecordsMatch: recordIds.size === createdIds.size && [...recordIds].every((id) => createdIds.has(id)),
  };
}

/** The quarter outline layer has features on screen (the map's own render state, not a screenshot). */
export function quarterOutlineDrawn(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const map = window.__QA_MAP__;
    return map ? map.queryRenderedFeatures({ layers: ['qa-quarter-line'] }).length > 0 : false;
  });
}

/** Switches through the top bar's language dialog, as a person would. */
export async function switchLanguage(page: Page, code: string): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) === code) return;
  await page.locator('.language-button').click();
  await page.locator(`dialog[open] .language-grid__button[lang="${code}"]`).click();
  await page.waitForSelector(`html[lang="${code}"]`);
  await page
    .locator('dialog[open]')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/** Translation keys i18next reported missing, minus none: every miss is a failure. */
export function missingTranslations(reported: readonly string[]): string[] {
  return [...new Set(reported)].sort();
}

const NAMESPACES =
  'app|shell|auth|offline|update|capture|map|records|sessions|data|quarter|taxonomy|kind|common|language|error|role|field|category|demandGroup|targetGroup|footer|demo|sync|analysis|review|report|exchange';
const RAW_KEY = new RegExp(`(?<![\\w/.@])(?:${NAMESPACES})\\.[a-zA-Z][\\w.]*`, 'g');

/** Texts on screen that look like untranslated keys (`capture.field.name`). */
export async function rawKeysOnScreen(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered counts, not hidden templates
  const text = await page.evaluate(() => document.body.innerText);
  return [...new Set(text.match(RAW_KEY) ?? [])];
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations, with where they are, for a readable failure. */
export async function seriousViolations(page: Page, axeSource: string): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations as Array<{
      id: string;
      impact: string | null;
      help: string;
      nodes: Array<{ target: unknown[] }>;
    }>;
  });
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  if (serious.length > 0) console.error(JSON.stringify(serious, null, 2));
  return serious;
}
