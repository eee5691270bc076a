import { META, setMeta } from './meta.ts';
import type { PersistenceResult } from './types.ts';

/**
 * Asks the browser not to evict our data under storage pressure. The result is kept in meta
 * `persistence` so the shell can show it without asking again (Firefox prompts the user).
 */
export async function requestPersistentStorage(): Promise<PersistenceResult> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  let result: PersistenceResult;
  if (!storage?.persist) result = 'unsupported';
  else if (await storage.persisted?.()) result = 'persisted';
  else result = (await storage.persist()) ? 'persisted' : 'not-persisted';
  await setMeta(META.persistence, result);
  return result;
}

export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await storage.estimate();
  return { usage, quota };
}
