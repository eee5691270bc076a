import { SlugPattern } from '@quartiersatlas/domain';
import Type, { type Static } from 'typebox';
import { AppError } from '../errors.ts';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** Items per page: the OGC default would be 10, which makes GIS clients send hundreds of requests. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

const Format = Type.Optional(
  Type.Enum(['json'], { description: 'encoding; only JSON (GeoJSON for items) is offered, which is also the default' }),
);
const ItemId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });

/** Query parameters of the pages without filters: only `f` is known, anything else is a 400 (OGC /req/core/query-param-unknown). */
export const FormatQuery = Type.Object({ f: Format }, { additionalProperties: false });

export const ItemsQuery = Type.Object(
  {
    f: Format,
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_LIMIT,
        default: DEFAULT_LIMIT,
        description: `features per page, 1–${MAX_LIMIT.toLocaleString('en')}`,
      }),
    ),
    bbox: Type.Optional(
      Type.String({
        description:
          'minLon,minLat,maxLon,maxLat (CRS84, also with heights as 6 numbers); minLon > maxLon crosses the antimeridian',
        examples: ['7.44,51.54,7.49,51.57'],
      }),
    ),
    datetime: Type.Optional(
      Type.String({
        description:
          'RFC 3339 instant or interval (a/b, ../b, a/..), compared with the last change (updatedAt) of records; dates mean whole days (UTC)',
        examples: ['2026-03-01T00:00:00Z/..'],
      }),
    ),
    // Part 2 clients (QGIS among them) may name the one CRS offered; anything else is refused.
    crs: Type.Optional(Type.Enum([CRS84], { description: 'only CRS84 (longitude, latitude) is offered' })),
    'bbox-crs': Type.Optional(Type.Enum([CRS84], { description: 'only CRS84 (longitude, latitude) is offered' })),
    after: Type.Optional(ItemId),
    before: Type.Optional(ItemId),
    category: Type.Optional(
      Type.String({ maxLength: 1000, description: 'records only: comma-separated category ids' }),
    ),
    quarter: Type.Optional(Type.String({ pattern: SlugPattern, description: 'records only: quarter id' })),
  },
  { additionalProperties: false },
);
export type ItemsQuery = Static<typeof ItemsQuery>;

export const CollectionParams = Type.Object(
  { collectionId: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export const ItemParams = Type.Object(
  {
    collectionId: Type.String({ minLength: 1, maxLength: 100 }),
    featureId: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

export function queryError(field: string, code: string, message: string): AppError {
  return new AppError('INVALID_QUERY', { summary: `${field} ${message}` }, [{ field, code, message }]);
}

export interface Bbox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** The longitude ranges a bbox covers: two when it crosses the antimeridian. */
export function lonRanges(box: Bbox): Array<[number, number]> {
  return box.minLon <= box.maxLon
    ? [[box.minLon, box.maxLon]]
    : [
        [box.minLon, 180],
        [-180, box.maxLon],
      ];
}

/** Whether an extent [minLon, minLat, maxLon, maxLat] touches the box. */
export function touches(box: Bbox, extent: readonly [number, number, number, number]): boolean {
  const [minLon, minLat, maxLon, maxLat] = extent;
  if (minLat > box.maxLat || maxLat < box.minLat) return false;
  return lonRanges(box).some(([from, to]) => minLon <= to && maxLon >= from);
}

export function parseBbox(raw: string | undefined): Bbox | undefined {
  if (raw === undefined) return undefined;
  const n = raw.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  const message = 'must be minLon,minLat,maxLon,maxLat (or 6 numbers with heights) in CRS84, with minLat ≤ maxLat';
  if ((n.length !== 4 && n.length !== 6) || !n.every(Number.isFinite))
    throw queryError('bbox', 'INVALID_BBOX', message);
  const [minLon, minLat, maxLon, maxLat] = (n.length === 6 ? [n[0], n[1], n[3], n[4]] : n) as number[];
  const box = { minLon, minLat, maxLon, maxLat } as Bbox;
  const inRange =
    Math.abs(box.minLon) <= 180 &&
    Math.abs(box.maxLon) <= 180 &&
    Math.abs(box.minLat) <= 90 &&
    Math.abs(box.maxLat) <= 90;
  if (!inRange || box.minLat > box.maxLat) throw queryError('bbox', 'INVALID_BBOX', message);
  return box;
}

/** A closed time range in ISO 8601 UTC (as the database stores timestamps); an open end is absent. */
export interface TimeRange {
  start?: string;
  end?: string;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
// GDAL's OGC API client writes a date filter as "2026-03-01T" (a date with a dangling T).
const DATE = /^(\d{4})-(\d{2})-(\d{2})T?$/;

function validDay(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}

/** An instant as a range: a date-time is a point, a date is the whole day. */
function instant(text: string): { start: string; end: string } | undefined {
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const [, year = '', month = '', day = '', hour, minute, second] = dateTime;
    if (!validDay(year, month, day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60)
      return undefined;
    const ms = Date.parse(text.replace(' ', 'T'));
    if (Number.isNaN(ms)) return undefined;
    const iso = new Date(ms).toISOString();
    return { start: iso, end: iso };
  }
  const date = DATE.exec(text);
  if (date) {
    const [, year = '', month = '', day = ''] = date;
    if (!validDay(year, month, day)) return undefined;
    const iso = `${year}-${month}-${day}`;
    return { start: `${iso}T00:00:00.000Z`, end: `${iso}T23:59:59.999Z` };
  }
  return undefined;
}

/** The OGC `datetime` parameter: an instant, or an interval whose ends may be open (`..` or empty). */
export function parseDatetime(raw: string | undefined): TimeRange | undefined {
  if (raw === undefined) return undefined;
  const message = 'must be an RFC 3339 date-time or date, or an interval a/b where either end may be ".."';
  const parts = raw.split('/');
  if (parts.length > 2) throw queryError('datetime', 'INVALID_DATETIME', message);
  if (parts.length === 1) {
    const point = instant(raw.trim());
    if (!point) throw queryError('datetime', 'INVALID_DATETIME', message);
    return point;
  }
  const [from = '', to = ''] = parts.map((p) => p.trim());
  const open = (text: string) => text === '' || text === '..';
  const start = open(from) ? undefined : instant(from)?.start;
  const end = open(to) ? undefined : instant(to)?.end;
  if ((!open(from) && start === undefined) || (!open(to) && end === undefined)) {
    throw queryError('datetime', 'INVALID_DATETIME', message);
  }
  if (start !== undefined && end !== undefined && start > end) {
    throw queryError('datetime', 'INVALID_DATETIME', 'the interval ends before it starts');
  }
  return { start, end };
}

/** Whether a timestamp lies in the range; `day` compares whole UTC days only. */
export function inRange(range: TimeRange, timestamp: string, day = false): boolean {
  const cut = (text: string) => (day ? text.slice(0, 10) : text);
  if (range.start !== undefined && cut(timestamp) < cut(range.start)) return false;
  if (range.end !== undefined && cut(timestamp) > cut(range.end)) return false;
  return true;
}
