import type { CostMatrix, ProgressFn } from '../types.ts';
import { type CatchmentOptions, checkInputs, progressTicker } from './common.ts';

export interface CoverageResult {
  /** Per demand point: 1 = a supply point with weight > 0 within the cutoff, 0 = only weight-0 ones, NaN = none. */
  values: Float64Array;
  /** Share of the demand weight (people) that is covered, 0…1; NaN when there is no demand at all. */
  share: number;
  /** Demand points with people (weight > 0) that are not covered, in index order. */
  unserved: Uint32Array;
}

/**
 * Coverage within a cutoff: which demand points have at least one supply point with weight > 0
 * within it, and which share of people that is: share = Σ_i p_i · covered_i / Σ_i p_i.
 */
export function coverage(
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  options: CatchmentOptions,
  onProgress?: ProgressFn,
): CoverageResult {
  const { cutoff } = options;
  checkInputs(matrix, demand, supply, cutoff);
  const { offsets, supply: columns, cost } = matrix;
  const n = matrix.demandCount;
  const tick = progressTicker(onProgress, n);
  const values = new Float64Array(n);
  const unserved: number[] = [];
  let covered = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let value = Number.NaN;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      if ((cost[k] as number) > cutoff) continue;
      if ((supply[columns[k] as number] as number) > 0) {
        value = 1;
        break;
      }
      value = 0;
    }
    values[i] = value;
    const people = demand[i] as number;
    total += people;
    if (value === 1) covered += people;
    else if (people > 0) unserved.push(i);
    tick(i + 1);
  }
  return { values, share: total > 0 ? covered / total : Number.NaN, unserved: Uint32Array.from(unserved) };
}
