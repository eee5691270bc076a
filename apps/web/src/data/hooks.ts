import type { RecordKind } from '@quartiersatlas/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db.ts';
import { recordMatches } from './search.ts';
import { activeSession } from './sessions.ts';
import type { LocalRecord, LocalSession, MediaItem } from './types.ts';

export interface RecordFilter {
  quarterId?: string;
  kind?: RecordKind;
  sessionId?: string;
  /** Matches the record's own text fields, ignoring case and accents. */
  search?: string;
  includeDeleted?: boolean;
}

/** The records matching `filter`, most recently changed first. Plain async so tests run it without React. */
export async function queryLocalRecords(filter: RecordFilter = {}): Promise<LocalRecord[]> {
  const { quarterId, kind, sessionId, search = '', includeDeleted = false } = filter;
  const source =
    sessionId !== undefined
      ? db.records.where('sessionId').equals(sessionId)
      : quarterId !== undefined
        ? db.records.where('quarterId').equals(quarterId)
        : db.records.toCollection();
  const records = await source
    .filter(
      (record) =>
        (includeDeleted || !record.deleted) &&
        (quarterId === undefined || record.quarterId === quarterId) &&
        (kind === undefined || record.kind === kind) &&
        recordMatches(record, search),
    )
    .toArray();
  return records.sort((a, b) => b.localUpdatedAt.localeCompare(a.localUpdatedAt));
}

export function useLocalRecords(filter: RecordFilter = {}): LocalRecord[] | undefined {
  const { quarterId, kind, sessionId, search, includeDeleted } = filter;
  return useLiveQuery(
    () => queryLocalRecords({ quarterId, kind, sessionId, search, includeDeleted }),
    [quarterId, kind, sessionId, search, includeDeleted],
  );
}

export function useRecord(id: string | null): LocalRecord | undefined {
  return useLiveQuery(async () => (id === null ? undefined : db.records.get(id)), [id]);
}

/** Photos and voice notes of a record, in the order they were attached. */
export async function recordMedia(recordId: string): Promise<MediaItem[]> {
  const record = await db.records.get(recordId);
  if (!record) return [];
  const items = await db.media.bulkGet(record.mediaIds);
  return items.filter((item) => item !== undefined);
}

export function useMedia(recordId: string | null): MediaItem[] | undefined {
  return useLiveQuery(async () => (recordId === null ? [] : recordMedia(recordId)), [recordId]);
}

/** A record's photos and voice notes as lists show them. */
export interface MediaSummary {
  photo: number;
  audio: number;
  /** On this device and not uploaded yet. */
  waiting: number;
  /** Listed by the record but held only by the server (pulled from another device). */
  remote: number;
}

/** Per record id, its media counts and upload state; reads no blob contents. */
export function useMediaCounts(records: LocalRecord[] | undefined): Map<string, MediaSummary> {
  const ids = [...new Set((records ?? []).flatMap((record) => record.mediaIds))].sort();
  const held = useLiveQuery(async () => {
    const items = await db.media.bulkGet(ids);
    return new Map(
      items.filter((item) => item !== undefined).map((item) => [item.id, { kind: item.kind, uploaded: item.uploaded }]),
    );
  }, [ids.join(',')]);
  const counts = new Map<string, MediaSummary>();
  for (const record of records ?? []) {
    const count: MediaSummary = { photo: 0, audio: 0, waiting: 0, remote: 0 };
    for (const id of record.mediaIds) {
      const item = held?.get(id);
      if (!item) {
        if (held) count.remote += 1;
        continue;
      }
      count[item.kind] += 1;
      if (!item.uploaded) count.waiting += 1;
    }
    counts.set(record.id, count);
  }
  return counts;
}

/** Ops waiting in the outbox plus photos and voice notes not uploaded yet. */
export async function unsyncedCount(): Promise<number> {
  const [ops, media] = await Promise.all([db.outbox.count(), db.media.filter((item) => !item.uploaded).count()]);
  return ops + media;
}

export function useUnsyncedCount(): number {
  return useLiveQuery(unsyncedCount, [], 0);
}

/** Ids of records (and sessions) with ops in the outbox: the "not synced" marker. */
export function usePendingIds(): ReadonlySet<string> {
  const ids = useLiveQuery(async () => new Set((await db.outbox.orderBy('recordId').uniqueKeys()) as string[]), []);
  return ids ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();

export function useMeta<T>(key: string): T | undefined {
  return useLiveQuery(async () => (await db.meta.get(key))?.value as T | undefined, [key]);
}

/** The running session; null when none runs, undefined while loading. */
export function useActiveSession(): LocalSession | null | undefined {
  return useLiveQuery(activeSession, []);
}

/** Sessions on this device, newest first. */
export function useSessions(quarterId?: string): LocalSession[] | undefined {
  return useLiveQuery(async () => {
    const sessions =
      quarterId === undefined
        ? await db.sessions.toArray()
        : await db.sessions.where('quarterId').equals(quarterId).toArray();
    return sessions.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }, [quarterId]);
}
