/**
 * The little plane geometry the generator needs. Quarters are a few kilometres across, so a local
 * equirectangular approximation (metres per degree at the point's latitude) is accurate to well
 * under a metre for the offsets and shapes drawn here.
 */
import type { Rng } from './prng.ts';

export type LonLat = [number, number];
export type Ring = LonLat[];

const METRES_PER_DEGREE = 111_320;

export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`index ${index} out of range (length ${items.length})`);
  return item;
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function roundPosition([lon, lat]: LonLat): LonLat {
  return [round6(lon), round6(lat)];
}

/** Moves a position by dx metres east and dy metres north. */
export function offset([lon, lat]: LonLat, dx: number, dy: number): LonLat {
  return [lon + dx / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180)), lat + dy / METRES_PER_DEGREE];
}

/** Planar distance in metres between two nearby positions. */
export function distanceM(a: LonLat, b: LonLat): number {
  const cosLat = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((b[0] - a[0]) * cosLat, b[1] - a[1]) * METRES_PER_DEGREE;
}

/** Ray casting (even-odd rule) on a closed or open ring of [x, y]; points on an edge count either way. */
export function pointInRing([x, y]: readonly [number, number], ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = at(ring, i);
    const [xj, yj] = at(ring, j);
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function ringInside(ring: readonly LonLat[], outer: readonly LonLat[]): boolean {
  return ring.every((p) => pointInRing(p, outer));
}

/** Signed area in square degrees; positive for counter-clockwise rings. */
function signedArea(ring: readonly LonLat[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = at(ring, i);
    const [xj, yj] = at(ring, j);
    sum += (xj - xi) * (yj + yi);
  }
  return -sum / 2;
}

/** Closes a ring and orients it counter-clockwise, as RFC 7946 asks of exterior rings. */
export function closedCcwRing(vertices: readonly LonLat[]): Ring {
  const open = vertices.map(roundPosition);
  const first = at(open, 0);
  const last = at(open, open.length - 1);
  if (first[0] === last[0] && first[1] === last[1]) open.pop();
  if (signedArea(open) < 0) open.reverse();
  return [...open, at(open, 0)];
}

export function bboxOfRing(ring: readonly LonLat[]): [number, number, number, number] {
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/** A uniformly random position inside a ring (rejection sampling in its bounding box). */
export function randomPointIn(ring: readonly LonLat[], rng: Rng, accept: (p: LonLat) => boolean = () => true): LonLat {
  const [minLon, minLat, maxLon, maxLat] = bboxOfRing(ring);
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const p: LonLat = [rng.range(minLon, maxLon), rng.range(minLat, maxLat)];
    if (pointInRing(p, ring) && accept(p)) return p;
  }
  throw new Error('no position found inside the ring: is the acceptance test too strict?');
}

export interface PointOnLine {
  position: LonLat;
  /** 0 at the first vertex, 1 at the last, proportional to length */
  t: number;
  /** direction of travel in radians, counter-clockwise from east, in the local metric plane */
  bearing: number;
}

export function lineLengthM(line: readonly LonLat[]): number {
  let length = 0;
  for (let i = 1; i < line.length; i++) length += distanceM(at(line, i - 1), at(line, i));
  return length;
}

export function pointAlong(line: readonly LonLat[], t: number): PointOnLine {
  const total = lineLengthM(line);
  let remaining = Math.min(Math.max(t, 0), 1) * total;
  for (let i = 1; i < line.length; i++) {
    const a = at(line, i - 1);
    const b = at(line, i);
    const segment = distanceM(a, b);
    if (remaining <= segment || i === line.length - 1) {
      const f = segment === 0 ? 0 : Math.min(remaining / segment, 1);
      const cosLat = Math.cos((a[1] * Math.PI) / 180);
      return {
        position: [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f],
        t,
        bearing: Math.atan2(b[1] - a[1], (b[0] - a[0]) * cosLat),
      };
    }
    remaining -= segment;
  }
  throw new Error('a line needs at least two positions');
}

/** A rectangle of w × h metres centred on a position, its w side turned by `bearing`. */
export function rectangle(center: LonLat, w: number, h: number, bearing: number): Ring {
  const cos = Math.cos(bearing);
  const sin = Math.sin(bearing);
  const corners: [number, number][] = [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ];
  return closedCcwRing(corners.map(([x, y]) => offset(center, x * cos - y * sin, x * sin + y * cos)));
}

/**
 * An irregular but simple (star-shaped) outline of roughly `areaM2`: vertices at increasing angles
 * around the centre with jittered radii, so edges can never cross.
 */
export function blob(center: LonLat, areaM2: number, vertices: number, rng: Rng): Ring {
  const radii = Array.from({ length: vertices }, () => rng.range(0.75, 1.15));
  const angles = Array.from({ length: vertices }, (_, i) => ((i + rng.range(-0.3, 0.3)) / vertices) * 2 * Math.PI);
  let area = 0;
  for (let i = 0; i < vertices; i++) {
    const r1 = at(radii, i);
    const r2 = at(radii, (i + 1) % vertices);
    const a1 = at(angles, i);
    const a2 = at(angles, (i + 1) % vertices) + (i + 1 === vertices ? 2 * Math.PI : 0);
    area += 0.5 * r1 * r2 * Math.sin(a2 - a1);
  }
  const scale = Math.sqrt(areaM2 / area);
  return closedCcwRing(
    angles.map((angle, i) => {
      const r = at(radii, i) * scale;
      return offset(center, r * Math.cos(angle), r * Math.sin(angle));
    }),
  );
}
