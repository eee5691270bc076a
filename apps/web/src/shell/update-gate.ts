/** Why a waiting new version may not reload the page yet; null when it may. */
export type UpdateBlocker = 'unsynced' | 'dirty' | null;

/**
 * Reloading is safe for IndexedDB data, but a new version could change the schema or the outbox
 * format under changes not yet sent, and it would throw away a half-filled form. So it waits.
 */
export function updateBlocker(unsyncedCount: number, anyFormDirty: boolean): UpdateBlocker {
  if (anyFormDirty) return 'dirty';
  if (unsyncedCount > 0) return 'unsynced';
  return null;
}
