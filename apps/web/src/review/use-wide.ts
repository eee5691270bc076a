import { useSyncExternalStore } from 'react';

/** Where list and detail fit side by side (the same width as in review.css). */
export const WIDE_QUERY = '(min-width: 60rem)';

function media(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(WIDE_QUERY)
    : null;
}

function subscribe(listener: () => void): () => void {
  const query = media();
  query?.addEventListener('change', listener);
  return () => query?.removeEventListener('change', listener);
}

/** True on a laptop-wide window, where the review view shows list and detail together. */
export function useWide(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  );
}
