/** [west, south, east, north] in WGS84 degrees. */
export type BBox = [number, number, number, number];

const MAX_LAT = 85.05112878;

/** The XYZ (slippy map) tile containing the point at zoom z. */
export function tileAt(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const φ = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(φ) + 1 / Math.cos(φ)) / Math.PI) / 2) * n);
  return { x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

export interface TileRange {
  z: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export function tileRange(bbox: BBox, z: number): TileRange {
  const [west, south, east, north] = bbox;
  const nw = tileAt(west, north, z);
  const se = tileAt(east, south, z);
  return { z, minX: nw.x, maxX: se.x, minY: nw.y, maxY: se.y };
}

export function rangeSize(range: TileRange): number {
  return (range.maxX - range.minX + 1) * (range.maxY - range.minY + 1);
}

export function intersectBBox(a: BBox, b: BBox): BBox | undefined {
  const result: BBox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return result[0] <= result[2] && result[1] <= result[3] ? result : undefined;
}

/** Widens a bbox by `metres` on every side, so the edge of a quarter is not also the edge of the map. */
export function padBBox(bbox: BBox, metres: number): BBox {
  const dLat = metres / 111_320;
  const midLat = ((bbox[1] + bbox[3]) / 2) * (Math.PI / 180);
  const dLon = metres / (111_320 * Math.max(0.01, Math.cos(midLat)));
  return [bbox[0] - dLon, bbox[1] - dLat, bbox[2] + dLon, bbox[3] + dLat];
}

function quadkey(z: number, x: number, y: number): string {
  let key = '';
  for (let i = z; i > 0; i--) {
    const mask = 1 << (i - 1);
    key += String((x & mask ? 1 : 0) + (y & mask ? 2 : 0));
  }
  return key;
}

/** Fills a tile URL template the way MapLibre does ({z}/{x}/{y}, {quadkey}, TMS row order, {ratio}). */
export function tileUrl(template: string, z: number, x: number, y: number, scheme: 'xyz' | 'tms' = 'xyz'): string {
  const row = scheme === 'tms' ? 2 ** z - 1 - y : y;
  return template
    .replace(/\{z\}/g, String(z))
    .replace(/\{x\}/g, String(x))
    .replace(/\{y\}/g, String(row))
    .replace(/\{quadkey\}/g, quadkey(z, x, y))
    .replace(/\{ratio\}/g, '');
}
