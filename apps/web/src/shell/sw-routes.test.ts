import { describe, expect, it } from 'vitest';
import { isBasemapRequest, isPublicApi } from './sw-routes.ts';

const here = (path: string) => new URL(path, 'https://atlas.example');

describe('service worker routes', () => {
  it('caches only the public settings of the API, never records or accounts', () => {
    expect(isPublicApi(here('/api/v1/config'))).toBe(true);
    expect(isPublicApi(here('/api/v1/taxonomy'))).toBe(true);
    expect(isPublicApi(here('/api/v1/quarters?x=1'))).toBe(true);
    expect(isPublicApi(here('/api/v1/records'))).toBe(false);
    expect(isPublicApi(here('/api/v1/quarters/eving/records'))).toBe(false);
    expect(isPublicApi(here('/api/v1/auth/me'))).toBe(false);
  });

  it('looks in the basemap caches for other origins and non-API paths, not for /api/', () => {
    expect(isBasemapRequest(new URL('https://sgx.geodatenzentrum.de/tiles/1/2/3.pbf'), false)).toBe(true);
    expect(isBasemapRequest(here('/basemap/tiles/1/2/3.pbf'), true)).toBe(true);
    expect(isBasemapRequest(here('/api/v1/records'), true)).toBe(false);
    expect(isBasemapRequest(new URL('data:text/plain,x'), false)).toBe(false);
  });

  it('leaves sync and media requests to the network: a cached answer would hide what the server holds', () => {
    for (const path of [
      '/api/v1/sync/pull?schemaVersion=1&limit=1000',
      '/api/v1/sync/push',
      `/api/v1/media/${'a'.repeat(64)}`,
    ]) {
      expect(isPublicApi(here(path)), path).toBe(false);
      expect(isBasemapRequest(here(path), true), path).toBe(false);
    }
  });
});
