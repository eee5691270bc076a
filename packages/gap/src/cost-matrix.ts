import { around, distance } from 'geokdbush';
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

/**
 * Costs between every demand point and every supply point within `maxCost`, as straight-line
 * distance × detour. WGS84 layers use great-circle distance on the sphere (R = 6,371 km); planar
 * layers (EPSG:3035, EPSG:25832 …) use Euclidean distance in metres. Rows are ordered by cost.
 */
export function straightLineMatrix(demand: PointLayer, supply: PointLayer, options: StraightLineOptions): CostMatrix {
  if (demand.crs !== supply.crs) throw new Error('demand and supply must use the same coordinate system');
  const detour = options.detour ?? 1;
  const radius = options.maxCost / detour;
  const n = demand.x.length;
  const index = new KDBush(Math.max(supply.x.length, 1));
  for (let j = 0; j < supply.x.length; j++) index.add(supply.x[j] as number, supply.y[j] as number);
  index.finish();

  const offsets = new Uint32Array(n + 1);
  const supplyParts: number[] = [];
  const costParts: number[] = [];
  const every = Math.max(1, Math.floor(n / PROGRESS_STEPS));
  for (let i = 0; i < n; i++) {
    const x = demand.x[i] as number;
    const y = demand.y[i] as number;
    if (supply.x.length > 0) {
      if (demand.crs === 'wgs84') {
        for (const j of around(index, x, y, Number.POSITIVE_INFINITY, radius / 1000)) {
          supplyParts.push(j);
          costParts.push(distance(x, y, supply.x[j] as number, supply.y[j] as number) * 1000 * detour);
        }
      } else {
        const found = index.within(x, y, radius);
        const pairs = found.map(
          (j) => [j, Math.hypot((supply.x[j] as number) - x, (supply.y[j] as number) - y) * detour] as const,
        );
        pairs.sort((a, b) => a[1] - b[1]);
        for (const [j, c] of pairs) {
          supplyParts.push(j);
          costParts.push(c);
        }
      }
    }
    offsets[i + 1] = supplyParts.length;
    if (options.onProgress && (i % every === 0 || i === n - 1)) options.onProgress(i + 1, n);
  }
  return {
    demandCount: n,
    supplyCount: supply.x.length,
    offsets,
    supply: Uint32Array.from(supplyParts),
    cost: Float64Array.from(costParts),
    maxCost: options.maxCost,
  };
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
