import { type Decay, decayWeights } from '../decay.ts';
import type { CostMatrix, ProgressFn } from '../types.ts';
import { type CatchmentOptions, checkInputs, pairWeights, zones } from './common.ts';
import { type FcaResult, requireFinite, twoStepWithWeights } from './two-step.ts';

/**
 * How 3SFCA splits a demand point's pressure among the services it can reach.
 * - `decay` (Wan, Zou & Sternberg 2012; pysal `three_stage_fca`): G_ij = w(d_ij) / Σ_k w(d_ik).
 * - `huff` (aceso `ThreeStepFCA`): G_ij = (1/d_ij) / Σ_k (1/d_ik), an infinite 1/d (d = 0) taken as 10^8.
 *
 * Both sums run over EVERY pair of row i the matrix holds, also those beyond the cutoff, and with
 * the decay not cut at the cutoff (pysal's `W3sum`): to reproduce pysal, build the matrix with a
 * larger bound than the cutoff. A row whose sum is 0 gets G = 0 (pysal: NaN, dropped by `sum`).
 */
export type Selection = 'decay' | 'huff';

export interface ThreeStepOptions extends CatchmentOptions {
  decay?: Decay;
  selection?: Selection;
}

/** aceso's stand-in for an infinite 1/d (d = 0) in the Huff probabilities. */
const HUFF_AT_ZERO = 1e8;

/**
 * Default 3SFCA weights (Wan et al. 2012: 0.962, 0.704, 0.377, 0.042) at 1/6, 2/6, 3/6 and all of
 * the cutoff; for a 60-minute cutoff this is pysal's default `step_fn({10: 0.962, 20: 0.704,
 * 30: 0.377, 60: 0.042})`.
 */
export function defaultThreeStepSteps(cutoff: number): Decay {
  return zones(cutoff, [1, 2, 3, 6], 6, [0.962, 0.704, 0.377, 0.042]);
}

/**
 * Three-step floating catchment area: 2SFCA where each pair's weight is multiplied by the
 * selection weight G_ij (see {@link Selection}):
 *
 *   D_j = Σ_i p_i · w(d_ij) · G_ij     R_j = S_j / D_j     A_i = Σ_j R_j · w(d_ij) · G_ij
 *
 * so a demand point with many services nearby does not count in full at each of them. Default
 * decay: {@link defaultThreeStepSteps}; default selection: `decay`.
 */
export function threeStepFca(
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  options: ThreeStepOptions,
  onProgress?: ProgressFn,
): FcaResult {
  const decay = options.decay ?? defaultThreeStepSteps(requireFinite(options.cutoff, '3SFCA default weights'));
  const cutoff = options.cutoff;
  checkInputs(matrix, demand, supply, cutoff, decay);
  const weights = pairWeights(matrix, decay, cutoff);
  const selection = options.selection ?? 'decay';
  const attraction =
    selection === 'decay' ? decayWeights(decay, matrix.cost, cutoff, false) : huffAttraction(matrix.cost);
  const { offsets } = matrix;
  for (let i = 0; i < matrix.demandCount; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    let sum = 0;
    for (let k = start; k < end; k++) sum += attraction[k] as number;
    for (let k = start; k < end; k++) {
      const w = weights[k] as number;
      weights[k] = sum > 0 && w !== 0 ? w * ((attraction[k] as number) / sum) : 0;
    }
  }
  return twoStepWithWeights(matrix, demand, supply, weights, cutoff, onProgress);
}

function huffAttraction(costs: Float64Array): Float64Array {
  const out = new Float64Array(costs.length);
  for (let k = 0; k < costs.length; k++) {
    const inverse = 1 / (costs[k] as number);
    out[k] = Number.isFinite(inverse) ? inverse : HUFF_AT_ZERO;
  }
  return out;
}
