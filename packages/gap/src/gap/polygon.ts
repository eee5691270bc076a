/**
 * Just enough polygon geometry for the per-quarter tables: parsing a GeoJSON Polygon or
 * MultiPolygon, point-in-polygon by ray casting, and the area. Quarters are a few km across, so a
 * local equirectangular projection around the polygon's centre is well within 0.1 % of the
 * spherical area.
 */

/** One polygon: an outer ring and holes, each a closed or open list of [lng, lat]. */
type Rings = Array<Array<[number, number]>>;

export interface QuarterShape {
  /** Polygons of a (Multi)Polygon, each outer ring first. */
  polygons: Rings[];
  /** [minLng, minLat, maxLng, maxLat] for a quick reject before the ray test. */
  bbox: [number, number, number, number];
}

const EARTH_RADIUS_M = 6_371_008.8;

function ring(value: unknown): Array<[number, number]> | null {
  if (!Array.isArray(value) || value.length < 3) return null;
  const out: Array<[number, number]> = [];
  for (const p of value) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return null;
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
    out.push([p[0], p[1]]);
  }
  return out;
}

function polygon(value: unknown): Rings | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const rings: Rings = [];
  for (const r of value) {
    const parsed = ring(r);
    if (!parsed) return null;
    rings.push(parsed);
  }
  return rings;
}

/** Reads a GeoJSON Polygon or MultiPolygon geometry; null for anything else. */
export function parseQuarterShape(geometry: unknown): QuarterShape | null {
  if (typeof geometry !== 'object' || geometry === null) return null;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  let polygons: Rings[];
  if (g.type === 'Polygon') {
    const p = polygon(g.coordinates);
    if (!p) return null;
    polygons = [p];
  } else if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return null;
    polygons = [];
    for (const c of g.coordinates) {
      const p = polygon(c);
      if (!p) return null;
      polygons.push(p);
    }
  } else return null;
  const bbox: [number, number, number, number] = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const p of polygons)
    for (const [x, y] of p[0] ?? []) {
      bbox[0] = Math.min(bbox[0], x);
      bbox[1] = Math.min(bbox[1], y);
      bbox[2] = Math.max(bbox[2], x);
      bbox[3] = Math.max(bbox[3], y);
    }
  return { polygons, bbox };
}

/** Even-odd ray casting: a horizontal ray from (x, y) eastwards crosses the ring an odd number of times. */
function insideRing(x: number, y: number, r: ReadonlyArray<[number, number]>): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i] as [number, number];
    const [xj, yj] = r[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when (lng, lat) lies inside the shape: in an outer ring and in none of that polygon's holes. */
export function containsPoint(shape: QuarterShape, lng: number, lat: number): boolean {
  const [minX, minY, maxX, maxY] = shape.bbox;
  if (lng < minX || lng > maxX || lat < minY || lat > maxY) return false;
  for (const p of shape.polygons) {
    const outer = p[0];
    if (!outer || !insideRing(lng, lat, outer)) continue;
    let inHole = false;
    for (let h = 1; h < p.length && !inHole; h++) inHole = insideRing(lng, lat, p[h] as Array<[number, number]>);
    if (!inHole) return true;
  }
  return false;
}

/** Shoelace area of a ring in m², projected equirectangularly around latitude `lat0`. */
function ringAreaM2(r: ReadonlyArray<[number, number]>, lat0: number): number {
  let sum = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i] as [number, number];
    const [xj, yj] = r[j] as [number, number];
    sum += xj * yi - xi * yj;
  }
  const metresPerDegree = (Math.PI / 180) * EARTH_RADIUS_M;
  return (Math.abs(sum) / 2) * metresPerDegree * metresPerDegree * Math.cos((lat0 * Math.PI) / 180);
}

/** Area in km² of one small ring (an H3 cell), projected around its own first vertex's latitude. */
export function ringAreaKm2(r: ReadonlyArray<[number, number]>): number {
  return ringAreaM2(r, r[0]?.[1] ?? 0) / 1e6;
}

/** Area of the shape in km² (outer rings minus holes). */
export function shapeAreaKm2(shape: QuarterShape): number {
  const lat0 = (shape.bbox[1] + shape.bbox[3]) / 2;
  let m2 = 0;
  for (const p of shape.polygons)
    p.forEach((r, k) => {
      m2 += k === 0 ? ringAreaM2(r, lat0) : -ringAreaM2(r, lat0);
    });
  return m2 / 1e6;
}
