import type { Decay } from '../decay.ts';
import type { CostMatrix, ProgressFn } from '../types.ts';
import { BINARY, type CatchmentOptions, checkInputs, pairWeights, progressTicker } from './common.ts';
import { defaultG2sfcaDecay, requireFinite } from './two-step.ts';

export interface GravityOptions extends CatchmentOptions {
  decay?: Decay;
}

/**
 * Gravity (Hansen 1959) potential: A_i = Σ_j S_j · w(d_ij) over the supply points within the
 * cutoff — reachable capacity, nearer counting more, with no competition between demand points.
 * Default decay: Gaussian with σ = cutoff/2 (as G2SFCA). pysal's `weighted_catchment` with the
 * same weight function gives the same numbers; unreachable (no supply within the cutoff) is NaN
 * here, where pysal leaves the row out (NaN after its join).
 */
export function gravity(
  matrix: CostMatrix,
  demand: Float64Array | undefined,
  supply: Float64Array,
  options: GravityOptions,
  onProgress?: ProgressFn,
): Float64Array {
  const decay = options.decay ?? defaultG2sfcaDecay(requireFinite(options.cutoff, 'the default gravity kernel'));
  return weightedSupply(matrix, demand, supply, options.cutoff, decay, onProgress);
}

/**
 * Cumulative opportunities: A_i = Σ_j S_j over the supply points with d_ij ≤ cutoff — "how many
 * places (or services, with capacity 1) are within reach". Any decay may be given; default binary.
 */
export function cumulativeOpportunities(
  matrix: CostMatrix,
  demand: Float64Array | undefined,
  supply: Float64Array,
  options: GravityOptions,
  onProgress?: ProgressFn,
): Float64Array {
  return weightedSupply(matrix, demand, supply, options.cutoff, options.decay ?? BINARY, onProgress);
}

function weightedSupply(
  matrix: CostMatrix,
  demand: Float64Array | undefined,
  supply: Float64Array,
  cutoff: number,
  decay: Decay,
  onProgress?: ProgressFn,
): Float64Array {
  checkInputs(matrix, demand, supply, cutoff, decay);
  const weights = pairWeights(matrix, decay, cutoff);
  const { offsets, supply: columns, cost } = matrix;
  const n = matrix.demandCount;
  const tick = progressTicker(onProgress, n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let reachable = false;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      if ((cost[k] as number) > cutoff) continue;
      reachable = true;
      const w = weights[k] as number;
      if (w !== 0) sum += (supply[columns[k] as number] as number) * w;
    }
    values[i] = reachable ? sum : Number.NaN;
    tick(i + 1);
  }
  return values;
}
