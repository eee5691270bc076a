import { useSyncExternalStore } from 'react';

/** How long "Undo" stays: long enough to notice a slip of the thumb, short enough not to linger. */
export const UNDO_VISIBLE_MS = 8_000;

export interface UndoToast {
  id: number;
  /** What happened, already translated. */
  message: string;
  undo(): Promise<void>;
}

/**
 * The toast lives outside the form because the form closes on delete; the shell mounts one
 * `UndoToastHost` that shows it. One toast at a time: a second delete replaces the first.
 */
let current: UndoToast | null = null;
let counter = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function showUndoToast(toast: Omit<UndoToast, 'id'>): void {
  counter += 1;
  current = { ...toast, id: counter };
  emit();
}

export function dismissUndoToast(id: number): void {
  if (current?.id !== id) return;
  current = null;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUndoToast(): UndoToast | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
