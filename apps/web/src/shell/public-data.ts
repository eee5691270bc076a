import type { Taxonomy } from '@quartiersatlas/domain';
import { useCallback, useEffect, useState } from 'react';
import { type ApiError, request, toApiError } from '../api/client.ts';
import type { QuarterCollection } from '../api/endpoints.ts';
import { setMeta } from '../data/index.ts';
import { type MetaState, useMetaState } from './meta-state.ts';

export interface AppConfig {
  basemap: { styleUrl: string | null };
}

/** What the app needs before anyone signs in, and what forms validate against offline. */
export const PUBLIC_DATA = {
  config: '/api/v1/config',
  taxonomy: '/api/v1/taxonomy',
  quarters: '/api/v1/quarters',
} as const;

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ApiError; retry: () => void };

type FetchState = { status: 'pending' } | { status: 'done' } | { status: 'failed'; error: ApiError };

/**
 * The stored copy in IndexedDB meta is the source of truth, so a cold start offline shows the last
 * copy at once; every start fetches a fresh one (through the service worker's network-first route)
 * and stores it. Only when neither exists is there an error to show.
 */
export function combine<T>(stored: MetaState<T>, fetched: FetchState, retry: () => void): Loadable<T> {
  if (stored.loaded && stored.value !== null) return { status: 'ready', data: stored.value };
  if (!stored.loaded || fetched.status !== 'failed') return { status: 'loading' };
  return { status: 'error', error: fetched.error, retry };
}

function usePublic<T>(key: keyof typeof PUBLIC_DATA): Loadable<T> {
  const stored = useMetaState<T>(key);
  const [attempt, setAttempt] = useState(0);
  const [fetched, setFetched] = useState<FetchState>({ status: 'pending' });

  useEffect(() => {
    const controller = new AbortController();
    if (attempt > 0) setFetched({ status: 'pending' });
    request<T>(PUBLIC_DATA[key], { signal: controller.signal })
      .then(async (data) => {
        await setMeta(key, data);
        setFetched({ status: 'done' });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFetched({ status: 'failed', error: toApiError(error) });
      });
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return combine(stored, fetched, retry);
}

export interface PublicData {
  config: Loadable<AppConfig>;
  taxonomy: Loadable<Taxonomy>;
  quarters: Loadable<QuarterCollection>;
}

export function usePublicData(): PublicData {
  return {
    config: usePublic<AppConfig>('config'),
    taxonomy: usePublic<Taxonomy>('taxonomy'),
    quarters: usePublic<QuarterCollection>('quarters'),
  };
}
