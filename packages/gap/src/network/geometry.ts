import type { PointLayer } from '../types.ts';

/** Mean Earth radius in metres; the same sphere as the straight-line matrix (geokdbush), so both costs compare. */
export const EARTH_RADIUS = 6_371_000;
const RAD = Math.PI / 180;

/** Great-circle distance in metres between two lon/lat positions (haversine). */
export function greatCircle(x0: number, y0: number, x1: number, y1: number): number {
  const sinLat = Math.sin(((y1 - y0) * RAD) / 2);
  const sinLon = Math.sin(((x1 - x0) * RAD) / 2);
  const h = sinLat * sinLat + Math.cos(y0 * RAD) * Math.cos(y1 * RAD) * sinLon * sinLon;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function planarDistance(x0: number, y0: number, x1: number, y1: number): number {
  return Math.hypot(x1 - x0, y1 - y0);
}

export type Crs = PointLayer['crs'];

export function distanceFn(crs: Crs): (x0: number, y0: number, x1: number, y1: number) => number {
  return crs === 'wgs84' ? greatCircle : planarDistance;
}

/**
 * Scale factors from the input coordinates to a plane in metres used for the segment index and for
 * choosing the nearest segment. For WGS84 this is an equirectangular projection at the network's
 * mean latitude: over a city (±0.2°) it distorts distances by well under 1 %, which only matters
 * for picking between two almost equally near segments; reported distances are great-circle.
 */
export interface PlaneScale {
  kx: number;
  ky: number;
}

export function planeScale(crs: Crs, meanLat: number): PlaneScale {
  if (crs === 'planar') return { kx: 1, ky: 1 };
  const ky = EARTH_RADIUS * RAD;
  return { kx: ky * Math.cos(meanLat * RAD), ky };
}
