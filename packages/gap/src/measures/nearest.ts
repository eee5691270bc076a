import type { CostMatrix, ProgressFn } from '../types.ts';
import { type CatchmentOptions, checkInputs, longestRow, progressTicker } from './common.ts';

export interface NearestOptions extends CatchmentOptions {
  /** 1 = nearest, 2 = second nearest, …; default 1. */
  n?: number;
}

/**
 * Cost to the n-th nearest supply point within the cutoff; NaN when fewer than n supply points
 * are within it (for n = 1: unreachable). Counts supply points, not capacity, and ignores their
 * weights — filter zero-capacity services out of the layer first if they should not count. (ipea
 * `cost_to_closest` counts opportunity units instead and reports Inf where we report NaN.)
 * Rows need not be sorted by cost.
 */
export function nearestDistance(matrix: CostMatrix, options: NearestOptions, onProgress?: ProgressFn): Float64Array {
  const { cutoff } = options;
  const rank = options.n ?? 1;
  checkInputs(matrix, undefined, undefined, cutoff);
  if (!Number.isInteger(rank) || rank < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${rank}`);
  const { offsets, cost } = matrix;
  const count = matrix.demandCount;
  const tick = progressTicker(onProgress, count);
  const values = new Float64Array(count);
  const scratch = rank === 1 ? undefined : new Float64Array(longestRow(matrix));
  for (let i = 0; i < count; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    if (scratch === undefined) {
      let best = Number.NaN;
      for (let k = start; k < end; k++) {
        const c = cost[k] as number;
        // !(c >= NaN) holds, so the first pair within the cutoff always sets `best`.
        if (c <= cutoff && !(c >= best)) best = c;
      }
      values[i] = best;
    } else {
      let found = 0;
      for (let k = start; k < end; k++) {
        const c = cost[k] as number;
        if (c <= cutoff) scratch[found++] = c;
      }
      values[i] = found < rank ? Number.NaN : (scratch.subarray(0, found).sort()[rank - 1] as number);
    }
    tick(i + 1);
  }
  return values;
}
