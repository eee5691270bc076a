import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../data/index.ts';

const LOADING = Symbol('loading');

export type MetaState<T> = { loaded: false } | { loaded: true; value: T | null };

/** Like the data layer's `useMeta`, but tells "not read yet" apart from "nothing stored". */
export function useMetaState<T>(key: string): MetaState<T> {
  const value = useLiveQuery(
    async () => ((await db.meta.get(key))?.value ?? null) as T | null,
    [key],
    LOADING as unknown as T | null,
  );
  return (value as unknown) === LOADING ? { loaded: false } : { loaded: true, value };
}
