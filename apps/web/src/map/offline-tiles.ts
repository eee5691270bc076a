import { type BBox, intersectBBox, rangeSize, type TileRange, tileRange, tileUrl } from './tile-math.ts';

/**
 * "Download this quarter for offline": everything MapLibre will request to draw the basemap over a
 * quarter (style JSON, TileJSON, tiles for a zoom range, sprites, glyph ranges) is fetched into Cache
 * Storage, one cache per quarter named by `basemapCacheName`. The service worker answers requests
 * to the basemap's origin cache-first from any cache whose name starts with BASEMAP_CACHE_PREFIX,
 * keyed by the exact request URL (see README.md beside this file).
 */
export const BASEMAP_CACHE_PREFIX = 'basemap-';

export function basemapCacheName(quarterId: string): string {
  return `${BASEMAP_CACHE_PREFIX}${quarterId}`;
}

/** Where the download's own bookkeeping lives inside its cache; `.invalid` is never fetched. */
const META_URL = 'https://quartiersatlas.invalid/basemap-download.json';

/**
 * Glyph ranges for the labels of a German basemap: Basic Latin, Latin-1, Latin Extended-A/B
 * (Turkish and Polish letters in names) and General Punctuation (dashes, quotes).
 */
const GLYPH_RANGES = ['0-255', '256-511', '8192-8447'];
/** MapLibre's default font stack for layers with text but no `text-font`. */
const DEFAULT_FONT_STACK = ['Open Sans Regular', 'Arial Unicode MS Regular'];

export type OfflineErrorCode = 'STYLE' | 'NETWORK' | 'QUOTA' | 'INCOMPLETE' | 'ABORTED' | 'UNSUPPORTED';

export class OfflineTilesError extends Error {
  constructor(
    readonly code: OfflineErrorCode,
    message: string,
    readonly failed = 0,
  ) {
    super(message);
    this.name = 'OfflineTilesError';
  }
}

export interface DownloadPlan {
  styleUrl: string;
  /** Style, TileJSON, sprites and glyph ranges. */
  resources: string[];
  tiles: string[];
}

export interface DownloadProgress {
  done: number;
  total: number;
  bytes: number;
}

export interface DownloadMeta {
  styleUrl: string;
  bbox: BBox;
  minZoom: number;
  maxZoom: number;
  files: number;
  bytes: number;
  completedAt: string;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

interface StyleSource {
  type?: string;
  url?: string;
  tiles?: string[];
  minzoom?: number;
  maxzoom?: number;
  bounds?: BBox;
  scheme?: 'xyz' | 'tms';
  tileSize?: number;
}

interface StyleJson {
  sources?: Record<string, StyleSource>;
  sprite?: string | Array<{ id: string; url: string }>;
  glyphs?: string;
  layers?: Array<{ layout?: Record<string, unknown> }>;
}

async function getJson<T>(url: string, fetcher: Fetch, signal?: AbortSignal): Promise<T> {
  const response = await fetcher(url, { signal, credentials: 'omit' });
  if (!response.ok) throw new OfflineTilesError('STYLE', `${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** MapLibre inserts the pixel ratio and extension before a sprite URL's query string. */
function spriteFiles(base: string): string[] {
  const [path, query] = base.split('?');
  const suffix = query === undefined ? '' : `?${query}`;
  return ['', '@2x'].flatMap((ratio) => [`${path}${ratio}.json${suffix}`, `${path}${ratio}.png${suffix}`]);
}

/** Font stacks named by the layers: literal arrays of strings, also inside expressions. */
function fontStacks(style: StyleJson): string[][] {
  const stacks = new Map<string, string[]>();
  const visit = (value: unknown) => {
    if (!Array.isArray(value)) return;
    if (value.length > 0 && value.every((item) => typeof item === 'string') && value[0] !== 'literal') {
      stacks.set(value.join(','), value as string[]);
      return;
    }
    for (const item of value) visit(item);
  };
  for (const layer of style.layers ?? []) {
    const layout = layer.layout ?? {};
    if ('text-font' in layout) visit(layout['text-font']);
    else if ('text-field' in layout) stacks.set(DEFAULT_FONT_STACK.join(','), DEFAULT_FONT_STACK);
  }
  return [...stacks.values()];
}

/**
 * Tile zoom levels for a map zoom range: MapLibre draws 512 px tiles at the map zoom and 256 px
 * tiles one level deeper; beyond a source's maxzoom it over-zooms the deepest tiles.
 */
function tileRanges(source: StyleSource, bbox: BBox, minZoom: number, maxZoom: number): TileRange[] {
  const offset = Math.round(Math.log2(512 / (source.tileSize ?? 512)));
  const area = source.bounds ? intersectBBox(bbox, source.bounds) : bbox;
  if (!area) return [];
  const from = Math.max(minZoom + offset, source.minzoom ?? 0);
  const to = Math.min(maxZoom + offset, source.maxzoom ?? 22);
  const ranges: TileRange[] = [];
  for (let z = from; z <= to; z++) ranges.push(tileRange(area, z));
  return ranges;
}

export interface PlanOptions {
  styleUrl: string;
  bbox: BBox;
  minZoom?: number;
  maxZoom?: number;
  fetch?: Fetch;
  signal?: AbortSignal;
}

/** Lists every URL MapLibre needs for the bbox and zoom range, reading the style and its TileJSON. */
export async function planBasemapDownload(options: PlanOptions): Promise<DownloadPlan> {
  const { styleUrl, bbox, minZoom = 12, maxZoom = 17, signal } = options;
  const fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  const style = await getJson<StyleJson>(styleUrl, fetcher, signal);
  const resources = [styleUrl];
  const tiles = new Set<string>();
  for (const declared of Object.values(style.sources ?? {})) {
    if (!['vector', 'raster', 'raster-dem'].includes(declared.type ?? '')) continue;
    let source: StyleSource = declared;
    let base = styleUrl;
    if (declared.url) {
      base = new URL(declared.url, styleUrl).href;
      resources.push(base);
      const tileJson = await getJson<StyleSource>(base, fetcher, signal);
      // Properties in the style override those of the TileJSON, as in MapLibre.
      source = { ...tileJson, ...declared };
    }
    const templates = (source.tiles ?? []).map((template) => absoluteTemplate(template, base));
    for (const range of tileRanges(source, bbox, minZoom, maxZoom)) {
      for (let x = range.minX; x <= range.maxX; x++) {
        for (let y = range.minY; y <= range.maxY; y++) {
          // A source with several hosts serves each tile from one of them, chosen per tile.
          const template = templates[(x + y) % Math.max(1, templates.length)];
          if (template) tiles.add(tileUrl(template, range.z, x, y, source.scheme));
        }
      }
    }
  }
  const sprites = typeof style.sprite === 'string' ? [style.sprite] : (style.sprite ?? []).map((s) => s.url);
  for (const sprite of sprites) resources.push(...spriteFiles(new URL(sprite, styleUrl).href));
  if (style.glyphs) {
    for (const stack of fontStacks(style)) {
      for (const range of GLYPH_RANGES) {
        const url = style.glyphs.replace('{fontstack}', stack.join(',')).replace('{range}', range);
        resources.push(new URL(url, styleUrl).href);
      }
    }
  }
  return { styleUrl, resources, tiles: [...tiles] };
}

/** Resolves a template relative to its style/TileJSON without escaping the braces. */
function absoluteTemplate(template: string, base: string): string {
  return /^[a-z][a-z\d+.-]*:/i.test(template) ? template : decodeURI(new URL(template, base).href);
}

/** Tile count for a bbox and zoom range at 512 px tiles, before reading the style (a quick first figure). */
export function countTiles(bbox: BBox, minZoom: number, maxZoom: number): number {
  let count = 0;
  for (let z = minZoom; z <= maxZoom; z++) count += rangeSize(tileRange(bbox, z));
  return count;
}

async function sizeOf(url: string, fetcher: Fetch, signal?: AbortSignal): Promise<number> {
  const head = await fetcher(url, { method: 'HEAD', signal, credentials: 'omit' });
  if (head.status === 204 || head.status === 404) return 0;
  const length = Number(head.headers.get('content-length'));
  if (head.ok && Number.isFinite(length) && length > 0) return length;
  // No length (chunked or compressed on the fly): fetch it once and measure.
  const response = await fetcher(url, { signal, credentials: 'omit' });
  return response.ok ? (await response.arrayBuffer()).byteLength : 0;
}

/**
 * Estimated download size: the resources measured one by one, the tiles from an evenly spread
 * sample (across all zoom levels) times their count.
 */
export async function estimateDownload(
  plan: DownloadPlan,
  options: { fetch?: Fetch; signal?: AbortSignal; sample?: number } = {},
): Promise<{ bytes: number; files: number }> {
  const fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  const sampleSize = Math.min(options.sample ?? 8, plan.tiles.length);
  let bytes = 0;
  for (const url of plan.resources) bytes += await sizeOf(url, fetcher, options.signal);
  if (sampleSize > 0) {
    let sampled = 0;
    for (let i = 0; i < sampleSize; i++) {
      const url = plan.tiles[Math.floor(((i + 0.5) * plan.tiles.length) / sampleSize)] as string;
      sampled += await sizeOf(url, fetcher, options.signal);
    }
    bytes += (sampled / sampleSize) * plan.tiles.length;
  }
  return { bytes: Math.round(bytes), files: plan.resources.length + plan.tiles.length };
}

/** The code to explain any failure of planning, estimating or downloading with. */
export function offlineErrorCode(error: unknown): OfflineErrorCode {
  if (error instanceof OfflineTilesError) return error.code;
  if (isQuotaError(error)) return 'QUOTA';
  if (error instanceof DOMException && error.name === 'AbortError') return 'ABORTED';
  // fetch rejects with a TypeError when the network or CORS fails; a broken JSON is a broken style.
  return error instanceof SyntaxError ? 'STYLE' : 'NETWORK';
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}

export interface DownloadOptions {
  cacheName: string;
  meta: Omit<DownloadMeta, 'files' | 'bytes' | 'completedAt'>;
  fetch?: Fetch;
  caches?: CacheStorage;
  signal?: AbortSignal;
  onProgress?(progress: DownloadProgress): void;
  /** Parallel requests; browsers allow about six per host anyway. */
  concurrency?: number;
}

/**
 * Fetches every URL of the plan into the cache. Files already there are skipped, so a download
 * interrupted by a network error resumes where it stopped. Cancelling removes the cache again.
 * Empty tiles (204/404) are normal for vector tiles and are not stored.
 */
export async function downloadBasemap(plan: DownloadPlan, options: DownloadOptions): Promise<DownloadMeta> {
  const storage = options.caches ?? globalThis.caches;
  if (!storage) throw new OfflineTilesError('UNSUPPORTED', 'Cache Storage is not available');
  const fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  const { signal } = options;
  const cache = await storage.open(options.cacheName);
  const urls = [...plan.resources, ...plan.tiles];
  const progress: DownloadProgress = { done: 0, total: urls.length, bytes: 0 };
  let failed = 0;
  let next = 0;
  let fatal: unknown;

  const one = async (url: string) => {
    const cached = await cache.match(url);
    if (cached) {
      progress.bytes += Number(cached.headers.get('content-length')) || 0;
      return;
    }
    const response = await fetcher(url, { signal, credentials: 'omit' });
    if (response.status === 204 || response.status === 404) return;
    if (!response.ok) {
      failed += 1;
      return;
    }
    const size = (await response.clone().arrayBuffer()).byteLength;
    await cache.put(url, response);
    progress.bytes += size;
  };

  const worker = async () => {
    while (fatal === undefined && next < urls.length) {
      const url = urls[next++] as string;
      try {
        if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
        await one(url);
      } catch (error) {
        if (isQuotaError(error) || isAbort(error, signal)) fatal ??= error;
        else failed += 1;
        if (fatal !== undefined) return;
      }
      progress.done += 1;
      options.onProgress?.({ ...progress });
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 6) }, worker));

  if (fatal !== undefined) {
    if (isAbort(fatal, signal)) {
      await storage.delete(options.cacheName);
      throw new OfflineTilesError('ABORTED', 'download cancelled');
    }
    throw new OfflineTilesError('QUOTA', 'the browser refused to store more data');
  }
  if (failed > 0) {
    const code = failed === urls.length ? 'NETWORK' : 'INCOMPLETE';
    throw new OfflineTilesError(code, `${failed} of ${urls.length} files could not be downloaded`, failed);
  }
  const meta: DownloadMeta = {
    ...options.meta,
    files: urls.length,
    bytes: progress.bytes,
    completedAt: new Date().toISOString(),
  };
  await cache.put(META_URL, new Response(JSON.stringify(meta), { headers: { 'content-type': 'application/json' } }));
  return meta;
}

/** The finished download of a quarter, or null when there is none (or it never completed). */
export async function readBasemapDownload(
  quarterId: string,
  storage = globalThis.caches,
): Promise<DownloadMeta | null> {
  if (!storage || !(await storage.has(basemapCacheName(quarterId)))) return null;
  const cache = await storage.open(basemapCacheName(quarterId));
  const response = await cache.match(META_URL);
  return response ? ((await response.json()) as DownloadMeta) : null;
}

export async function deleteBasemapDownload(quarterId: string, storage = globalThis.caches): Promise<void> {
  await storage?.delete(basemapCacheName(quarterId));
}
