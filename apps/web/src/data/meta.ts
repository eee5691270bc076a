import type { Taxonomy } from '@quartiersatlas/domain';
import { db } from './db.ts';
import { guardQuota, LocalDataError } from './errors.ts';

/**
 * Keys of the `meta` store. The shell fills `taxonomy`, `quarters` and `config` from the API at every
 * online start, so the app starts offline with the last copy and validation uses the server's taxonomy.
 */
export const META = {
  deviceToken: 'deviceToken',
  account: 'account',
  taxonomy: 'taxonomy',
  quarters: 'quarters',
  config: 'config',
  activeSessionId: 'activeSessionId',
  persistence: 'persistence',
  /** This installation's sync id (`device-id.ts`). */
  deviceId: 'deviceId',
  /** What sync last did, for every tab to show (`apps/web/src/sync/sync-state.ts`). */
  syncState: 'syncState',
} as const;

export async function getMeta<T>(key: string): Promise<T | undefined> {
  const entry = await db.meta.get(key);
  return entry?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await guardQuota(() => db.meta.put({ key, value }));
}

/**
 * The taxonomy the server sent last. There is deliberately no bundled fallback: a stale copy would
 * accept categories the server has since removed, and the device would queue records sync must reject.
 */
export async function cachedTaxonomy(): Promise<Taxonomy> {
  const taxonomy = await getMeta<Taxonomy>(META.taxonomy);
  if (!taxonomy) {
    throw new LocalDataError(
      'TAXONOMY_UNAVAILABLE',
      'no taxonomy cached: the shell stores GET /api/v1/taxonomy in meta "taxonomy" at start',
    );
  }
  return taxonomy;
}
