import type { Geometry } from '@quartiersatlas/domain';
import type { StoredRecord } from '../store/records.ts';

const LEADING = ['id', 'kind', 'category', 'quarterId', 'sessionId', 'status', 'lon', 'lat', 'geometryWkt'] as const;
const TRAILING = ['createdAt', 'updatedAt', 'createdBy', 'demo'] as const;

function position(coordinates: unknown): string {
  const [lon, lat] = coordinates as [number, number];
  return `${lon} ${lat}`;
}

/** WKT, which QGIS and Excel users can both read from a CSV column (WGS84, longitude first). */
export function wkt(geometry: Geometry): string {
  if (geometry.type === 'Point') return `POINT (${position(geometry.coordinates)})`;
  const rings = (geometry.coordinates as unknown[][]).map((ring) => `(${ring.map(position).join(', ')})`);
  return `POLYGON (${rings.join(', ')})`;
}

/** A point for the lon/lat columns: the point itself, or the middle of an outline's extent. */
function anchor(record: StoredRecord): [number, number] {
  if (record.geometry.type === 'Point') return record.geometry.coordinates as [number, number];
  const ring = (record.geometry.coordinates as [number, number][][])[0] ?? [];
  const lons = ring.map(([lon]) => lon);
  const lats = ring.map(([, lat]) => lat);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

/** Records as one table: fixed columns first, then every field any of the records has, by name. */
export function recordTable(records: readonly StoredRecord[]): { header: string[]; rows: unknown[][] } {
  const fieldNames = [...new Set(records.flatMap((record) => Object.keys(record.fields)))].sort();
  const header = [...LEADING, ...fieldNames, ...TRAILING];
  const rows = records.map((record) => {
    const [lon, lat] = anchor(record);
    return [
      record.id,
      record.kind,
      record.category,
      record.quarterId,
      record.sessionId,
      record.status,
      lon,
      lat,
      wkt(record.geometry),
      ...fieldNames.map((name) => record.fields[name]),
      record.createdAt,
      record.updatedAt,
      record.createdBy,
      record.demo,
    ];
  });
  return { header, rows };
}
