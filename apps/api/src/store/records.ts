import type { Geometry, RecordKind, RecordStatus, ValidRecord } from '@quartiersatlas/domain';
import { changedFieldNames, type FieldVersions, parseFieldVersions, stampFields } from '@quartiersatlas/sync';
import { sql, type Transaction } from 'kysely';
import type { Db, RecordsTable, Tables } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import {
  type Actor,
  contentChanges,
  creationChanges,
  eventRow,
  insertEvents,
  SYSTEM_ACTOR,
  writerActor,
} from './history.ts';
import { now } from './time.ts';

export interface StoredRecord {
  id: string;
  kind: RecordKind;
  category: string | null;
  quarterId: string;
  sessionId: string | null;
  status: RecordStatus;
  geometry: Geometry;
  fields: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  deleted: boolean;
  demo: boolean;
  fieldVersions: FieldVersions;
}

export interface RecordFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: Record<string, unknown>;
}

export interface WriteMeta {
  createdBy: string | null;
  status: RecordStatus;
  demo?: boolean;
}

type Executor = Db | Transaction<Tables>;

/** The writer of writes by the server's own tools (seeding, scripts), which act for no account. */
export const SYSTEM_WRITER = 'system';

/**
 * Hands out `count` consecutive record versions and returns the first. It must be the first
 * statement of every record write: on PostgreSQL the row lock it takes serialises writers until
 * commit, so versions are committed in order and a pull cursor can never skip a late commit.
 */
export async function claimVersions(trx: Transaction<Tables>, count: number): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', 'records')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}

/**
 * Gives back the versions of a claim that a transaction did not use: `last` is the last version
 * it wrote. Only valid inside the transaction that claimed them, which still holds the counter.
 */
export async function settleVersions(trx: Transaction<Tables>, last: number): Promise<void> {
  await trx.updateTable('counters').set({ value: last }).where('name', '=', 'records').execute();
}

export function recordRow(record: ValidRecord, meta: WriteMeta, version: number, time: string): RecordsTable {
  const [minLon, minLat, maxLon, maxLat] = record.bbox;
  return {
    id: record.id,
    kind: record.kind,
    category: record.category,
    quarter_id: record.quarterId,
    session_id: record.sessionId,
    status: meta.status,
    geometry: JSON.stringify(record.geometry),
    props: JSON.stringify(record.fields),
    min_lon: minLon,
    min_lat: minLat,
    max_lon: maxLon,
    max_lat: maxLat,
    version,
    created_at: time,
    updated_at: time,
    created_by: meta.createdBy,
    deleted: 0,
    demo: meta.demo ? 1 : 0,
    field_versions: '{}',
  };
}

export function fromRow(row: RecordsTable): StoredRecord {
  return storedRecord(row, JSON.parse(row.geometry) as Geometry, JSON.parse(row.props) as Record<string, unknown>);
}

/** A row just written from `content`, without parsing its JSON back: sync writes thousands per push. */
export function fromWrittenRow(row: RecordsTable, content: Pick<ValidRecord, 'geometry' | 'fields'>): StoredRecord {
  return storedRecord(row, content.geometry, content.fields);
}

function storedRecord(row: RecordsTable, geometry: Geometry, fields: Record<string, unknown>): StoredRecord {
  return {
    id: row.id,
    kind: row.kind as RecordKind,
    category: row.category,
    quarterId: row.quarter_id,
    sessionId: row.session_id,
    status: row.status as RecordStatus,
    geometry,
    fields,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    deleted: row.deleted === 1,
    demo: row.demo === 1,
    fieldVersions: parseFieldVersions(row.field_versions),
  };
}

/** Geometry and the fields a client edits, of a stored or a freshly validated record. */
export function recordView(
  record: Pick<ValidRecord, 'kind' | 'category' | 'quarterId' | 'sessionId' | 'fields' | 'geometry'>,
): { geometry: Geometry; properties: Record<string, unknown> } {
  const properties: Record<string, unknown> = { kind: record.kind };
  if (record.category !== null) properties.category = record.category;
  properties.quarterId = record.quarterId;
  properties.sessionId = record.sessionId;
  // Assigned rather than spread: sync answers build thousands of these per push.
  Object.assign(properties, record.fields);
  return { geometry: record.geometry, properties };
}

/** The client-side view of a record, as the API returns it. */
export function toFeature(record: StoredRecord): RecordFeature {
  const { geometry, properties } = recordView(record);
  properties.status = record.status;
  properties.version = record.version;
  properties.createdAt = record.createdAt;
  properties.updatedAt = record.updatedAt;
  properties.createdBy = record.createdBy;
  properties.deleted = record.deleted;
  properties.demo = record.demo;
  return { type: 'Feature', id: record.id, geometry, properties };
}

// SQLite allows 32,766 bound variables per statement; 19 columns × 1,000 rows stays well below.
const INSERT_CHUNK = 1000;

/** Inserts new records in one transaction: all or none. A known id fails with RECORD_EXISTS. */
export async function insertRecords(db: Db, records: readonly ValidRecord[], meta: WriteMeta): Promise<StoredRecord[]> {
  if (records.length === 0) return [];
  return db.transaction().execute((trx) => insertRecordsIn(trx, records, meta));
}

/**
 * insertRecords inside a transaction the caller holds, for writes that must land together with
 * other rows (a resident's consent). It claims versions, so it must be the transaction's first write.
 */
export async function insertRecordsIn(
  trx: Transaction<Tables>,
  records: readonly ValidRecord[],
  meta: WriteMeta,
): Promise<StoredRecord[]> {
  if (records.length === 0) return [];
  const first = await claimVersions(trx, records.length);
  const time = now();
  const rows = records.map((record, i) => recordRow(record, meta, first + i, time));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const ids = chunk.map((row) => row.id);
    const existing = await trx.selectFrom('records').select('id').where('id', 'in', ids).executeTakeFirst();
    if (existing) throw new AppError('RECORD_EXISTS', { id: existing.id });
    await trx.insertInto('records').values(chunk).execute();
  }
  const actor = { accountId: meta.createdBy, deviceId: null };
  await insertEvents(
    trx,
    records.map((record, i) =>
      eventRow({
        recordId: record.id,
        version: first + i,
        action: 'create',
        actor,
        changes: creationChanges(recordView(record), meta.status),
        time,
      }),
    ),
  );
  return rows.map(fromRow);
}

export async function getRecord(db: Executor, id: string): Promise<StoredRecord | undefined> {
  const row = await db.selectFrom('records').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

function checkBase(current: StoredRecord | undefined, id: string, baseVersion: number | undefined): StoredRecord {
  if (!current || current.deleted) throw new AppError('RECORD_NOT_FOUND', { id });
  if (baseVersion !== undefined && baseVersion !== current.version) {
    throw new AppError('VERSION_CONFLICT', { baseVersion, currentVersion: current.version });
  }
  return current;
}

/** The columns that hold a record's content, for an update to `next`. */
export function contentColumns(next: ValidRecord) {
  const [minLon, minLat, maxLon, maxLat] = next.bbox;
  return {
    category: next.category,
    quarter_id: next.quarterId,
    session_id: next.sessionId,
    geometry: JSON.stringify(next.geometry),
    props: JSON.stringify(next.fields),
    min_lon: minLon,
    min_lat: minLat,
    max_lon: maxLon,
    max_lat: maxLat,
  };
}

/**
 * Replaces a record's content with `next`, which the caller validated against version
 * `expectedVersion`; if the record moved on meanwhile, nothing is written (VERSION_CONFLICT).
 * The fields that changed are marked as written by `writer` (see FieldVersions).
 */
export async function updateRecord(
  db: Db,
  id: string,
  next: ValidRecord,
  expectedVersion: number,
  writer: string = SYSTEM_WRITER,
): Promise<StoredRecord> {
  return db.transaction().execute(async (trx) => {
    const version = await claimVersions(trx, 1);
    const current = checkBase(await getRecord(trx, id), id, expectedVersion);
    const changed = changedFieldNames(recordView(current), recordView(next));
    const time = now();
    const row = await trx
      .updateTable('records')
      .set({
        ...contentColumns(next),
        field_versions: JSON.stringify(stampFields(current.fieldVersions, changed, version, writer)),
        version,
        updated_at: time,
      })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changes = contentChanges(recordView(current), recordView(next));
    await insertEvents(trx, [
      eventRow({ recordId: current.id, version, action: 'update', actor: writerActor(writer), changes, time }),
    ]);
    return fromRow(row);
  });
}

/** Deletes by tombstone: the row stays (so devices learn of the delete), marked and versioned. */
export async function deleteRecord(
  db: Db,
  id: string,
  baseVersion?: number,
  actor: Actor = SYSTEM_ACTOR,
): Promise<StoredRecord> {
  return db.transaction().execute(async (trx) => {
    const version = await claimVersions(trx, 1);
    const current = checkBase(await getRecord(trx, id), id, baseVersion);
    const time = now();
    const row = await trx
      .updateTable('records')
      .set({ deleted: 1, version, updated_at: time })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertEvents(trx, [eventRow({ recordId: current.id, version, action: 'delete', actor, changes: {}, time })]);
    return fromRow(row);
  });
}

export interface RecordFilter {
  bbox?: [number, number, number, number];
  kinds?: RecordKind[];
  categories?: string[];
  quarterId?: string;
  sessionId?: string;
  statuses?: RecordStatus[];
  updatedSince?: string;
  includeDeleted?: boolean;
  /** Return only records with an id after this one (paging). */
  after?: string;
  limit: number;
}

/** Records matching the filter in id order (UUIDv7: creation order), one page at a time. */
export async function listRecords(
  db: Db,
  filter: RecordFilter,
): Promise<{ records: StoredRecord[]; hasMore: boolean }> {
  let query = db.selectFrom('records').selectAll();
  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    query = query
      .where('min_lat', '<=', maxLat)
      .where('max_lat', '>=', minLat)
      .where('min_lon', '<=', maxLon)
      .where('max_lon', '>=', minLon);
  }
  if (filter.kinds?.length) query = query.where('kind', 'in', filter.kinds);
  if (filter.categories?.length) query = query.where('category', 'in', filter.categories);
  if (filter.quarterId) query = query.where('quarter_id', '=', filter.quarterId);
  if (filter.sessionId) query = query.where('session_id', '=', filter.sessionId.toLowerCase());
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
  if (filter.updatedSince) query = query.where('updated_at', '>=', filter.updatedSince);
  if (!filter.includeDeleted) query = query.where('deleted', '=', 0);
  if (filter.after) query = query.where('id', '>', filter.after.toLowerCase());
  const rows = await query
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  const hasMore = rows.length > filter.limit;
  return { records: rows.slice(0, filter.limit).map(fromRow), hasMore };
}

/** Published, live records per quarter and kind, for overviews. */
export async function countRecords(db: Db): Promise<Map<string, Record<RecordKind, number>>> {
  const rows = await db
    .selectFrom('records')
    .select(['quarter_id', 'kind', sql<number>`count(*)`.as('n')])
    .where('deleted', '=', 0)
    .where('status', '=', 'published')
    .groupBy(['quarter_id', 'kind'])
    .execute();
  const counts = new Map<string, Record<RecordKind, number>>();
  for (const row of rows) {
    const entry = counts.get(row.quarter_id) ?? { service: 0, vacancy: 0, brownfield: 0, need: 0 };
    entry[row.kind as RecordKind] = Number(row.n);
    counts.set(row.quarter_id, entry);
  }
  return counts;
}

export async function categoriesInUse(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom('records')
    .select('category')
    .distinct()
    .where('deleted', '=', 0)
    .where('category', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.category as string));
}
