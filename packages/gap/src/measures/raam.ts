import type { CostMatrix, ProgressFn } from '../types.ts';
import { checkInputs, progressTicker } from './common.ts';

export interface RaamOptions {
  /** Travel cost that weighs as much as a service at the area's average crowding; default 60 (pysal). */
  tau?: number;
  /** Demand per unit of supply that counts as average crowding; default Σ demand / Σ supply (positive weights). */
  rho?: number;
  /** Pairs beyond this cost are not options; default `Infinity` (pysal uses every pair it is given). */
  cutoff?: number;
  /** Default 150 (pysal `Access.raam`). */
  maxCycles?: number;
  /** Share of a demand point's people that may move in the first cycle; default 0.2. */
  initialStep?: number;
  /** The share halves every `halfLife` cycles (default 50) down to `minStep` (default 0.005). */
  halfLife?: number;
  minStep?: number;
  /** For this many first cycles (default 20) moves into one service are scaled to its capacity. */
  limitInitial?: number;
}

/**
 * Rational agent access model (Saxon & Snow 2019), a port of pysal `raam.iterate_raam` (fraction
 * steps). People start at their nearest service and, cycle by cycle, whole persons move from their
 * costliest to their cheapest option, where
 *
 *   cost_ij = d_ij / τ + (people assigned to j) / (ρ · S_j)
 *
 * The result per demand point is its people's average cost after `maxCycles` cycles: travel in
 * units of τ plus crowding relative to the average — lower is better, 1 ≈ "one τ of travel, or an
 * averagely crowded service next door". NaN for points without people or without any service with
 * capacity > 0 within the cutoff (pysal leaves both out). Ties go to the lower supply index, as
 * numpy's argmin/argmax go to the first column. O(maxCycles × pairs): for tables, not city grids.
 */
export function raam(
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  options: RaamOptions = {},
  onProgress?: ProgressFn,
): Float64Array {
  const cutoff = options.cutoff ?? Number.POSITIVE_INFINITY;
  checkInputs(matrix, demand, supply, Math.min(cutoff, matrix.maxCost));
  const tau = options.tau ?? 60;
  const maxCycles = options.maxCycles ?? 150;
  const initialStep = options.initialStep ?? 0.2;
  const halfLife = options.halfLife ?? 50;
  const minStep = options.minStep ?? 0.005;
  const limitInitial = options.limitInitial ?? 20;
  if (!(tau > 0)) throw new RangeError(`tau must be > 0, got ${tau}`);
  if (!Number.isInteger(maxCycles) || maxCycles < 1) throw new RangeError(`maxCycles must be ≥ 1, got ${maxCycles}`);

  const { offsets, supply: columns, cost } = matrix;
  const n = matrix.demandCount;
  let totalDemand = 0;
  let totalSupply = 0;
  for (const p of demand) if (p > 0) totalDemand += p;
  for (const s of supply) if (s > 0) totalSupply += s;
  const rho = options.rho ?? totalDemand / totalSupply;
  const capacity = Float64Array.from(supply, (s) => s * rho);

  const usable = new Uint8Array(cost.length);
  const travel = new Float64Array(cost.length);
  for (let i = 0; i < n; i++) {
    if (!((demand[i] as number) > 0)) continue;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      if ((cost[k] as number) <= cutoff && (supply[columns[k] as number] as number) > 0) {
        usable[k] = 1;
        travel[k] = (cost[k] as number) / tau;
      }
    }
  }

  // Everyone starts at the option with the least travel.
  const assignment = new Float64Array(cost.length);
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = pick(offsets[i] as number, offsets[i + 1] as number, (k) => travel[k] as number, -1);
    if (k >= 0) {
      assignment[k] = demand[i] as number;
      active[i] = 1;
    }
  }

  const atSupply = new Float64Array(matrix.supplyCount);
  const congestion = new Float64Array(matrix.supplyCount);
  const moved = new Float64Array(matrix.supplyCount);
  const minPair = new Int32Array(n);
  const maxPair = new Int32Array(n);
  const delta = new Float64Array(n);
  const tick = progressTicker(onProgress, maxCycles);

  for (let cycle = 0; cycle < maxCycles; cycle++) {
    atSupply.fill(0);
    for (let k = 0; k < cost.length; k++) {
      const a = assignment[k] as number;
      if (a !== 0) atSupply[columns[k] as number] = (atSupply[columns[k] as number] as number) + a;
    }
    for (let j = 0; j < congestion.length; j++) congestion[j] = (atSupply[j] as number) / (capacity[j] as number);
    const total = (k: number) => (congestion[columns[k] as number] as number) + (travel[k] as number);
    const stepSize = Math.max(initialStep * 0.5 ** (cycle / halfLife), minStep);

    for (let i = 0; i < n; i++) {
      delta[i] = 0;
      if (active[i] === 0) continue;
      const start = offsets[i] as number;
      const end = offsets[i + 1] as number;
      const kMin = pick(start, end, total, -1);
      const kMax = pick(start, end, (k) => (assignment[k] === 0 ? Number.NaN : -total(k)), -1);
      minPair[i] = kMin;
      maxPair[i] = kMax;
      const jMin = columns[kMin] as number;
      const jMax = columns[kMax] as number;
      if (jMin === jMax) continue;
      const slMin = capacity[jMin] as number;
      const slMax = capacity[jMax] as number;
      const drMin = assignment[kMin] as number;
      const drMax = assignment[kMax] as number;
      const otherMin = (atSupply[jMin] as number) - drMin;
      const otherMax = (atSupply[jMax] as number) - drMax;
      const balanced =
        ((slMin * slMax) / (slMin + slMax)) *
        ((travel[kMax] as number) - (travel[kMin] as number) + (drMin + drMax + otherMax) / slMax - otherMin / slMin);
      delta[i] = Math.trunc(Math.min(balanced - drMin, drMax, stepSize * (demand[i] as number)));
    }

    if (cycle < limitInitial) {
      // Keep an attractive service from being mobbed in the first cycles (pysal `limit_initial`).
      moved.fill(0);
      for (let i = 0; i < n; i++)
        if (active[i] === 1) {
          const j = columns[minPair[i] as number] as number;
          moved[j] = (moved[j] as number) + (delta[i] as number);
        }
      for (let i = 0; i < n; i++)
        if (active[i] === 1) {
          const j = columns[minPair[i] as number] as number;
          const scale = Math.max((moved[j] as number) / (capacity[j] as number), 1);
          delta[i] = roundHalfEven((delta[i] as number) / scale);
        }
    }

    for (let i = 0; i < n; i++) {
      const d = delta[i] as number;
      if (active[i] === 0 || d === 0) continue;
      const kMin = minPair[i] as number;
      const kMax = maxPair[i] as number;
      assignment[kMin] = (assignment[kMin] as number) + d;
      assignment[kMax] = (assignment[kMax] as number) - d;
    }
    tick(cycle + 1);
  }

  // pysal weighs the last cycle's costs (from before its moves) by the assignment after them.
  const values = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    if (active[i] === 0) continue;
    let weighted = 0;
    let people = 0;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      const a = assignment[k] as number;
      if (usable[k] === 0 || a === 0) continue;
      weighted += ((congestion[columns[k] as number] as number) + (travel[k] as number)) * a;
      people += a;
    }
    values[i] = weighted / people;
  }
  return values;

  /** The usable pair of a row with the least `score` (NaN never wins); ties to the lower supply index. */
  function pick(start: number, end: number, score: (k: number) => number, none: number): number {
    let best = none;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let k = start; k < end; k++) {
      if (usable[k] === 0) continue;
      const s = score(k);
      if (Number.isNaN(s)) continue;
      if (best === none || s < bestScore || (s === bestScore && (columns[k] as number) < (columns[best] as number))) {
        best = k;
        bestScore = s;
      }
    }
    return best;
  }
}

/** numpy's `round`: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
