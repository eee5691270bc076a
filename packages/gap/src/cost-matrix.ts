import KDBush from 'kdbush';
import type { CostMatrix, PointLayer, ProgressFn } from './types.ts';

/** Builds a CSR matrix from unordered (demand, supply, cost) pairs; pairs with cost > maxCost are dropped. */
export function matrixFromPairs(
  demandCount: number,
  supplyCount: number,
  demand: ArrayLike<number>,
  supply: ArrayLike<number>,
  cost: ArrayLike<number>,
  maxCost: number,
): CostMatrix {
  const counts = new Uint32Array(demandCount + 1);
  for (let k = 0; k < demand.length; k++) {
    const row = (demand[k] as number) + 1;
    if ((cost[k] as number) <= maxCost) counts[row] = (counts[row] as number) + 1;
  }
  for (let i = 0; i < demandCount; i++) counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number);
  const offsets = counts.slice();
  const next = counts.slice(0, demandCount);
  const total = offsets[demandCount] as number;
  const supplyOut = new Uint32Array(total);
  const costOut = new Float64Array(total);
  for (let k = 0; k < demand.length; k++) {
    const c = cost[k] as number;
    if (c > maxCost) continue;
    const d = demand[k] as number;
    const at = next[d] as number;
    supplyOut[at] = supply[k] as number;
    costOut[at] = c;
    next[d] = at + 1;
  }
  return { demandCount, supplyCount, offsets, supply: supplyOut, cost: costOut, maxCost };
}

export interface StraightLineOptions {
  /** Largest cost kept, in metres after the detour factor. */
  maxCost: number;
  /**
   * Walking is longer than the crow flies; 1.3 is a common factor for dense street grids.
   * The cost is great-circle (or planar) distance × detour.
   */
  detour?: number;
  onProgress?: ProgressFn;
}

const PROGRESS_STEPS = 200;
const EARTH_RADIUS_M = 6_371_000;
const RAD = Math.PI / 180;

/** Demand points in metres with their index, built once per layer and reused across categories. */
interface DemandIndex {
  index: KDBush;
  /** Projected coordinates (metres) of the points, as indexed. */
  px: Float64Array;
  py: Float64Array;
  /** cos(latitude) per point, for the distance formula; all 1 for planar layers. */
  cos: Float64Array;
  /** Latitude the projection is true at (radians); 0 for planar layers. */
  lat0: number;
}

const demandIndexes = new WeakMap<Float64Array, DemandIndex>();

function demandIndex(layer: PointLayer): DemandIndex {
  const cached = demandIndexes.get(layer.x);
  if (cached && cached.px.length === layer.x.length) return cached;
  const n = layer.x.length;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const cos = new Float64Array(n).fill(1);
  let lat0 = 0;
  if (layer.crs === 'wgs84') {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += layer.y[i] as number;
    lat0 = n > 0 ? (sum / n) * RAD : 0;
    const k = EARTH_RADIUS_M * Math.cos(lat0);
    for (let i = 0; i < n; i++) {
      px[i] = (layer.x[i] as number) * RAD * k;
      py[i] = (layer.y[i] as number) * RAD * EARTH_RADIUS_M;
      cos[i] = Math.cos((layer.y[i] as number) * RAD);
    }
  } else {
    px.set(layer.x);
    py.set(layer.y);
  }
  const index = new KDBush(n);
  for (let i = 0; i < n; i++) index.add(px[i] as number, py[i] as number);
  index.finish();
  const built = { index, px, py, cos, lat0 };
  demandIndexes.set(layer.x, built);
  return built;
}

/** Growable typed buffers for (demand, supply, cost) triples; one set is reused between calls. */
class Pairs {
  demand = new Uint32Array(1 << 16);
  supply = new Uint32Array(1 << 16);
  cost = new Float64Array(1 << 16);
  length = 0;

  push(i: number, j: number, c: number): void {
    if (this.length === this.demand.length) {
      const grow = <T extends Uint32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.demand = grow(this.demand);
      this.supply = grow(this.supply);
      this.cost = grow(this.cost);
    }
    this.demand[this.length] = i;
    this.supply[this.length] = j;
    this.cost[this.length] = c;
    this.length++;
  }
}

// Reused by every straightLineMatrix call (the engine is synchronous, so calls never overlap):
// millions of pairs per category would otherwise be reallocated and collected each time.
const scratchPairs = new Pairs();

/**
 * Costs between every demand point and every supply point within `maxCost`, as straight-line
 * distance × detour. WGS84 layers use the great-circle distance on the sphere (R = 6,371 km) in
 * its equirectangular form R·√(Δφ² + (Δλ·cos φ̄)²), which over catchment distances of a few
 * kilometres differs from the haversine formula by less than 0.001 %. Planar layers (EPSG:3035,
 * EPSG:25832 …) use Euclidean distance in metres. Rows are not ordered by cost.
 *
 * It searches from each supply point into an index of the demand points (there are usually far
 * fewer services than population cells), and keeps that index for the next category.
 */
export function straightLineMatrix(demand: PointLayer, supply: PointLayer, options: StraightLineOptions): CostMatrix {
  if (demand.crs !== supply.crs) throw new Error('demand and supply must use the same coordinate system');
  const detour = options.detour ?? 1;
  const radius = options.maxCost / detour;
  const m = supply.x.length;
  if (demand.x.length === 0 || m === 0) {
    const empty = new Float64Array(0);
    return matrixFromPairs(demand.x.length, m, empty, empty, empty, options.maxCost);
  }
  const { index, px, py, cos, lat0 } = demandIndex(demand);
  const wgs84 = demand.crs === 'wgs84';
  const k = EARTH_RADIUS_M * Math.cos(lat0);
  // The projection is true at lat0 only; widen the search by the worst scale error in the area
  // and let the exact distance decide.
  let widen = 1;
  if (wgs84) {
    let minCos = 1;
    for (let i = 0; i < cos.length; i++) if ((cos[i] as number) < minCos) minCos = cos[i] as number;
    widen = Math.cos(lat0) / Math.max(minCos, 1e-6) + 0.01;
  }
  const pairs = scratchPairs;
  pairs.length = 0;
  const every = Math.max(1, Math.floor(m / PROGRESS_STEPS));
  for (let j = 0; j < m; j++) {
    const lon = supply.x[j] as number;
    const lat = supply.y[j] as number;
    const qx = wgs84 ? lon * RAD * k : lon;
    const qy = wgs84 ? lat * RAD * EARTH_RADIUS_M : lat;
    const cosJ = wgs84 ? Math.cos(lat * RAD) : 1;
    for (const i of index.within(qx, qy, radius * widen)) {
      let d: number;
      if (wgs84) {
        const dPhi = ((demand.y[i] as number) - lat) * RAD;
        const dLambda = ((demand.x[i] as number) - lon) * RAD * (((cos[i] as number) + cosJ) / 2);
        d = EARTH_RADIUS_M * Math.sqrt(dPhi * dPhi + dLambda * dLambda);
      } else {
        d = Math.hypot((px[i] as number) - qx, (py[i] as number) - qy);
      }
      const cost = d * detour;
      if (cost <= options.maxCost) pairs.push(i, j, cost);
    }
    if (options.onProgress && (j % every === 0 || j === m - 1)) options.onProgress(j + 1, m);
  }
  const { demand: di, supply: sj, cost } = pairs;
  return matrixFromPairs(
    demand.x.length,
    m,
    di.subarray(0, pairs.length),
    sj.subarray(0, pairs.length),
    cost.subarray(0, pairs.length),
    options.maxCost,
  );
}

export interface CostRow {
  origin: string;
  dest: string;
  cost: number;
}

export type TableProblem = { row: number; reason: string };

/**
 * A matrix from a precomputed travel-cost table (e.g. travel times from another routing tool).
 * Rows naming unknown ids or with a negative or non-finite cost are reported, not dropped silently.
 */
export function matrixFromTable(
  rows: readonly CostRow[],
  demandIds: readonly string[],
  supplyIds: readonly string[],
  maxCost: number,
): { ok: true; matrix: CostMatrix } | { ok: false; problems: TableProblem[] } {
  const demandIndex = new Map(demandIds.map((id, i) => [id, i]));
  const supplyIndex = new Map(supplyIds.map((id, j) => [id, j]));
  const problems: TableProblem[] = [];
  const d: number[] = [];
  const s: number[] = [];
  const c: number[] = [];
  rows.forEach((row, k) => {
    const i = demandIndex.get(row.origin);
    const j = supplyIndex.get(row.dest);
    if (i === undefined) problems.push({ row: k, reason: `origin "${row.origin}" is not a demand id` });
    else if (j === undefined) problems.push({ row: k, reason: `dest "${row.dest}" is not a supply id` });
    else if (!Number.isFinite(row.cost) || row.cost < 0)
      problems.push({ row: k, reason: `cost "${row.cost}" is not a number ≥ 0` });
    else {
      d.push(i);
      s.push(j);
      c.push(row.cost);
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  const matrix = matrixFromPairs(demandIds.length, supplyIds.length, d, s, c, maxCost);
  sortRowsByCost(matrix);
  return { ok: true, matrix };
}

/** Orders each demand row by increasing cost (nearest-first), which the nearest-distance measures rely on. */
export function sortRowsByCost(matrix: CostMatrix): void {
  for (let i = 0; i < matrix.demandCount; i++) {
    const start = matrix.offsets[i] as number;
    const end = matrix.offsets[i + 1] as number;
    if (end - start < 2) continue;
    const order = Array.from({ length: end - start }, (_, k) => start + k).sort(
      (a, b) => (matrix.cost[a] as number) - (matrix.cost[b] as number),
    );
    const s = order.map((k) => matrix.supply[k] as number);
    const c = order.map((k) => matrix.cost[k] as number);
    matrix.supply.set(s, start);
    matrix.cost.set(c, start);
  }
}

/** Points of a layer from plain arrays (WGS84 unless said otherwise). */
export function pointLayer(
  points: ReadonlyArray<{ id: string; x: number; y: number; weight?: number }>,
  crs: PointLayer['crs'] = 'wgs84',
): PointLayer {
  return {
    ids: points.map((p) => p.id),
    x: Float64Array.from(points, (p) => p.x),
    y: Float64Array.from(points, (p) => p.y),
    weight: Float64Array.from(points, (p) => p.weight ?? 1),
    crs,
  };
}
