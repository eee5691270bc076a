import type { Decay } from '../decay.ts';
import type { CostMatrix, ProgressFn } from '../types.ts';
import { BINARY, type CatchmentOptions, checkInputs, pairWeights, progressTicker } from './common.ts';

export interface FcaRatioOptions extends CatchmentOptions {
  decay?: Decay;
  /**
   * Costs from each demand point to the other demand points (demand → demand, CSR by demand,
   * including the point itself at cost 0), e.g. `straightLineMatrix(demandLayer, demandLayer, …)`.
   */
  neighbors: CostMatrix;
}

/**
 * Floating catchment ratio (the first FCA; pysal `fca_ratio`): supply within the catchment of a
 * demand point divided by the demand within the same catchment,
 *
 *   A_i = Σ_j S_j · w(d_ij)  /  Σ_l p_l · w(d'_il)
 *
 * with d = demand → supply costs and d' = demand → demand costs (`neighbors`). It ignores that
 * people in the catchment may also use services outside it, which 2SFCA fixes. NaN when no supply
 * point is within the cutoff (pysal: 0) and when the catchment holds no people (ratio undefined).
 */
export function fcaRatio(
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  options: FcaRatioOptions,
  onProgress?: ProgressFn,
): Float64Array {
  const decay = options.decay ?? BINARY;
  const { cutoff, neighbors } = options;
  checkInputs(matrix, demand, supply, cutoff, decay);
  if (neighbors.demandCount !== matrix.demandCount || neighbors.supplyCount !== matrix.demandCount)
    throw new RangeError(
      `neighbors must be a ${matrix.demandCount} × ${matrix.demandCount} demand → demand matrix, got ${neighbors.demandCount} × ${neighbors.supplyCount}`,
    );
  checkInputs(neighbors, demand, demand, cutoff);
  const weights = pairWeights(matrix, decay, cutoff);
  const neighborWeights = pairWeights(neighbors, decay, cutoff);
  const n = matrix.demandCount;
  const tick = progressTicker(onProgress, n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let supplied = 0;
    let reachable = false;
    let end = matrix.offsets[i + 1] as number;
    for (let k = matrix.offsets[i] as number; k < end; k++) {
      if ((matrix.cost[k] as number) > cutoff) continue;
      reachable = true;
      supplied += (supply[matrix.supply[k] as number] as number) * (weights[k] as number);
    }
    let people = 0;
    end = neighbors.offsets[i + 1] as number;
    for (let k = neighbors.offsets[i] as number; k < end; k++) {
      const w = neighborWeights[k] as number;
      if (w !== 0) people += (demand[neighbors.supply[k] as number] as number) * w;
    }
    values[i] = reachable && people > 0 ? supplied / people : Number.NaN;
    tick(i + 1);
  }
  return values;
}
