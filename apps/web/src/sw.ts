/// <reference lib="webworker" />
/**
 * The service worker: the app shell from the precache (cold start in airplane mode), the public
 * settings the app needs before sign-in network-first with a cached fallback, and downloaded
 * basemap tiles cache-first. Records and everything else behind a sign-in are never cached here:
 * they live in IndexedDB, where the outbox and sync can see them.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import {
  BASEMAP_CACHE_PREFIX,
  isBasemapRequest,
  isPublicApi,
  PUBLIC_API_CACHE,
  PUBLIC_API_PATHS,
} from './shell/sw-routes.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Deep links (/?quarter=marten, a bookmarked view) open the shell; /api/ answers stay the API's.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

const publicApi = new NetworkFirst({ cacheName: PUBLIC_API_CACHE, networkTimeoutSeconds: 4 });
registerRoute(({ url, request, sameOrigin }) => sameOrigin && request.method === 'GET' && isPublicApi(url), publicApi);

async function fromBasemapCaches(request: Request): Promise<Response | undefined> {
  for (const name of await caches.keys()) {
    if (!name.startsWith(BASEMAP_CACHE_PREFIX)) continue;
    const hit = await (await caches.open(name)).match(request, { ignoreVary: true });
    if (hit) return hit;
  }
  return undefined;
}

// Tiles, glyphs and sprites a person downloaded for a quarter; anything else goes to the network.
registerRoute(
  ({ url, request, sameOrigin }) => request.method === 'GET' && isBasemapRequest(url, sameOrigin),
  async ({ request }) => (await fromBasemapCaches(request)) ?? fetch(request),
);

/** The first visit is not controlled yet, so its own requests never reached the cache: fetch them once. */
async function warmPublicApi(): Promise<void> {
  const cache = await caches.open(PUBLIC_API_CACHE);
  await Promise.all(
    PUBLIC_API_PATHS.map(async (path) => {
      try {
        const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
        if (response.ok) await cache.put(path, response);
      } catch {
        // Offline while installing: the app's own meta copy covers the next cold start.
      }
    }),
  );
}

self.addEventListener('activate', (event) => {
  event.waitUntil(warmPublicApi());
});

// A new version waits until the person agrees (the update prompt sends SKIP_WAITING); the very
// first one takes control at once so the page that installed it already works offline.
clientsClaim();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
