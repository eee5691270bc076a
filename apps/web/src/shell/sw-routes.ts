/**
 * Which requests the service worker answers from which cache. Pure functions, so the rules are
 * tested without a service worker (sw-routes.test.ts).
 */
export { BASEMAP_CACHE_PREFIX } from '../map/offline-tiles.ts';

/** Public settings a cold offline start needs before anyone signs in. */
export const PUBLIC_API_PATHS = ['/api/v1/config', '/api/v1/taxonomy', '/api/v1/quarters'] as const;
export const PUBLIC_API_CACHE = 'public-api';

export function isPublicApi(url: URL): boolean {
  return (PUBLIC_API_PATHS as readonly string[]).includes(url.pathname.replace(/\/$/, ''));
}

/**
 * Basemap style, tiles, glyphs and sprites come from another origin or from a path on this server
 * outside /api/. Everything under /api/ stays with the network: record answers are personal.
 */
export function isBasemapRequest(url: URL, sameOrigin: boolean): boolean {
  if (!sameOrigin) return url.protocol === 'https:' || url.protocol === 'http:';
  return !url.pathname.startsWith('/api/');
}
