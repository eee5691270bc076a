/**
 * Shared shapes of the engine. Everything is columnar (typed arrays indexed by position) so that
 * 60,000 demand cells × 5,000 services fit in memory and cross worker-thread boundaries cheaply.
 */

/** Points with a weight each: demand (people of a group) or supply (capacity, 1 where unknown). */
export interface PointLayer {
  ids: string[];
  /** WGS84 longitude, or x in metres for planar layers. */
  x: Float64Array;
  /** WGS84 latitude, or y in metres for planar layers. */
  y: Float64Array;
  weight: Float64Array;
  /** `wgs84`: x/y are lon/lat, distances are great-circle metres; `planar`: x/y in metres. */
  crs: 'wgs84' | 'planar';
}

/**
 * Sparse costs from each demand point to the supply points within the bound, in CSR layout by
 * demand: the pairs of demand i are at positions offsets[i] … offsets[i+1]-1 of `supply` and `cost`.
 * Costs are metres (or minutes, for imported travel-time tables); pairs beyond the bound are absent.
 */
export interface CostMatrix {
  demandCount: number;
  supplyCount: number;
  offsets: Uint32Array;
  supply: Uint32Array;
  cost: Float64Array;
  /** The bound the matrix was built with: pairs with cost > maxCost are not in it. */
  maxCost: number;
}

/** A distance-decay function (see decay.ts for the exact definitions). Cost d ≥ 0, cutoff c. */
export type DecaySpec =
  | { kind: 'binary' }
  | { kind: 'linear' }
  | { kind: 'exponential'; beta: number }
  | { kind: 'power'; beta: number }
  | { kind: 'gaussian'; sigma: number }
  | { kind: 'steps'; steps: Array<{ upTo: number; weight: number }> };

export const METHODS = [
  'nearest',
  'coverage',
  'cumulative',
  'gravity',
  'fca',
  '2sfca',
  'e2sfca',
  'g2sfca',
  '3sfca',
  'bfca',
] as const;
export type Method = (typeof METHODS)[number];

/** Reports progress of long work: `done` of `total` units. Called at most a few hundred times. */
export type ProgressFn = (done: number, total: number) => void;

/** Per-demand-point values, aligned with the demand layer. NaN = unreachable (no supply within the cutoff). */
export type Values = Float64Array;

export function isUnreachable(value: number): boolean {
  return Number.isNaN(value);
}
