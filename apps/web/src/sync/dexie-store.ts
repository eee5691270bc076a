import { SERVER_FIELDS } from '@quartiersatlas/domain';
import type {
  ClientFeature,
  ClientRecord,
  ClientStore,
  PendingOp,
  RejectedOp,
  SessionRow,
  SyncScope,
} from '@quartiersatlas/sync';
import Dexie from 'dexie';
import {
  db,
  featureMedia,
  guardQuota,
  indexCopies,
  type LocalRecord,
  type LocalSession,
  type OutboxEntry,
  type RecordFeature,
} from '../data/index.ts';

function toClient(record: LocalRecord): ClientRecord {
  return {
    id: record.id,
    feature: record.feature as ClientFeature,
    serverVersion: record.serverVersion,
    deleted: record.deleted,
    status: record.status ?? null,
  };
}

function toPending(entry: OutboxEntry): PendingOp {
  const { seq, opId, type, recordId, baseVersion, payload, createdAt, sentAt } = entry;
  if (seq === undefined) throw new Error('an outbox entry read from IndexedDB always has its seq');
  return sentAt === undefined
    ? { seq, opId, type, recordId, baseVersion, payload, createdAt }
    : { seq, opId, type, recordId, baseVersion, payload, createdAt, sentAt };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * A pulled feature as the device keeps it: exactly what `POST /api/v1/records` takes (the server's
 * own fields stripped), so local edits validate and rewrite it like any record captured here.
 */
function localFeature(feature: ClientFeature): RecordFeature {
  const properties: Record<string, unknown> = { ...feature.properties };
  for (const key of SERVER_FIELDS) delete properties[key];
  return { ...feature, properties } as RecordFeature;
}

/**
 * The engine's record as a `LocalRecord`, keeping what only the device knows: when it was created
 * and last edited here, and photos attached here that have not reached the server (they stay linked
 * until they do, so a pulled copy can never unlink a photo the server has not seen).
 */
function toLocal(record: ClientRecord, before: LocalRecord | undefined, notUploaded: ReadonlySet<string>): LocalRecord {
  const feature = localFeature(record.feature);
  const serverTime = text(record.feature.properties.updatedAt) ?? text(record.feature.properties.createdAt);
  const now = new Date().toISOString();
  const waiting = (before?.mediaIds ?? []).filter((id) => notUploaded.has(id));
  return {
    id: record.id,
    feature,
    ...indexCopies(feature),
    serverVersion: record.serverVersion,
    deleted: record.deleted,
    status: record.status,
    createdAt: before?.createdAt ?? text(record.feature.properties.createdAt) ?? now,
    localUpdatedAt: before?.localUpdatedAt ?? serverTime ?? now,
    mediaIds: [...new Set([...featureMedia(feature), ...waiting])],
  };
}

/**
 * The records with these ids, in their order. One key-range cursor instead of one request per id:
 * most ids of a pulled page are new to the device, and a cursor skips absent keys almost for free.
 */
async function readRecords(ids: string[]): Promise<Array<LocalRecord | undefined>> {
  const found = new Map((await db.records.where(':id').anyOf(ids).toArray()).map((record) => [record.id, record]));
  return ids.map((id) => found.get(id));
}

/**
 * The sync engine's storage (`ClientStore` of @quartiersatlas/sync) over the app's IndexedDB
 * database, so that sync and local writes share one outbox and one set of records. See README.md.
 */
export class DexieStore implements ClientStore {
  /**
   * Records read or written in the running transaction. The engine reads a pulled page's records and
   * then writes them; keeping what it read saves reading 1,000 records twice per page. Keyed by the
   * transaction, so nothing outlives it (no other writer can change a record inside it).
   */
  private readonly seen = new WeakMap<object, Map<string, LocalRecord | undefined>>();

  private seenInTransaction(): Map<string, LocalRecord | undefined> | undefined {
    const transaction = Dexie.currentTransaction;
    if (!transaction) return undefined;
    let seen = this.seen.get(transaction);
    if (!seen) {
      seen = new Map();
      this.seen.set(transaction, seen);
    }
    return seen;
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return guardQuota(() =>
      db.transaction('rw', [db.records, db.outbox, db.media, db.sessions, db.rejected, db.meta], fn),
    );
  }

  async getRecord(id: string): Promise<ClientRecord | undefined> {
    const record = await db.records.get(id);
    return record && toClient(record);
  }

  async putRecord(record: ClientRecord): Promise<void> {
    await this.putRecords([record]);
  }

  async removeRecord(id: string): Promise<void> {
    await this.removeRecords([id]);
  }

  async getRecords(ids: string[]): Promise<Array<ClientRecord | undefined>> {
    const records = await readRecords(ids);
    const seen = this.seenInTransaction();
    if (seen) for (const [i, id] of ids.entries()) seen.set(id, records[i]);
    return records.map((record) => record && toClient(record));
  }

  private async localRecords(ids: string[]): Promise<Array<LocalRecord | undefined>> {
    const seen = this.seenInTransaction();
    const unread = ids.filter((id) => !seen?.has(id));
    const read = unread.length > 0 ? await readRecords(unread) : [];
    const found = new Map(unread.map((id, i) => [id, read[i]]));
    return ids.map((id) => (found.has(id) ? found.get(id) : seen?.get(id)));
  }

  async putRecords(records: ClientRecord[]): Promise<void> {
    if (records.length === 0) return;
    const before = await this.localRecords(records.map((record) => record.id));
    const linked = [...new Set(before.flatMap((record) => record?.mediaIds ?? []))];
    const items = linked.length > 0 ? await db.media.bulkGet(linked) : [];
    const notUploaded = new Set(items.flatMap((item) => (item && !item.uploaded ? [item.id] : [])));
    const local = records.map((record, i) => toLocal(record, before[i], notUploaded));
    await db.records.bulkPut(local);
    const seen = this.seenInTransaction();
    for (const record of local) seen?.set(record.id, record);
  }

  /** Removes the records and the bytes of photos no other record lists any more. */
  async removeRecords(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const removed = await this.localRecords(ids);
    await db.records.bulkDelete(ids);
    const seen = this.seenInTransaction();
    for (const id of ids) seen?.set(id, undefined);
    const media = [...new Set(removed.flatMap((record) => record?.mediaIds ?? []))];
    if (media.length === 0) return;
    const stillListed = new Set((await db.records.where('mediaIds').anyOf(media).toArray()).flatMap((r) => r.mediaIds));
    await db.media.bulkDelete(media.filter((id) => !stillListed.has(id)));
  }

  async recordIds(scope: SyncScope): Promise<string[]> {
    const source =
      scope.quarters === null ? db.records.toCollection() : db.records.where('quarterId').anyOf(scope.quarters);
    return (await source.primaryKeys()) as string[];
  }

  async ops(limit: number): Promise<PendingOp[]> {
    return (await db.outbox.orderBy('seq').limit(limit).toArray()).map(toPending);
  }

  async opsFor(recordId: string): Promise<PendingOp[]> {
    return (await db.outbox.where('recordId').equals(recordId).sortBy('seq')).map(toPending);
  }

  async recordsWithOps(recordIds: string[]): Promise<Set<string>> {
    if (recordIds.length === 0) return new Set();
    return new Set((await db.outbox.where('recordId').anyOf(recordIds).uniqueKeys()) as string[]);
  }

  countOps(): Promise<number> {
    return db.outbox.count();
  }

  async markSent(seqs: number[], at: string): Promise<void> {
    await db.outbox.bulkUpdate(seqs.map((key) => ({ key, changes: { sentAt: at } })));
  }

  async removeOps(seqs: number[]): Promise<void> {
    await db.outbox.bulkDelete(seqs);
  }

  async addOp(op: Omit<PendingOp, 'seq'>): Promise<number> {
    return (await db.outbox.add(op as OutboxEntry)) as number;
  }

  async addRejected(op: RejectedOp): Promise<void> {
    await db.rejected.put(op);
  }

  async rejected(): Promise<RejectedOp[]> {
    return (await db.rejected.toArray()).sort((a, b) => a.rejectedAt.localeCompare(b.rejectedAt));
  }

  async removeRejected(opId: string): Promise<void> {
    await db.rejected.delete(opId);
  }

  async putSession(session: SessionRow): Promise<void> {
    const { id, kind, title, quarterId, startedAt, endedAt } = session;
    await db.sessions.put({ id, kind: kind as LocalSession['kind'], title, quarterId, startedAt, endedAt });
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await db.meta.get(key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await db.meta.put({ key, value });
  }

  async pendingMedia(): Promise<Array<{ id: string; mime: string; size: number }>> {
    const items = await db.media.filter((item) => !item.uploaded).toArray();
    return items
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(({ id, mime, size }) => ({ id, mime, size }));
  }

  async readMedia(id: string): Promise<Uint8Array | undefined> {
    const item = await db.media.get(id);
    if (!item) return undefined;
    // Reading a Blob is not an IndexedDB request: inside a transaction Dexie must be told to wait for it.
    const bytes = Dexie.currentTransaction ? Dexie.waitFor(item.blob.arrayBuffer()) : item.blob.arrayBuffer();
    return new Uint8Array(await bytes);
  }

  async markMediaUploaded(id: string): Promise<void> {
    await db.media.update(id, { uploaded: true });
  }
}
