import type { MultiPolygonGeometry, PolygonGeometry, Position } from './types.ts';

/** Mean Earth radius (m), as @turf uses it. */
const EARTH_RADIUS_M = 6_371_008.8;

/**
 * A polygon approximating the circle of `radiusM` metres around `center` (closed ring), for the
 * GPS accuracy circle. Destination points on the sphere, so the circle is round on the map at any
 * latitude, not squashed as a circle in degrees would be.
 */
export function circlePolygon(center: Position, radiusM: number, steps = 64): PolygonGeometry {
  const [lon, lat] = center;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lon * Math.PI) / 180;
  const δ = Math.max(0, radiusM) / EARTH_RADIUS_M;
  const ring: number[][] = [];
  for (let i = 0; i < steps; i++) {
    const θ = (-2 * Math.PI * i) / steps;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([(λ2 * 180) / Math.PI, (φ2 * 180) / Math.PI]);
  }
  ring.push([...(ring[0] ?? [lon, lat])]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Great-circle distance in metres. */
export function distanceM(a: Position, b: Position): number {
  const φ1 = (a[1] * Math.PI) / 180;
  const φ2 = (b[1] * Math.PI) / 180;
  const dφ = φ2 - φ1;
  const dλ = ((b[0] - a[0]) * Math.PI) / 180;
  const h = Math.sin(dφ / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin(dλ / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** [west, south, east, north] of the given outlines, or undefined when there are none. */
export function boundsOf(
  geometries: ReadonlyArray<PolygonGeometry | MultiPolygonGeometry>,
): [number, number, number, number] | undefined {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (const [lon = NaN, lat = NaN] of ring) {
          if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
          west = Math.min(west, lon);
          east = Math.max(east, lon);
          south = Math.min(south, lat);
          north = Math.max(north, lat);
        }
      }
    }
  }
  return west <= east && south <= north ? [west, south, east, north] : undefined;
}
