import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../api/client.ts';
import type { Resource } from '../hooks/use-resource.ts';

export type ApiResource<T> = Resource<T> & { retry: () => void; reload: () => void };

/**
 * Loads `load()` whenever `key` changes (null: nothing to load yet). An answer that arrives after
 * the key changed is dropped, so a slow request can never overwrite a newer one. `reload` fetches
 * again while the old data stays on screen.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): ApiResource<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyRef = useRef(key);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is how retry and reload ask for the same key again
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    // A new key shows "loading"; a reload of the same key keeps what is there until the answer comes.
    if (keyRef.current !== key) setState({ status: 'loading' });
    keyRef.current = key;
    loadRef
      .current(controller.signal)
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(error) });
      });
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry, reload };
}
