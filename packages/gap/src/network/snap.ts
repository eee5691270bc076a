import type { PointLayer } from '../types.ts';
import type { StreetNetwork } from './build.ts';
import { distanceFn } from './geometry.ts';

/** Default largest distance between a point and the street it is snapped to, in metres. */
export const DEFAULT_MAX_SNAP = 500;

/**
 * Where each point of a layer joined the network. A point is snapped to the nearest position on the
 * nearest street segment; the position splits that edge virtually into two parts.
 */
export interface SnapReport {
  /**
   * Metres from the point to the nearest street (great-circle or planar) — also for unsnapped
   * points, so a planner sees how far off they are. Infinity for an invalid position or an empty network.
   */
  distance: Float64Array;
  /** The snapped position; NaN for unsnapped points. */
  x: Float64Array;
  y: Float64Array;
  /** The edge and segment snapped to; -1 for unsnapped points. */
  edge: Int32Array;
  segment: Int32Array;
  /** Metres along the edge from the snapped position to the edge's `from` node and to its `to` node. */
  alongFrom: Float64Array;
  alongTo: Float64Array;
  /** Component of the snapped edge (0 = the main network); -1 for unsnapped points. */
  component: Int32Array;
  /** Points farther than maxSnap from every street (or with an invalid position): they reach nothing. */
  unsnapped: Uint32Array;
  /** Snapped points on a component other than the main network: they reach only that part. */
  offMain: Uint32Array;
  maxSnap: number;
}

/** Snaps every point of the layer to the nearest street segment within `maxSnap` metres. */
export function snapPoints(network: StreetNetwork, layer: PointLayer, maxSnap = DEFAULT_MAX_SNAP): SnapReport {
  if (layer.crs !== network.crs) throw new Error(`points are ${layer.crs} but the network is ${network.crs}`);
  const n = layer.x.length;
  const report: SnapReport = {
    distance: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    x: new Float64Array(n).fill(Number.NaN),
    y: new Float64Array(n).fill(Number.NaN),
    edge: new Int32Array(n).fill(-1),
    segment: new Int32Array(n).fill(-1),
    alongFrom: new Float64Array(n).fill(Number.NaN),
    alongTo: new Float64Array(n).fill(Number.NaN),
    component: new Int32Array(n).fill(-1),
    unsnapped: new Uint32Array(0),
    offMain: new Uint32Array(0),
    maxSnap,
  };
  const seg = network.segments;
  const { kx, ky } = seg.scale;
  const distance = distanceFn(network.crs);
  const unsnapped: number[] = [];
  const offMain: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = layer.x[i] as number;
    const y = layer.y[i] as number;
    const s = Number.isFinite(x) && Number.isFinite(y) ? nearestSegment(network, x * kx, y * ky) : -1;
    if (s < 0) {
      unsnapped.push(i);
      continue;
    }
    const t = projection(network, s, x * kx, y * ky);
    const x0 = seg.x0[s] as number;
    const y0 = seg.y0[s] as number;
    const x1 = seg.x1[s] as number;
    const y1 = seg.y1[s] as number;
    const sx = x0 + t * (x1 - x0);
    const sy = y0 + t * (y1 - y0);
    const d = distance(x, y, sx, sy);
    report.distance[i] = d;
    if (!(d <= maxSnap)) {
      unsnapped.push(i);
      continue;
    }
    const e = seg.edge[s] as number;
    const along = seg.along[s] as number;
    report.x[i] = sx;
    report.y[i] = sy;
    report.edge[i] = e;
    report.segment[i] = s;
    // Measured from the segment's own ends (not t × length), so the two parts of a split edge are
    // never shorter than the straight line, which keeps every cost ≥ the great-circle distance.
    report.alongFrom[i] = along + distance(x0, y0, sx, sy);
    report.alongTo[i] = Math.max(
      0,
      (network.edgeLength[e] as number) - along - (seg.length[s] as number) + distance(sx, sy, x1, y1),
    );
    const c = network.components.ofNode[network.edgeFrom[e] as number] as number;
    report.component[i] = c;
    if (c !== 0) offMain.push(i);
  }
  report.unsnapped = Uint32Array.from(unsnapped);
  report.offMain = Uint32Array.from(offMain);
  return report;
}

/** Fraction (0…1) along segment s of the point nearest to (qx, qy) in the index plane. */
function projection(network: StreetNetwork, s: number, qx: number, qy: number): number {
  const seg = network.segments;
  const { kx, ky } = seg.scale;
  const ax = (seg.x0[s] as number) * kx;
  const ay = (seg.y0[s] as number) * ky;
  const dx = (seg.x1[s] as number) * kx - ax;
  const dy = (seg.y1[s] as number) * ky - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return 0;
  return Math.min(1, Math.max(0, ((qx - ax) * dx + (qy - ay) * dy) / len2));
}

function squaredDistance(network: StreetNetwork, s: number, qx: number, qy: number): number {
  const seg = network.segments;
  const { kx, ky } = seg.scale;
  const t = projection(network, s, qx, qy);
  const ax = (seg.x0[s] as number) * kx;
  const ay = (seg.y0[s] as number) * ky;
  const px = ax + t * ((seg.x1[s] as number) * kx - ax) - qx;
  const py = ay + t * ((seg.y1[s] as number) * ky - ay) - qy;
  return px * px + py * py;
}

function squaredBoxDistance(network: StreetNetwork, s: number, qx: number, qy: number): number {
  const seg = network.segments;
  const { kx, ky } = seg.scale;
  const ax = (seg.x0[s] as number) * kx;
  const bx = (seg.x1[s] as number) * kx;
  const ay = (seg.y0[s] as number) * ky;
  const by = (seg.y1[s] as number) * ky;
  const dx = Math.max(Math.min(ax, bx) - qx, qx - Math.max(ax, bx), 0);
  const dy = Math.max(Math.min(ay, by) - qy, qy - Math.max(ay, by), 0);
  return dx * dx + dy * dy;
}

/**
 * The segment nearest to (qx, qy) in the index plane, or -1 for an empty network. Flatbush returns
 * segments by the distance of their boxes, which is a lower bound of the distance to the segment: once
 * the k-th box is no nearer than the best segment so far, no later segment can be nearer.
 */
function nearestSegment(network: StreetNetwork, qx: number, qy: number): number {
  const index = network.segments.index;
  if (index === null) return -1;
  let best = -1;
  let bestD2 = Number.POSITIVE_INFINITY;
  for (let k = 4; ; k *= 4) {
    const found = index.neighbors(qx, qy, k);
    for (const s of found) {
      const d2 = squaredDistance(network, s, qx, qy);
      if (d2 < bestD2 || (d2 === bestD2 && s < best)) {
        bestD2 = d2;
        best = s;
      }
    }
    const last = found[found.length - 1];
    if (found.length < k || last === undefined || bestD2 <= squaredBoxDistance(network, last, qx, qy)) return best;
  }
}
