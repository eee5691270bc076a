/**
 * The gap heatmap with 20,000 H3 cells in headless Chromium. Builds apps/web/heatmap-bench.html
 * (the real AnalysisMap with the real measure styles, no basemap) with Vite into a temporary
 * directory, hands it a grid of 20,000 resolution-10 cells around Dortmund's centre (about the
 * city's area) and reports:
 *   - time to first render: grid handed to the view → map idle with the cells drawn (React, the
 *     class breaks, setData, MapLibre's worker tiling and the first frames);
 *   - frame times while panning (requestAnimationFrame deltas, map.panBy each frame) over the whole
 *     city (z12) and zoomed in (z14), and over the same map without cells as the baseline.
 *
 *   node --import tsx scripts/bench/run.ts heatmap
 *
 * Headless Chromium draws WebGL with SwiftShader on the CPU: frame times are a pessimistic stand-in
 * for a laptop's GPU and swing with the machine's load; compare with the baseline. Screenshot:
 *   node --import tsx scripts/bench/heatmap.bench.ts --screenshot /tmp/heat.png "measure=deficit"
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HexFeatureCollection, HexProperties } from '@quartiersatlas/gap';
import type { Browser, Page } from 'playwright-core';
import { buildBenchPage, launchChromium, serveBenchPage } from './bench-page.ts';
import { type BenchResult, median, mulberry32 } from './util.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CELLS = 20_000;
const RESOLUTION = 10;
const PAN_FRAMES = 120;
const SLOW_FRAME_MS = 33;
/** Dortmund, Alter Markt. */
const CENTRE = { lat: 51.514, lng: 7.465 };

/** What apps/web/src/analysis/bench-page.tsx puts on window. */
declare global {
  interface Window {
    __qaHeatBench?: {
      map?: unknown;
      render(grid: HexFeatureCollection): Promise<number>;
      pan(frames: number, zoom: number): Promise<number[]>;
    };
  }
}

interface H3 {
  latLngToCell(lat: number, lng: number, resolution: number): string;
  gridDisk(cell: string, k: number): string[];
  cellToBoundary(cell: string, geoJson: boolean): Array<[number, number]>;
  cellToLatLng(cell: string): [number, number];
  cellArea(cell: string, unit: 'km2'): number;
}

/** h3-js belongs to packages/gap; load it from there. */
function h3(): H3 {
  return createRequire(join(root, 'packages/gap/package.json'))('h3-js') as H3;
}

/**
 * 20,000 cells with every measure the engine writes, made up but shaped like a city: people
 * thin out from the centre, supply is patchy, about 4 % of the populated cells reach nothing and
 * about 6 % hold voiced needs but nobody of the group — so all three cell layers draw.
 */
export function syntheticGrid(count = CELLS): HexFeatureCollection {
  const lib = h3();
  const random = mulberry32(20_000);
  const centre = lib.latLngToCell(CENTRE.lat, CENTRE.lng, RESOLUTION);
  let k = 1;
  while (3 * k * (k + 1) + 1 < count) k++;
  const cells = lib.gridDisk(centre, k).slice(0, count);
  const [clat, clng] = lib.cellToLatLng(centre);
  const rows = cells.map((h3Index) => {
    const [lat, lng] = lib.cellToLatLng(h3Index);
    const distanceKm = Math.hypot((lat - clat) * 111.2, (lng - clng) * 69.3);
    const empty = random() < 0.06;
    const population = empty ? 0 : Math.round((40 + random() * 160) * Math.exp(-distanceKm / 6));
    const unreachable = !empty && random() < 0.04;
    const supplyPer1000 = unreachable || empty ? null : random() * random() * 0.8;
    const deficit = empty ? 0 : unreachable ? population : population * Math.max(0, 1 - (supplyPer1000 ?? 0) / 0.25);
    const needsCount = random() < 0.08 || empty ? 1 + Math.floor(random() * 4) : 0;
    const areaKm2 = lib.cellArea(h3Index, 'km2');
    return { h3Index, population, unreachable, supplyPer1000, deficit, needsCount, areaKm2, empty };
  });
  const maxDeficit = Math.max(...rows.map((row) => row.deficit));
  const maxDensity = Math.max(...rows.map((row) => (row.needsCount * 1.5) / row.areaKm2));
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => {
      const needsWeighted = row.needsCount * 1.5;
      const needDensity = needsWeighted / row.areaKm2;
      const accessScore = row.empty ? 0 : row.unreachable ? 1 : Math.max(0, 1 - (row.supplyPer1000 ?? 0) / 0.25);
      const deficitScore = row.deficit / maxDeficit;
      const needScore = needDensity / maxDensity;
      const properties: HexProperties = {
        h3: row.h3Index,
        areaKm2: row.areaKm2,
        population: row.population,
        unreachablePopulation: row.unreachable ? row.population : 0,
        coverageShare: row.empty ? null : row.unreachable ? 0 : 1,
        accessibility: row.supplyPer1000 === null ? null : row.supplyPer1000 / 1000,
        supplyPer1000: row.supplyPer1000,
        deficit: row.deficit,
        servedShare: row.empty ? null : 1 - row.deficit / Math.max(1, row.population),
        needsCount: row.needsCount,
        needsWeighted,
        needDensity,
        nearestDistanceM: row.unreachable || row.empty ? null : 50 + random() * 700,
        nearestServiceId: row.unreachable || row.empty ? null : `service-${Math.floor(random() * 400)}`,
        deficitScore,
        needScore,
        accessScore,
        priority: 0.5 * deficitScore + 0.3 * needScore + 0.2 * accessScore,
      };
      return {
        type: 'Feature' as const,
        id: row.h3Index,
        geometry: { type: 'Polygon' as const, coordinates: [lib.cellToBoundary(row.h3Index, true)] },
        properties,
      };
    }),
  };
}

async function openPage(browser: Browser, url: string, width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  page.on('pageerror', (error) => process.stderr.write(`[heatmap] page error: ${error.message}\n`));
  await page.goto(url);
  await page.waitForFunction(() => window.__qaHeatBench?.map !== undefined, null, { timeout: 60_000 });
  return page;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
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

async function panFigures(page: Page, label: string, zoom: number): Promise<BenchResult[]> {
  const script = await scriptSeconds(page);
  const deltas = await page.evaluate(([frames, z]) => window.__qaHeatBench?.pan(frames, z) ?? [], [
    PAN_FRAMES,
    zoom,
  ] as const);
  const scriptMs = (await script()) * 1000;
  const slow = deltas.filter((d) => d > SLOW_FRAME_MS).length;
  const name = `heatmap: pan ${label}`;
  return [
    { name: `${name}, median frame`, value: median(deltas), unit: 'ms' },
    { name: `${name}, p95 frame`, value: percentile(deltas, 95), unit: 'ms' },
    { name: `${name}, frames over ${SLOW_FRAME_MS} ms`, value: (100 * slow) / Math.max(1, deltas.length), unit: '%' },
    { name: `${name}, main-thread script per frame`, value: scriptMs / Math.max(1, deltas.length), unit: 'ms/frame' },
  ];
}

async function withPage<T>(
  query: string,
  width: number,
  height: number,
  run: (page: Page, browser: Browser, url: string) => Promise<T>,
): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'qa-heatmap-bench-'));
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    await buildBenchPage('heatmap-bench.html', outDir);
    const served = await serveBenchPage(outDir, 'heatmap-bench.html');
    server = served.server;
    browser = await launchChromium();
    const url = `${served.url}?${query}`;
    return await run(await openPage(browser, url, width, height), browser, url);
  } finally {
    await browser?.close();
    server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

export default async function (): Promise<BenchResult[]> {
  const grid = syntheticGrid();
  const cells = grid.features.length.toLocaleString('en');
  // A planner's laptop: the heatmap view at desk width.
  return withPage('measure=priority', 1280, 800, async (page, browser, url) => {
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      return gl ? String(gl.getParameter(gl.RENDERER)) : null;
    });
    if (renderer === null) {
      process.stderr.write('[heatmap] WebGL is not available in this headless Chromium; no heatmap figures.\n');
      return [];
    }
    process.stderr.write(`[heatmap] WebGL renderer: ${renderer}; viewport 1280 × 800 at 1×; ${cells} cells\n`);
    const firstRender = await page.evaluate((data) => window.__qaHeatBench?.render(data) ?? -1, grid);
    const results: BenchResult[] = [
      {
        name: `heatmap: ${cells} H3 cells, time to first render (data in → map idle, cells drawn)`,
        value: firstRender,
        unit: 'ms',
      },
      ...(await panFigures(page, `over ${cells} cells, whole city (z12)`, 12)),
      ...(await panFigures(page, `over ${cells} cells, zoomed in (z14)`, 14)),
    ];
    // The same pans without cells: what the software renderer costs before any cell is drawn.
    const empty = await openPage(browser, url, 1280, 800);
    results.push(...(await panFigures(empty, 'baseline without cells (z12)', 12)));
    return results;
  });
}

async function screenshot(out: string, query: string): Promise<void> {
  const options = new URLSearchParams(query);
  const width = Number(options.get('width') ?? 1280);
  const height = Number(options.get('height') ?? 800);
  await withPage(query, width, height, async (page) => {
    await page.evaluate((data) => window.__qaHeatBench?.render(data), syntheticGrid());
    await page.waitForTimeout(300);
    await page.screenshot({ path: out });
    process.stderr.write(`[heatmap] wrote ${out}\n`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--screenshot') {
  await screenshot(process.argv[3] ?? 'heatmap.png', process.argv[4] ?? '');
}
