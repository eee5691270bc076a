import type { PublicResidentLink } from '@quartiersatlas/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { type ApiError, request, toApiError } from '../api/client.ts';
import type { MetaState } from '../shell/meta-state.ts';
import { combine, type Loadable } from '../shell/public-data.ts';
import { ensureToken } from './outbox.ts';
import { type ResidentCache, residentDb, writeCache } from './resident-db.ts';

const PATHS = { taxonomy: '/api/v1/taxonomy', quarters: '/api/v1/quarters', config: '/api/v1/config' } as const;

type FetchState = { status: 'pending' } | { status: 'done' } | { status: 'failed'; error: ApiError };

const LOADING = Symbol('loading');

/** A public API answer, from the resident database at once and fetched fresh on every start. */
export function useCachedPublic<K extends keyof typeof PATHS>(key: K): Loadable<ResidentCache[K]> {
  const stored: ResidentCache[K] | null | typeof LOADING = useLiveQuery(
    async () => ((await residentDb.cache.get(key))?.value ?? null) as ResidentCache[K] | null,
    [key],
    LOADING,
  );
  const [attempt, setAttempt] = useState(0);
  const [fetched, setFetched] = useState<FetchState>({ status: 'pending' });
  useEffect(() => {
    const controller = new AbortController();
    if (attempt > 0) setFetched({ status: 'pending' });
    request<ResidentCache[K]>(PATHS[key], { signal: controller.signal, token: null })
      .then(async (data) => {
        await writeCache(key, data);
        setFetched({ status: 'done' });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFetched({ status: 'failed', error: toApiError(error) });
      });
    return () => controller.abort();
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const meta: MetaState<ResidentCache[K]> = stored === LOADING ? { loaded: false } : { loaded: true, value: stored };
  return combine(meta, fetched, retry);
}

export type LinkState =
  | { status: 'loading' }
  | { status: 'ready'; link: PublicResidentLink }
  | { status: 'closed'; link: PublicResidentLink | null }
  | { status: 'unknown' }
  | { status: 'error'; error: ApiError; retry: () => void };

/**
 * The link behind `/r/<code>`: the stored copy when there is no network, the server's answer
 * otherwise. Online, the phone registers itself for the link right away, so that it holds a token
 * before it may lose the connection.
 */
export function useResidentLink(code: string): LinkState {
  const [state, setState] = useState<LinkState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let active = true;
    const controller = new AbortController();
    const set = (next: LinkState) => {
      if (active) setState(next);
    };
    if (attempt > 0) set({ status: 'loading' });
    void (async () => {
      const stored = await residentDb.links.get(code);
      if (stored) set(stored.closed ? { status: 'closed', link: stored.link } : { status: 'ready', link: stored.link });
      try {
        const { link } = await request<{ link: PublicResidentLink }>(
          `/api/v1/resident-links/by-code/${encodeURIComponent(code)}`,
          { signal: controller.signal, token: null },
        );
        await residentDb.links.put({ code, link, token: stored?.token ?? null, closed: false });
        set({ status: 'ready', link });
        await ensureToken(code).catch(() => undefined);
      } catch (error) {
        if (controller.signal.aborted) return;
        const failure = toApiError(error);
        if (failure.status === 410) {
          if (stored) await residentDb.links.update(code, { closed: true });
          set({ status: 'closed', link: stored?.link ?? null });
        } else if (failure.status === 404) {
          set({ status: 'unknown' });
        } else if (!stored) {
          set({ status: 'error', error: failure, retry });
        }
      }
    })();
    return () => {
      active = false;
      controller.abort();
    };
  }, [code, attempt, retry]);

  return state;
}
