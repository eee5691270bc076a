import { useEffect, useId, useSyncExternalStore } from 'react';

/**
 * Which open forms hold unsaved input. The update prompt reads it so that a new version never
 * reloads the page over something a person is typing; forms report themselves with one hook call.
 */
const dirtyIds = new Set<string>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function setDirty(id: string, dirty: boolean): void {
  if (dirty === dirtyIds.has(id)) return;
  if (dirty) dirtyIds.add(id);
  else dirtyIds.delete(id);
  notify();
}

export function isAnyDirty(): boolean {
  return dirtyIds.size > 0;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Marks the calling component's form as dirty while `dirty` is true and until it unmounts. */
export function useReportDirty(dirty: boolean): void {
  const id = useId();
  useEffect(() => {
    setDirty(id, dirty);
  }, [id, dirty]);
  useEffect(() => () => setDirty(id, false), [id]);
}

/** True while any mounted form reports unsaved input. */
export function useAnyDirty(): boolean {
  return useSyncExternalStore(subscribe, isAnyDirty, isAnyDirty);
}
