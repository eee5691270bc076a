import { type Geometry, type RecordKind, type RecordStatus, UuidPattern } from '@quartiersatlas/domain';
import type { SelectQueryBuilder } from 'kysely';
import type { Db, Tables } from '../db/schema.ts';
import { type Column, recordColumns, recordProperties } from '../exports/columns.ts';
import type { Caller } from '../plugins/auth.ts';
import { recordFilter } from '../routes/records.ts';
import { APPROVED_TEXT_FIELDS, PUBLIC_NEED_FIELDS, type PublicNeed, publicNeed } from '../store/coarsen.ts';
import { fromRow, getRecord, type StoredRecord } from '../store/records.ts';
import { type Page, type PageRequest, pageOf } from './paging.ts';
import { type Bbox, inRange, lonRanges, type TimeRange, touches } from './params.ts';

/**
 * Records in the OGC collections. Everybody sees published records only (planners review pending
 * ones in the app). The public (no account, or a resident link) sees needs coarsened (see
 * store/coarsen.ts), their text only where a planner approved it, and no record's internal note,
 * media or author.
 */

export interface RecordItemsQuery {
  bbox?: Bbox;
  time?: TimeRange;
  category?: string;
  quarter?: string;
}

export interface OgcFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: Record<string, unknown>;
}

const PUBLIC_HIDDEN = new Set(['note', 'media', 'createdBy']);
const PUBLIC_NEED_COLUMNS = new Set<string>([
  'kind',
  'category',
  'quarterId',
  ...PUBLIC_NEED_FIELDS,
  ...APPROVED_TEXT_FIELDS,
]);

/** Needs are shown coarsened to the public: nobody signed in, or a resident. */
export function seesCoarseNeeds(caller: Caller | null): boolean {
  return caller === null || caller.account.role === 'resident';
}

/** The attributes a caller sees in a record collection, typed for the collection's JSON schema. */
export function collectionColumns(kind: RecordKind, caller: Caller | null): Column[] {
  const all = recordColumns(kind);
  if (caller !== null && caller.account.role !== 'resident') return all;
  if (kind === 'need') return all.filter((c) => PUBLIC_NEED_COLUMNS.has(c.name));
  return all.filter((c) => !PUBLIC_HIDDEN.has(c.name));
}

interface SqlFilter {
  kind: RecordKind;
  statuses: RecordStatus[];
  categories?: string[];
  quarterId?: string;
  bbox?: Bbox;
  time?: TimeRange;
}

function sqlFilter(caller: Caller | null, kind: RecordKind, q: RecordItemsQuery): SqlFilter {
  // Signed-in callers get what the records API would give them for this kind.
  const base = caller
    ? recordFilter(caller, { kind, category: q.category, quarter: q.quarter })
    : {
        statuses: ['published'] as RecordStatus[],
        categories: q.category?.split(',').map((c) => c.trim()),
        quarterId: q.quarter,
      };
  return {
    kind,
    statuses: base.statuses ?? ['published'],
    categories: base.categories,
    quarterId: base.quarterId,
    bbox: q.bbox,
    time: q.time,
  };
}

function narrow<O>(
  query: SelectQueryBuilder<Tables, 'records', O>,
  f: SqlFilter,
): SelectQueryBuilder<Tables, 'records', O> {
  let q = query.where('kind', '=', f.kind).where('deleted', '=', 0).where('status', 'in', f.statuses);
  if (f.categories?.length) q = q.where('category', 'in', f.categories);
  if (f.quarterId) q = q.where('quarter_id', '=', f.quarterId);
  const box = f.bbox;
  if (box) {
    q = q
      .where('min_lat', '<=', box.maxLat)
      .where('max_lat', '>=', box.minLat)
      .where((eb) =>
        eb.or(lonRanges(box).map(([from, to]) => eb.and([eb('min_lon', '<=', to), eb('max_lon', '>=', from)]))),
      );
  }
  if (f.time?.start !== undefined) q = q.where('updated_at', '>=', f.time.start);
  if (f.time?.end !== undefined) q = q.where('updated_at', '<=', f.time.end);
  return q;
}

function toOgc(record: StoredRecord, columns: readonly Column[]): OgcFeature {
  return { type: 'Feature', id: record.id, geometry: record.geometry, properties: recordProperties(record, columns) };
}

async function publicNeeds(db: Db, q: RecordItemsQuery): Promise<PublicNeed[]> {
  const filter = sqlFilter(null, 'need', { category: q.category, quarter: q.quarter });
  const rows = await narrow(db.selectFrom('records').selectAll(), filter).execute();
  const time = q.time;
  const box = q.bbox;
  // Time and place are filtered on what the public sees (the day, the cell centre), so narrow
  // filters cannot be used to find out more than that.
  return rows
    .map((row) => ({ record: fromRow(row), publicText: Number(row.public_text) === 1 }))
    .filter(({ record: r }) => r.geometry.type === 'Point' && (!time || inRange(time, r.updatedAt, true)))
    .map(({ record, publicText }) => publicNeed(record, publicText))
    .filter((need) => {
      const [lon, lat] = need.geometry.coordinates;
      return !box || touches(box, [lon, lat, lon, lat]);
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface RecordPage extends Page<OgcFeature> {
  /** Counted on the first page only: counting again for every page of a long walk costs more than it tells. */
  numberMatched?: number;
}

export async function recordItems(
  db: Db,
  caller: Caller | null,
  kind: RecordKind,
  q: RecordItemsQuery,
  page: PageRequest,
): Promise<RecordPage> {
  if (kind === 'need' && seesCoarseNeeds(caller)) {
    const all = await publicNeeds(db, q);
    return { ...pageOf(all, page), numberMatched: all.length };
  }
  const filter = sqlFilter(caller, kind, q);
  const columns = collectionColumns(kind, caller);
  const { after, before, limit } = page;
  let query = narrow(db.selectFrom('records').selectAll(), filter);
  if (before !== undefined) query = query.where('id', '<', before.toLowerCase()).orderBy('id', 'desc');
  else if (after !== undefined) query = query.where('id', '>', after.toLowerCase()).orderBy('id', 'asc');
  else query = query.orderBy('id', 'asc');
  const rows = await query.limit(limit + 1).execute();
  const more = rows.length > limit;
  const kept = rows.slice(0, limit);
  if (before !== undefined) kept.reverse();
  const items = kept.map((row) => toOgc(fromRow(row), columns));
  const result: RecordPage =
    before !== undefined
      ? { items, hasPrev: more, hasNext: true }
      : { items, hasPrev: after !== undefined, hasNext: more };
  if (after === undefined && before === undefined) {
    const counted = await narrow(db.selectFrom('records'), filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    result.numberMatched = Number(counted.n);
  }
  return result;
}

const UUID = new RegExp(UuidPattern);

export async function recordItem(
  db: Db,
  caller: Caller | null,
  kind: RecordKind,
  featureId: string,
): Promise<OgcFeature | undefined> {
  if (kind === 'need' && seesCoarseNeeds(caller)) {
    return (await publicNeeds(db, {})).find((need) => need.id === featureId);
  }
  if (!UUID.test(featureId)) return undefined;
  const record = await getRecord(db, featureId);
  const filter = sqlFilter(caller, kind, {});
  if (!record || record.deleted || record.kind !== kind || !filter.statuses.includes(record.status)) return undefined;
  return toOgc(record, collectionColumns(kind, caller));
}

export interface Extent {
  bbox: [number, number, number, number];
  interval: [string, string];
}

/** Spatial and temporal extent of each record collection as the caller sees it. */
export async function recordExtents(db: Db, caller: Caller | null): Promise<Map<RecordKind, Extent>> {
  const rows = await db
    .selectFrom('records')
    .select((eb) => [
      'kind',
      eb.fn.min('min_lon').as('minLon'),
      eb.fn.min('min_lat').as('minLat'),
      eb.fn.max('max_lon').as('maxLon'),
      eb.fn.max('max_lat').as('maxLat'),
      eb.fn.min('updated_at').as('first'),
      eb.fn.max('updated_at').as('last'),
    ])
    .where('deleted', '=', 0)
    .where('status', '=', 'published')
    .groupBy('kind')
    .execute();
  const extents = new Map<RecordKind, Extent>();
  for (const row of rows) {
    extents.set(row.kind as RecordKind, {
      bbox: [Number(row.minLon), Number(row.minLat), Number(row.maxLon), Number(row.maxLat)],
      interval: [String(row.first), String(row.last)],
    });
  }
  if (seesCoarseNeeds(caller)) {
    const needs = await publicNeeds(db, {});
    if (needs.length === 0) extents.delete('need');
    else extents.set('need', coarseExtent(needs, extents.get('need')?.interval ?? ['', '']));
  }
  return extents;
}

function coarseExtent(needs: readonly PublicNeed[], interval: [string, string]): Extent {
  const bbox: Extent['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { geometry } of needs) {
    const [lon, lat] = geometry.coordinates;
    bbox[0] = Math.min(bbox[0], lon);
    bbox[1] = Math.min(bbox[1], lat);
    bbox[2] = Math.max(bbox[2], lon);
    bbox[3] = Math.max(bbox[3], lat);
  }
  return {
    bbox,
    interval: [`${interval[0].slice(0, 10)}T00:00:00Z`, `${interval[1].slice(0, 10)}T23:59:59Z`],
  };
}
