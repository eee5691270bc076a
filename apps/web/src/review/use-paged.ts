import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/client.ts';
import type { Page } from './review-api.ts';

export interface Paged<T> {
  /** `loading` only before the first page arrived (or while reloading after an error). */
  status: 'loading' | 'error' | 'ready';
  error: ApiError | null;
  items: T[];
  /** More items wait on the server. */
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  reload(): void;
  /** Takes an item out of the list at once, after an action on it succeeded. */
  remove(id: string): void;
}

/**
 * A list the server sends page by page. `key` names what is listed (a filter): a new key starts
 * over. A reload keeps the items shown until the fresh first page replaces them, so the list does
 * not blink after each action.
 */
export function usePaged<T extends { id: string }>(
  key: string,
  load: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<Paged<T>['status']>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const moreController = useRef<AbortController | null>(null);
  const shownKey = useRef(key);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and generation are what ask for a fresh first page
  useEffect(() => {
    const controller = new AbortController();
    moreController.current?.abort();
    setLoadingMore(false);
    setError(null);
    if (shownKey.current !== key) {
      shownKey.current = key;
      setItems([]);
      setStatus('loading');
    }
    loadRef.current(null, controller.signal).then(
      (page) => {
        setItems(page.items);
        setCursor(page.nextCursor);
        setStatus('ready');
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(failure));
        setStatus('error');
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const loadMore = useCallback(() => {
    if (cursor === null) return;
    const controller = new AbortController();
    moreController.current = controller;
    setLoadingMore(true);
    loadRef.current(cursor, controller.signal).then(
      (page) => {
        setItems((shown) => {
          const known = new Set(shown.map((item) => item.id));
          return [...shown, ...page.items.filter((item) => !known.has(item.id))];
        });
        setCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(failure));
        setLoadingMore(false);
      },
    );
  }, [cursor]);

  const reload = useCallback(() => {
    setStatus((current) => (current === 'error' ? 'loading' : current));
    setGeneration((value) => value + 1);
  }, []);

  const remove = useCallback((id: string) => setItems((shown) => shown.filter((item) => item.id !== id)), []);

  return { status, error, items, hasMore: cursor !== null, loadingMore, loadMore, reload, remove };
}
