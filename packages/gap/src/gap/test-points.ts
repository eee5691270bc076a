/** Test helpers: WGS84 layers placed by metres east/north of a point in Dortmund-Eving. */
import type { PointLayer } from '../types.ts';

export const ORIGIN = { lng: 7.47, lat: 51.55 };
const M_PER_DEG_LAT = 111_195;

/** [lng, lat] of the point `east` and `north` metres from ORIGIN. */
export function at(east: number, north: number): [number, number] {
  const lat = ORIGIN.lat + north / M_PER_DEG_LAT;
  const lng = ORIGIN.lng + east / (M_PER_DEG_LAT * Math.cos((ORIGIN.lat * Math.PI) / 180));
  return [lng, lat];
}

/** A layer from [east, north, weight] triples; ids are `${prefix}${index}`. */
export function layerAt(prefix: string, points: ReadonlyArray<[number, number, number?]>): PointLayer {
  const placed = points.map(([e, n]) => at(e, n));
  return {
    ids: points.map((_, i) => `${prefix}${i}`),
    x: Float64Array.from(placed, (p) => p[0]),
    y: Float64Array.from(placed, (p) => p[1]),
    weight: Float64Array.from(points, (p) => p[2] ?? 1),
    crs: 'wgs84',
  };
}

export function emptyLayer(): PointLayer {
  return { ids: [], x: new Float64Array(0), y: new Float64Array(0), weight: new Float64Array(0), crs: 'wgs84' };
}

/** A square quarter polygon from its south-west and north-east corners in metres. */
export function squareAt(west: number, south: number, east: number, north: number) {
  const ring = [at(west, south), at(east, south), at(east, north), at(west, north), at(west, south)];
  return { type: 'Polygon' as const, coordinates: [ring] };
}
