import turfArea from '@turf/area';
import turfKinks from '@turf/kinks';
import type { FieldIssue } from './issues.ts';

export type Position = [number, number] | [number, number, number];
export interface Point {
  type: 'Point';
  coordinates: Position;
}
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type Geometry = Point | Polygon | MultiPolygon;
export type GeometryType = Geometry['type'];

/** [minLon, minLat, maxLon, maxLat] */
export type BBox = [number, number, number, number];

export interface GeometryRules {
  allowed: readonly GeometryType[];
  /** Smallest polygon area in m²: slivers below it are drawing mistakes. */
  minAreaM2: number;
  /** Largest polygon area in m²: a record is a site, not a district. */
  maxAreaM2: number;
  /**
   * Most positions over all rings. The self-intersection check grows with the square of it
   * (20,000 positions take over a second), so hand-drawn sites get a far lower bound than outlines.
   */
  maxPositions: number;
}

type Issues = FieldIssue[];

function issue(issues: Issues, field: string, code: string, message: string): void {
  issues.push({ field, code, message });
}

function checkPosition(value: unknown, field: string, issues: Issues): value is Position {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    issue(issues, field, 'INVALID_POSITION', 'must be [longitude, latitude]');
    return false;
  }
  if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    issue(issues, field, 'INVALID_POSITION', 'coordinates must be finite numbers');
    return false;
  }
  const [lon, lat] = value as [number, number];
  if (lon < -180 || lon > 180) {
    issue(issues, field, 'LONGITUDE_OUT_OF_RANGE', `longitude ${lon} is outside −180…180 (WGS84)`);
    return false;
  }
  if (lat < -90 || lat > 90) {
    issue(issues, field, 'LATITUDE_OUT_OF_RANGE', `latitude ${lat} is outside −90…90 (WGS84)`);
    return false;
  }
  return true;
}

function checkRings(value: unknown, field: string, issues: Issues): value is Position[][] {
  if (!Array.isArray(value) || value.length === 0) {
    issue(issues, field, 'INVALID_POLYGON', 'a polygon needs at least one ring');
    return false;
  }
  const before = issues.length;
  value.forEach((ring: unknown, r) => {
    const ringField = `${field}[${r}]`;
    if (!Array.isArray(ring) || ring.length < 4) {
      issue(
        issues,
        ringField,
        'RING_TOO_SHORT',
        'a ring needs at least four positions (three corners and the closing one)',
      );
      return;
    }
    if (!ring.every((p: unknown, i) => checkPosition(p, `${ringField}[${i}]`, issues))) return;
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      issue(issues, ringField, 'RING_NOT_CLOSED', 'the last position must repeat the first');
    }
  });
  return issues.length === before;
}

function countPositions(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let n = 0;
  for (const polygon of polygons) for (const ring of polygon) n += ring.length;
  return n;
}

function checkPolygonShape(geometry: Polygon | MultiPolygon, rules: GeometryRules, issues: Issues): void {
  if (countPositions(geometry) > rules.maxPositions) {
    issue(
      issues,
      'geometry.coordinates',
      'TOO_MANY_POSITIONS',
      `a geometry may have at most ${rules.maxPositions} positions`,
    );
    return;
  }
  const kinks = turfKinks({ type: 'Feature', properties: {}, geometry });
  const kink = kinks.features[0];
  if (kink) {
    const [lon, lat] = kink.geometry.coordinates as [number, number];
    issue(
      issues,
      'geometry.coordinates',
      'SELF_INTERSECTION',
      `the outline crosses itself near ${lat.toFixed(6)}, ${lon.toFixed(6)}`,
    );
    return;
  }
  const area = turfArea(geometry);
  if (area < rules.minAreaM2) {
    issue(
      issues,
      'geometry.coordinates',
      'AREA_TOO_SMALL',
      `the area is ${area.toFixed(1)} m², at least ${rules.minAreaM2} m² is needed`,
    );
  } else if (area > rules.maxAreaM2) {
    issue(
      issues,
      'geometry.coordinates',
      'AREA_TOO_LARGE',
      `the area is ${Math.round(area)} m², at most ${rules.maxAreaM2} m² is allowed`,
    );
  }
}

/** Validates an untrusted GeoJSON geometry in WGS84. Returns the issues; none means valid. */
export function geometryIssues(value: unknown, rules: GeometryRules): FieldIssue[] {
  const issues: Issues = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issue(issues, 'geometry', 'INVALID_GEOMETRY', 'must be a GeoJSON geometry object');
    return issues;
  }
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !['Point', 'Polygon', 'MultiPolygon'].includes(type)) {
    issue(issues, 'geometry.type', 'INVALID_GEOMETRY_TYPE', `must be one of ${rules.allowed.join(', ')}`);
    return issues;
  }
  if (!rules.allowed.includes(type as GeometryType)) {
    issue(issues, 'geometry.type', 'GEOMETRY_TYPE_NOT_ALLOWED', `must be one of ${rules.allowed.join(', ')}`);
    return issues;
  }
  const extra = Object.keys(value).filter((k) => !['type', 'coordinates', 'bbox'].includes(k));
  for (const key of extra) issue(issues, `geometry.${key}`, 'UNKNOWN_FIELD', 'is not a known field');
  if (type === 'Point') {
    checkPosition(coordinates, 'geometry.coordinates', issues);
    return issues;
  }
  if (type === 'Polygon') {
    if (checkRings(coordinates, 'geometry.coordinates', issues)) {
      checkPolygonShape({ type, coordinates }, rules, issues);
    }
    return issues;
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    issue(issues, 'geometry.coordinates', 'INVALID_POLYGON', 'a multipolygon needs at least one polygon');
    return issues;
  }
  const before = issues.length;
  coordinates.forEach((polygon: unknown, i) => {
    checkRings(polygon, `geometry.coordinates[${i}]`, issues);
  });
  if (issues.length === before) checkPolygonShape({ type: 'MultiPolygon', coordinates }, rules, issues);
  return issues;
}

/** Keeps only the GeoJSON members we store; call after `geometryIssues` returned none. */
export function normalizeGeometry(geometry: Geometry): Geometry {
  return { type: geometry.type, coordinates: geometry.coordinates } as Geometry;
}

export function bboxOf(geometry: Geometry): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const visit = (p: Position) => {
    if (p[0] < minLon) minLon = p[0];
    if (p[0] > maxLon) maxLon = p[0];
    if (p[1] < minLat) minLat = p[1];
    if (p[1] > maxLat) maxLat = p[1];
  };
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      break;
    case 'Polygon':
      for (const ring of geometry.coordinates) for (const p of ring) visit(p);
      break;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) for (const p of ring) visit(p);
      break;
    default:
      exhaustive(geometry);
  }
  return [minLon, minLat, maxLon, maxLat];
}

/** Area in m² on the WGS84 sphere; 0 for points. */
export function areaM2(geometry: Geometry): number {
  return geometry.type === 'Point' ? 0 : turfArea(geometry);
}

export function exhaustive(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
