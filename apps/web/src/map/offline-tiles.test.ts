import { describe, expect, it } from 'vitest';
import {
  basemapCacheName,
  type DownloadPlan,
  deleteBasemapDownload,
  downloadBasemap,
  estimateDownload,
  OfflineTilesError,
  planBasemapDownload,
  readBasemapDownload,
} from './offline-tiles.ts';
import type { BBox } from './tile-math.ts';

// Eving, roughly.
const EVING: BBox = [7.44, 51.54, 7.5, 51.57];
const STYLE_URL = 'https://tiles.example.org/styles/basemap/style.json';

const style = {
  version: 8,
  sprite: 'https://tiles.example.org/sprites/basemap?key=abc',
  glyphs: 'https://tiles.example.org/fonts/{fontstack}/{range}.pbf',
  sources: {
    streets: { type: 'vector', url: '../../tilejson/streets.json' },
    hillshade: { type: 'raster', tiles: ['https://raster.example.org/{z}/{x}/{y}.png'], tileSize: 256, maxzoom: 14 },
    quarters: { type: 'geojson', data: 'https://tiles.example.org/quarters.geojson' },
  },
  layers: [
    { id: 'bg', type: 'background' },
    { id: 'road-label', type: 'symbol', layout: { 'text-field': '{name}', 'text-font': ['Noto Sans Regular'] } },
    {
      id: 'place-label',
      type: 'symbol',
      layout: {
        'text-field': '{name}',
        'text-font': ['step', ['zoom'], ['literal', ['Noto Sans Bold']], 12, ['literal', ['Noto Sans Regular']]],
      },
    },
    { id: 'poi-label', type: 'symbol', layout: { 'text-field': '{name}' } },
  ],
};

const tileJson = {
  tilejson: '3.0.0',
  tiles: ['../tiles/streets/{z}/{x}/{y}.pbf'],
  minzoom: 0,
  maxzoom: 14,
  bounds: [5.8, 47.2, 15.1, 55.1],
};

interface Call {
  url: string;
  method: string;
}

/** A fake server: JSON for the style and TileJSON, 1,000-byte bodies for everything else. */
function fakeServer(options: { failing?: (url: string) => boolean; emptyTiles?: boolean } = {}) {
  const calls: Call[] = [];
  const fetcher = async (url: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    calls.push({ url, method });
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (options.failing?.(url)) throw new TypeError('Failed to fetch');
    if (url === STYLE_URL) return Response.json(style);
    if (url === 'https://tiles.example.org/tilejson/streets.json') return Response.json(tileJson);
    if (options.emptyTiles && url.endsWith('.pbf') && url.includes('/14/')) return new Response(null, { status: 204 });
    const body = method === 'HEAD' ? null : new Uint8Array(1000);
    return new Response(body, { headers: { 'content-length': '1000' } });
  };
  return { calls, fetcher };
}

class FakeCache {
  readonly entries = new Map<string, Response>();
  constructor(private readonly quota = Infinity) {}
  async match(url: string) {
    return this.entries.get(url)?.clone();
  }
  async put(url: string, response: Response) {
    if (this.entries.size >= this.quota) throw new DOMException('quota', 'QuotaExceededError');
    this.entries.set(url, response);
  }
}

class FakeCaches {
  readonly caches = new Map<string, FakeCache>();
  constructor(private readonly quota = Infinity) {}
  async open(name: string) {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new FakeCache(this.quota);
      this.caches.set(name, cache);
    }
    return cache;
  }
  async has(name: string) {
    return this.caches.has(name);
  }
  async delete(name: string) {
    return this.caches.delete(name);
  }
}

const asCaches = (fake: FakeCaches) => fake as unknown as CacheStorage;

describe('planBasemapDownload', () => {
  it('lists style, TileJSON, sprites, glyph ranges and the tiles of every tiled source', async () => {
    const { fetcher } = fakeServer();
    const plan = await planBasemapDownload({
      styleUrl: STYLE_URL,
      bbox: EVING,
      minZoom: 12,
      maxZoom: 17,
      fetch: fetcher,
    });

    expect(plan.resources).toContain(STYLE_URL);
    expect(plan.resources).toContain('https://tiles.example.org/tilejson/streets.json');
    expect(plan.resources).toEqual(
      expect.arrayContaining([
        'https://tiles.example.org/sprites/basemap.json?key=abc',
        'https://tiles.example.org/sprites/basemap@2x.png?key=abc',
        'https://tiles.example.org/fonts/Noto%20Sans%20Regular/0-255.pbf',
        'https://tiles.example.org/fonts/Noto%20Sans%20Bold/8192-8447.pbf',
        'https://tiles.example.org/fonts/Open%20Sans%20Regular,Arial%20Unicode%20MS%20Regular/256-511.pbf',
      ]),
    );
    // The GeoJSON source is not tiled and is left to the app.
    expect(plan.resources.some((url) => url.includes('quarters.geojson'))).toBe(false);

    const streets = plan.tiles.filter((url) => url.includes('/tiles/streets/'));
    // Vector tiles exist up to z14 only; z15–17 over-zoom them, so nothing deeper is fetched.
    const zooms = new Set(streets.map((url) => Number(url.split('/').at(-3))));
    expect([...zooms].sort((a, b) => a - b)).toEqual([12, 13, 14]);
    expect(streets).toContain('https://tiles.example.org/tiles/streets/14/8530/5443.pbf');

    // 256 px raster tiles are drawn one level deeper than the map zoom: 13…14 after the source's maxzoom.
    const raster = plan.tiles.filter((url) => url.startsWith('https://raster.example.org/'));
    expect(new Set(raster.map((url) => Number(url.split('/')[3])))).toEqual(new Set([13, 14]));
    expect(new Set(plan.tiles).size).toBe(plan.tiles.length);
  });

  it('counts the tiles of a quarter at each zoom level', async () => {
    const { fetcher } = fakeServer();
    const plan = await planBasemapDownload({
      styleUrl: STYLE_URL,
      bbox: EVING,
      minZoom: 14,
      maxZoom: 14,
      fetch: fetcher,
    });
    const streets = plan.tiles.filter((url) => url.includes('/tiles/streets/'));
    // At z14 a tile is about 1.5 km wide here: 0.06° × 0.03° spans 3 × 3 or 4 × 3 tiles.
    expect(streets.length).toBeGreaterThanOrEqual(9);
    expect(streets.length).toBeLessThanOrEqual(16);
  });

  it('fails with STYLE when the style cannot be read', async () => {
    const fetcher = async () => new Response('nope', { status: 500 });
    await expect(planBasemapDownload({ styleUrl: STYLE_URL, bbox: EVING, fetch: fetcher })).rejects.toMatchObject({
      code: 'STYLE',
    });
  });
});

describe('estimateDownload', () => {
  it('measures the resources and extrapolates the tiles from a sample', async () => {
    const { fetcher, calls } = fakeServer();
    const plan: DownloadPlan = {
      styleUrl: STYLE_URL,
      resources: [STYLE_URL, 'https://tiles.example.org/a.json'],
      tiles: Array.from({ length: 500 }, (_, i) => `https://tiles.example.org/t/${i}.pbf`),
    };
    const estimate = await estimateDownload(plan, { fetch: fetcher, sample: 5 });
    // The style has no content-length, so it is fetched once and measured.
    expect(estimate).toEqual({ bytes: 501 * 1000 + JSON.stringify(style).length, files: 502 });
    // Five tiles were asked (with HEAD), not five hundred.
    expect(calls.filter((call) => call.url.includes('/t/'))).toHaveLength(5);
    expect(calls.filter((call) => call.url.includes('/t/')).every((call) => call.method === 'HEAD')).toBe(true);
  });
});

function smallPlan(tiles = 20): DownloadPlan {
  return {
    styleUrl: STYLE_URL,
    resources: [STYLE_URL],
    tiles: Array.from({ length: tiles }, (_, i) => `https://tiles.example.org/tiles/streets/14/${i}/1.pbf`),
  };
}

const meta = { styleUrl: STYLE_URL, bbox: EVING, minZoom: 12, maxZoom: 17 };

describe('downloadBasemap', () => {
  it('stores every file, reports progress up to the total and remembers the download', async () => {
    const { fetcher } = fakeServer();
    const storage = new FakeCaches();
    const seen: number[] = [];
    const result = await downloadBasemap(smallPlan(), {
      cacheName: basemapCacheName('eving'),
      meta,
      fetch: fetcher,
      caches: asCaches(storage),
      onProgress: (progress) => seen.push(progress.done),
      concurrency: 3,
    });
    expect(seen.at(-1)).toBe(21);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(result).toMatchObject({ files: 21, minZoom: 12 });
    expect(result.bytes).toBe(20 * 1000 + JSON.stringify(style).length);
    const cache = storage.caches.get('basemap-eving');
    expect(cache?.entries.has('https://tiles.example.org/tiles/streets/14/7/1.pbf')).toBe(true);
    expect(await readBasemapDownload('eving', asCaches(storage))).toMatchObject({ files: 21, styleUrl: STYLE_URL });
    expect(await readBasemapDownload('marten', asCaches(storage))).toBeNull();
    await deleteBasemapDownload('eving', asCaches(storage));
    expect(await readBasemapDownload('eving', asCaches(storage))).toBeNull();
  });

  it('skips empty tiles (204) without counting them as failures', async () => {
    const { fetcher } = fakeServer({ emptyTiles: true });
    const storage = new FakeCaches();
    const result = await downloadBasemap(smallPlan(5), {
      cacheName: 'basemap-x',
      meta,
      fetch: fetcher,
      caches: asCaches(storage),
    });
    expect(result.files).toBe(6);
    expect(storage.caches.get('basemap-x')?.entries.size).toBe(2); // the style and the bookkeeping entry
  });

  it('explains a full storage as QUOTA', async () => {
    const { fetcher } = fakeServer();
    const storage = new FakeCaches(4);
    await expect(
      downloadBasemap(smallPlan(), { cacheName: 'basemap-x', meta, fetch: fetcher, caches: asCaches(storage) }),
    ).rejects.toMatchObject({ code: 'QUOTA' });
  });

  it('reports NETWORK when nothing could be fetched and resumes after a partial failure', async () => {
    const storage = new FakeCaches();
    const offline = fakeServer({ failing: () => true });
    await expect(
      downloadBasemap(smallPlan(), { cacheName: 'basemap-x', meta, fetch: offline.fetcher, caches: asCaches(storage) }),
    ).rejects.toMatchObject({ code: 'NETWORK', failed: 21 });

    const flaky = fakeServer({ failing: (url) => url.includes('/14/1') });
    const error = await downloadBasemap(smallPlan(), {
      cacheName: 'basemap-x',
      meta,
      fetch: flaky.fetcher,
      caches: asCaches(storage),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineTilesError);
    expect(error).toMatchObject({ code: 'INCOMPLETE', failed: 11 }); // tiles 1 and 10–19

    const retry = fakeServer();
    await downloadBasemap(smallPlan(), {
      cacheName: 'basemap-x',
      meta,
      fetch: retry.fetcher,
      caches: asCaches(storage),
    });
    // Only what failed before is fetched again.
    expect(retry.calls).toHaveLength(11);
  });

  it('stops on cancel and removes what it had stored', async () => {
    const { fetcher } = fakeServer();
    const storage = new FakeCaches();
    const controller = new AbortController();
    const promise = downloadBasemap(smallPlan(200), {
      cacheName: 'basemap-x',
      meta,
      fetch: fetcher,
      caches: asCaches(storage),
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.done === 10) controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ code: 'ABORTED' });
    expect(storage.caches.has('basemap-x')).toBe(false);
  });
});

describe('offlineErrorCode', () => {
  it('tells quota, cancel, network and style failures apart', async () => {
    const { offlineErrorCode } = await import('./offline-tiles.ts');
    expect(offlineErrorCode(new DOMException('full', 'QuotaExceededError'))).toBe('QUOTA');
    expect(offlineErrorCode(new DOMException('stop', 'AbortError'))).toBe('ABORTED');
    expect(offlineErrorCode(new TypeError('Failed to fetch'))).toBe('NETWORK');
    expect(offlineErrorCode(new SyntaxError('Unexpected token <'))).toBe('STYLE');
    expect(offlineErrorCode(new OfflineTilesError('INCOMPLETE', 'x', 3))).toBe('INCOMPLETE');
  });
});
