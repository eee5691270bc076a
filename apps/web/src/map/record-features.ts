import { MAP_KINDS } from './kind-style.ts';
import { pinImageId } from './map-images.ts';
import type { MapRecord, MapRecordKind, Position } from './types.ts';

/** GeoJSON as MapLibre's `setData` takes it; kept minimal so building 5,000 features stays cheap. */
export interface PointFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: number[] };
  properties: { id: string; kind: MapRecordKind; img: string; pending: boolean };
}
export interface PolygonFeature {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: number[][][] };
  properties: { id: string; kind: MapRecordKind; pending: boolean };
}
export interface FeatureCollection<F> {
  type: 'FeatureCollection';
  features: F[];
}

export interface RecordFeatures {
  /** One pin per record; polygons get theirs at their label point. */
  points: FeatureCollection<PointFeature>;
  polygons: FeatureCollection<PolygonFeature>;
  counts: Record<MapRecordKind, number>;
}

/**
 * Where a polygon's pin goes: the area-weighted centroid of its outer ring, or the mean of its
 * corners when the ring has no area. (For the odd L-shaped site the centroid may lie just outside;
 * the pin still marks the site well enough at map scale.)
 */
export function labelPoint(ring: readonly number[][]): Position {
  const n = ring.length > 1 && sameCorner(ring[0], ring[ring.length - 1]) ? ring.length - 1 : ring.length;
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[(i + 1) % n] ?? [];
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
    sx += x0;
    sy += y0;
  }
  if (n === 0) return [0, 0];
  if (Math.abs(twiceArea) < 1e-14) return [sx / n, sy / n];
  return [cx / (3 * twiceArea), cy / (3 * twiceArea)];
}

function sameCorner(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

export function emptyCounts(): Record<MapRecordKind, number> {
  return { service: 0, vacancy: 0, brownfield: 0, need: 0 };
}

export function recordFeatures(records: readonly MapRecord[]): RecordFeatures {
  const points: PointFeature[] = [];
  const polygons: PolygonFeature[] = [];
  const counts = emptyCounts();
  for (const record of records) {
    counts[record.kind] += 1;
    const { id, kind, pending } = record;
    let coordinates: number[];
    if (record.geometry.type === 'Polygon') {
      polygons.push({ type: 'Feature', geometry: record.geometry, properties: { id, kind, pending } });
      coordinates = labelPoint(record.geometry.coordinates[0] ?? []);
    } else {
      coordinates = record.geometry.coordinates;
    }
    points.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: { id, kind, pending, img: pinImageId(kind, record.icon, pending) },
    });
  }
  return {
    points: { type: 'FeatureCollection', features: points },
    polygons: { type: 'FeatureCollection', features: polygons },
    counts,
  };
}

/** The points of the shown kinds; the same object when every kind is shown. */
export function visiblePoints(
  points: FeatureCollection<PointFeature>,
  kinds: Record<MapRecordKind, boolean>,
): FeatureCollection<PointFeature> {
  if (MAP_KINDS.every((kind) => kinds[kind])) return points;
  return { type: 'FeatureCollection', features: points.features.filter((f) => kinds[f.properties.kind]) };
}
