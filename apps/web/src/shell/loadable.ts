import type { Resource } from '../hooks/use-resource.ts';
import type { Loadable } from './public-data.ts';

/** The public overview components take a `Resource`; this adapts the cached, offline-aware state. */
export function asResource<T>(loadable: Loadable<T>): Resource<T> & { retry: () => void } {
  if (loadable.status === 'error') return { status: 'error', error: loadable.error, retry: loadable.retry };
  return { ...loadable, retry: () => undefined };
}
