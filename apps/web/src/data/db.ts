import Dexie, { type EntityTable } from 'dexie';
import type { LocalRecord, LocalSession, MediaItem, MetaEntry, OutboxEntry } from './types.ts';

export const DB_NAME = 'quartiersatlas';

/**
 * Every schema version stays here unchanged once released: Dexie needs the whole history to upgrade a
 * device that skipped versions. A change adds `db.version(n + 1).stores({...}).upgrade(...)` below.
 * Only indexed fields are listed; booleans and null are not valid IndexedDB keys, so `deleted` and
 * `uploaded` are filtered in memory and records without a session are simply absent from `sessionId`.
 */
export const SCHEMA_V1 = {
  records: 'id, kind, quarterId, sessionId, localUpdatedAt, *mediaIds',
  outbox: '++seq, &opId, recordId, type',
  media: 'id, recordId',
  sessions: 'id, quarterId, startedAt',
  meta: 'key',
} as const;

export const SCHEMA_VERSION = 1;

export type QuartiersatlasDb = Dexie & {
  records: EntityTable<LocalRecord, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  media: EntityTable<MediaItem, 'id'>;
  sessions: EntityTable<LocalSession, 'id'>;
  meta: EntityTable<MetaEntry, 'key'>;
};

function open(): QuartiersatlasDb {
  const db = new Dexie(DB_NAME) as QuartiersatlasDb;
  db.version(1).stores(SCHEMA_V1);
  return db;
}

export const db = open();
