/** A point for a GeoJSON geometry: points as they are, polygons by their area-weighted centroid. */

type Ring = ReadonlyArray<readonly number[]>;

export type Placed = { ok: true; lon: number; lat: number } | { ok: false; reason: string };

function isPosition(p: unknown): p is [number, number] {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1])
  );
}

function isRing(r: unknown): r is Ring {
  return Array.isArray(r) && r.length >= 4 && r.every(isPosition);
}

/**
 * The centroid of (multi)polygon rings, weighted by area, holes subtracted. Computed in a local
 * equirectangular plane around the first vertex (x scaled by cos(latitude)), which is exact enough
 * for anything up to a city district; a ring set without area falls back to the mean vertex.
 */
export function polygonCentroid(polygons: ReadonlyArray<ReadonlyArray<Ring>>): { lon: number; lat: number } {
  const origin = polygons[0]?.[0]?.[0] as readonly number[];
  const lon0 = origin[0] as number;
  const lat0 = origin[1] as number;
  const k = Math.cos((lat0 * Math.PI) / 180);
  let area = 0;
  let cx = 0;
  let cy = 0;
  let sumX = 0;
  let sumY = 0;
  let count = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      let a = 0;
      let x = 0;
      let y = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const p = ring[i] as readonly number[];
        const q = ring[i + 1] as readonly number[];
        const x1 = ((p[0] as number) - lon0) * k;
        const y1 = (p[1] as number) - lat0;
        const x2 = ((q[0] as number) - lon0) * k;
        const y2 = (q[1] as number) - lat0;
        const cross = x1 * y2 - x2 * y1;
        a += cross;
        x += (x1 + x2) * cross;
        y += (y1 + y2) * cross;
        sumX += x1;
        sumY += y1;
        count++;
      }
      // Orientation differs between sources; the first ring of a polygon adds, the others are holes.
      const sign = (r === 0 ? 1 : -1) * Math.sign(a);
      area += sign * (a / 2);
      cx += (sign * x) / 6;
      cy += (sign * y) / 6;
    });
  }
  if (Math.abs(area) < 1e-18) return { lon: lon0 + sumX / count / k, lat: lat0 + sumY / count };
  return { lon: lon0 + cx / area / k, lat: lat0 + cy / area };
}

/** Where a feature's demand sits: a Point as it is, a Polygon or MultiPolygon at its centroid. */
export function placeGeometry(geometry: unknown): Placed {
  if (typeof geometry !== 'object' || geometry === null) return { ok: false, reason: 'has no geometry' };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Point') {
    if (!isPosition(coordinates)) return { ok: false, reason: 'Point coordinates are not [longitude, latitude]' };
    return { ok: true, lon: coordinates[0], lat: coordinates[1] };
  }
  if (type === 'Polygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0 || !coordinates.every(isRing)) {
      return { ok: false, reason: 'Polygon rings are not closed rings of [longitude, latitude]' };
    }
    return { ok: true, ...polygonCentroid([coordinates]) };
  }
  if (type === 'MultiPolygon') {
    const valid =
      Array.isArray(coordinates) &&
      coordinates.length > 0 &&
      coordinates.every((p) => Array.isArray(p) && p.length > 0 && p.every(isRing));
    if (!valid) return { ok: false, reason: 'MultiPolygon rings are not closed rings of [longitude, latitude]' };
    return { ok: true, ...polygonCentroid(coordinates as Ring[][]) };
  }
  return { ok: false, reason: `geometry type ${String(type)} is not a Point, Polygon or MultiPolygon` };
}
