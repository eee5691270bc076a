/**
 * The web app's two budgets, measured on the built app (apps/web/dist):
 * - initial JavaScript: the entry module and everything it imports statically (what a phone must
 *   download and parse before the first screen), gzipped; the lazily loaded map chunk is excluded;
 * - cold offline start: after one online visit (service worker installed, signed in), the browser
 *   is restarted in airplane mode and the time from navigation start to the map's "loaded" signal
 *   (`data-map-state="loaded"`: style in, quarter outline drawn) is measured, median of 5.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  CHROMIUM_ARGS,
  chromiumPath,
  DIST,
  FIELD_ACCOUNT,
  MAP_LOADED,
  playwright,
  signIn,
  startAtlas,
  waitForServiceWorker,
} from '../../apps/web/e2e/harness.ts';
import { type BenchResult, median } from './util.ts';

const RUNS = 5;
const VIEWPORT = { width: 390, height: 844 };

/** Static `import … from "./x.js"` and `import "./x.js"` of a built chunk; `import("./x.js")` is lazy and left out. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/\bimport\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/** Entry scripts and modulepreload links of index.html, as paths below dist/. */
export function entryScripts(html: string): string[] {
  const paths = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+type="module"[^>]*src="([^"]+)"/g)) if (match[1]) paths.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g))
    if (match[1]) paths.add(match[1]);
  return [...paths].map((path) => path.replace(/^\//, ''));
}

function initialJavaScript(): { files: string[]; gzipBytes: number } {
  const seen = new Set<string>();
  const queue = entryScripts(readFileSync(join(DIST, 'index.html'), 'utf8'));
  let gzipBytes = 0;
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(DIST, file));
    gzipBytes += gzipSync(code).length;
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const target of staticImports(code.toString('utf8'))) {
      queue.push(target.startsWith('/') ? target.slice(1) : join(dir, target).replace(/\\/g, '/'));
    }
  }
  return { files: [...seen], gzipBytes };
}

async function coldOfflineStarts(): Promise<number[]> {
  const atlas = await startAtlas([FIELD_ACCOUNT]);
  const profile = mkdtempSync(join(tmpdir(), 'qa-bench-web-'));
  const launch = (offline: boolean) =>
    playwright.chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      locale: 'de-DE',
      offline,
    });
  try {
    const online = await launch(false);
    const page = await online.newPage();
    await page.goto(atlas.url);
    await signIn(page, FIELD_ACCOUNT);
    await page.waitForSelector(MAP_LOADED, { timeout: 30_000 });
    await waitForServiceWorker(page);
    await online.close();
    await atlas.close();

    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await launch(true);
      try {
        const cold = await context.newPage();
        // Stamped in the page itself the moment the signal appears, so polling adds nothing.
        // No named helpers inside: tsx's name-keeping helper does not exist in the page.
        await cold.addInitScript(() => {
          new MutationObserver(() => {
            const w = window as Window & { __mapLoadedAt?: number };
            if (w.__mapLoadedAt === undefined && document.querySelector('[data-map-state="loaded"]')) {
              w.__mapLoadedAt = performance.now();
            }
          }).observe(document, { subtree: true, childList: true, attributes: true });
        });
        await cold.goto(atlas.url);
        await cold.waitForSelector(MAP_LOADED, { timeout: 30_000 });
        times.push(
          await cold.evaluate(() => (window as Window & { __mapLoadedAt?: number }).__mapLoadedAt ?? Number.NaN),
        );
      } finally {
        await context.close();
      }
    }
    return times;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<BenchResult[]> {
  const initial = initialJavaScript();
  process.stderr.write(`[bench] initial JavaScript: ${initial.files.join(', ')}\n`);
  const results: BenchResult[] = [
    {
      name: 'web: initial JavaScript, gzip (map chunk excluded)',
      value: initial.gzipBytes / 1024,
      unit: 'KB',
      target: 300,
    },
  ];
  const times = await coldOfflineStarts();
  process.stderr.write(`[bench] cold offline starts (ms): ${times.map((t) => t.toFixed(0)).join(', ')}\n`);
  results.push({
    name: 'web: cold offline start to interactive map (median of 5)',
    value: median(times),
    unit: 'ms',
    target: 2000,
  });
  return results;
}
