/**
 * Panning the map over 5,000 records in headless Chromium. Builds apps/web/map-bench.html (MapView
 * alone, generated records, no basemap) with Vite into a temporary directory, serves it, pans for
 * three seconds with map.panBy in requestAnimationFrame and reports the frame times.
 *
 *   node --import tsx scripts/bench/run.ts web-map
 *
 * Headless Chromium draws WebGL with SwiftShader on the CPU, so frame times are a pessimistic
 * stand-in for a phone's GPU and swing with the machine's load; the pan over an empty map is the
 * baseline to compare with. "Main-thread script per frame" is the steadier figure for our own code
 * (React renders, setData, MapLibre's JavaScript): it must not grow with the number of records.
 *
 * Screenshots of the same page, to look at the map without the app shell:
 *   node --import tsx scripts/bench/web-map.bench.ts --screenshot /tmp/map.png "lang=ar&mode=draw"
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildBenchPage, launchChromium, serveBenchPage } from './bench-page.ts';
import { type BenchResult, median } from './util.ts';

const RECORDS = 5000;
const PAN_MS = 3000;
const SLOW_FRAME_MS = 33;

/** What apps/web/src/map/bench-page.tsx puts on window. */
declare global {
  interface Window {
    __qaBench?: {
      map?: {
        once(event: 'idle', listener: (value?: unknown) => void): unknown;
        triggerRepaint(): void;
        queryRenderedFeatures(options: { layers: string[] }): Array<{ geometry: { coordinates: unknown } }>;
        project(lngLat: [number, number]): { x: number; y: number };
      };
      pan(ms: number, zoom: number): Promise<number[]>;
    };
  }
}

async function webglRenderer(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  });
}

async function openPage(browser: Browser, url: string, width = 390, height = 844): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  page.on('pageerror', (error) => process.stderr.write(`[web-map] page error: ${error.message}\n`));
  await page.goto(url);
  return page;
}

async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__qaBench?.map !== undefined, null, { timeout: 30_000 });
  await idle(page);
}

/** Waits for the map to finish loading and drawing; the repaint makes sure an idle event follows. */
async function idle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const map = window.__qaBench?.map;
        map?.once('idle', resolve);
        map?.triggerRepaint();
      }),
  );
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function withPage<T>(query: string, run: (page: Page, browser: Browser) => Promise<T>): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'qa-map-bench-'));
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    await buildBenchPage('map-bench.html', outDir);
    const served = await serveBenchPage(outDir, 'map-bench.html');
    server = served.server;
    browser = await launchChromium();
    const page = await openPage(browser, `${served.url}?${query}`);
    return await run(page, browser);
  } finally {
    await browser?.close();
    server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Main-thread JavaScript time (Chromium's ScriptDuration), to tell our code from the renderer. */
async function scriptSeconds(page: Page): Promise<() => Promise<number>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const read = async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;
  };
  const before = await read();
  return async () => (await read()) - before;
}

async function panFigures(page: Page, label: string, zoom: number, records: number): Promise<BenchResult[]> {
  const script = await scriptSeconds(page);
  const deltas = await page.evaluate(([ms, z]) => window.__qaBench?.pan(ms, z) ?? [], [PAN_MS, zoom] as const);
  const scriptMs = (await script()) * 1000;
  const slow = deltas.filter((d) => d > SLOW_FRAME_MS).length;
  const name = `web map: pan over ${records.toLocaleString('en')} records (${label})`;
  return [
    { name: `${name}, median frame`, value: median(deltas), unit: 'ms' },
    { name: `${name}, p95 frame`, value: percentile(deltas, 95), unit: 'ms' },
    { name: `${name}, frames over ${SLOW_FRAME_MS} ms`, value: (100 * slow) / Math.max(1, deltas.length), unit: '%' },
    { name: `${name}, main-thread script per frame`, value: scriptMs / Math.max(1, deltas.length), unit: 'ms/frame' },
  ];
}

export default async function (): Promise<BenchResult[]> {
  return withPage(`n=${RECORDS}`, async (page, browser) => {
    const renderer = await webglRenderer(page);
    if (renderer === null) {
      process.stderr.write('[web-map] WebGL is not available in this headless Chromium; no map figures.\n');
      return [];
    }
    process.stderr.write(`[web-map] WebGL renderer: ${renderer}; viewport 390 × 844 at 1×\n`);
    const start = performance.now();
    await waitForMap(page);
    const results: BenchResult[] = [
      {
        name: `web map: page to idle map with ${RECORDS.toLocaleString('en')} records`,
        value: performance.now() - start,
        unit: 'ms',
      },
      ...(await panFigures(page, 'clustered, z14', 14, RECORDS)),
      ...(await panFigures(page, 'single pins, z17', 17, RECORDS)),
    ];
    // The same pan over an empty map: what the software renderer costs before any record is drawn.
    const empty = await openPage(browser, page.url().replace(`n=${RECORDS}`, 'n=0'));
    await waitForMap(empty);
    results.push(...(await panFigures(empty, 'baseline, z14', 14, 0)));
    return results;
  });
}

async function screenshot(out: string, query: string): Promise<void> {
  await withPage(query, async (page) => {
    await waitForMap(page);
    const options = new URLSearchParams(query);
    if (options.has('tap')) {
      // Tap the first service pin on screen: checks tap → onSelect → highlight end to end.
      const point = await page.evaluate(() => {
        const map = window.__qaBench?.map;
        const pin = map?.queryRenderedFeatures({ layers: ['qa-service-pins'] })[0];
        return pin && map ? map.project(pin.geometry.coordinates as [number, number]) : null;
      });
      if (point) await page.mouse.click(point.x, point.y);
      await idle(page);
    }
    if (options.has('legend')) {
      await page.locator('.qa-map__controls button[aria-expanded]').click();
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: out });
    process.stderr.write(`[web-map] wrote ${out}\n`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--screenshot') {
  await screenshot(process.argv[3] ?? 'map.png', process.argv[4] ?? '');
}
