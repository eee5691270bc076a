import { MAX_MEDIA_PER_RECORD } from '@quartiersatlas/domain';
import type { RejectedOp } from '@quartiersatlas/sync';
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

/**
 * Version 2 (sync): ops the server refused wait in `rejected` until the person sends them again or
 * discards them, and records learn the server's moderation status (null until the server answered).
 * Records lose the `kind` and `localUpdatedAt` indexes nothing queried: a fresh device pulls tens of
 * thousands of records, and every index is one more write per record.
 */
export const SCHEMA_V2 = {
  records: 'id, quarterId, sessionId, *mediaIds',
  rejected: 'opId, recordId',
} as const;

export const SCHEMA_VERSION = 2;

export type QuartiersatlasDb = Dexie & {
  records: EntityTable<LocalRecord, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  media: EntityTable<MediaItem, 'id'>;
  sessions: EntityTable<LocalSession, 'id'>;
  meta: EntityTable<MetaEntry, 'key'>;
  rejected: EntityTable<RejectedOp, 'opId'>;
};

/** What an upgrade reads of a version-1 record. */
interface V1Record {
  id: string;
  feature: { properties: Record<string, unknown> };
  mediaIds: string[];
}

function open(): QuartiersatlasDb {
  const db = new Dexie(DB_NAME) as QuartiersatlasDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      // Version 1 kept the media link only in `mediaIds`; the server learns it from `properties.media`.
      // Nothing was ever synced under version 1, so every create is unsent and can simply carry it.
      const linked = new Map<string, string[]>();
      await tx
        .table('records')
        .toCollection()
        .modify((record: V1Record & { status?: string | null }) => {
          record.status = null;
          const media = record.mediaIds.slice(0, MAX_MEDIA_PER_RECORD);
          if (media.length > 0 && record.feature.properties.media === undefined) {
            record.feature.properties.media = media;
            linked.set(record.id, media);
          }
        });
      await tx
        .table('outbox')
        .where('type')
        .equals('create')
        .modify((op: { recordId: string; payload: { properties: Record<string, unknown> } }) => {
          const media = linked.get(op.recordId);
          if (media) op.payload.properties.media = media;
        });
    });
  return db;
}

export const db = open();
