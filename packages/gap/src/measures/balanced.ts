import type { Decay } from '../decay.ts';
import type { CostMatrix, ProgressFn } from '../types.ts';
import { BINARY, type CatchmentOptions, checkInputs, pairWeights, progressTicker } from './common.ts';
import type { FcaResult } from './two-step.ts';

export interface BalancedOptions extends CatchmentOptions {
  decay?: Decay;
}

/**
 * Balanced floating catchment area (Paez, Higgins & Vivona 2019; ipea `fca_metric = "bfca"`).
 * The decay weights are normalised twice — by row (each demand point's people are split among the
 * services it reaches, so nobody is counted twice) and by column (each service's level of service
 * is split among the demand points that reach it):
 *
 *   wᵢ_ij = w_ij / Σ_k w_ik        wʲ_ij = w_ij / Σ_l w_lj
 *   D_j = Σ_i p_i · wᵢ_ij     R_j = S_j / D_j     A_i = Σ_j R_j · wʲ_ij
 *
 * Hence Σ_j D_j = Σ_i p_i (over demand points with some weight) and Σ_i A_i = Σ_j R_j: neither
 * demand nor level of service is inflated. A_i is NaN when i has no supply point within the
 * cutoff (ipea: 0); zero sums and R_j = S_j/0 add nothing, as ipea's `na.rm = TRUE` does.
 */
export function balancedFca(
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  options: BalancedOptions,
  onProgress?: ProgressFn,
): FcaResult {
  const decay = options.decay ?? BINARY;
  const cutoff = options.cutoff;
  checkInputs(matrix, demand, supply, cutoff, decay);
  const weights = pairWeights(matrix, decay, cutoff);
  const { offsets, supply: columns, cost } = matrix;
  const n = matrix.demandCount;
  const tick = progressTicker(onProgress, 2 * n);

  const columnSum = new Float64Array(matrix.supplyCount);
  const potential = new Float64Array(matrix.supplyCount);
  for (let i = 0; i < n; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    let rowSum = 0;
    for (let k = start; k < end; k++) {
      const w = weights[k] as number;
      rowSum += w;
      const j = columns[k] as number;
      columnSum[j] = (columnSum[j] as number) + w;
    }
    const people = demand[i] as number;
    if (rowSum > 0 && people !== 0) {
      const share = people / rowSum;
      for (let k = start; k < end; k++) {
        const j = columns[k] as number;
        potential[j] = (potential[j] as number) + share * (weights[k] as number);
      }
    }
    tick(i + 1);
  }

  const ratio = new Float64Array(matrix.supplyCount);
  for (let j = 0; j < ratio.length; j++) {
    const d = potential[j] as number;
    ratio[j] = d > 0 ? (supply[j] as number) / d : Number.NaN;
  }

  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let reachable = false;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      if ((cost[k] as number) > cutoff) continue;
      reachable = true;
      const j = columns[k] as number;
      const r = ratio[j] as number;
      const total = columnSum[j] as number;
      if (!Number.isNaN(r) && total > 0) sum += (r * (weights[k] as number)) / total;
    }
    values[i] = reachable ? sum : Number.NaN;
    tick(n + i + 1);
  }
  return { values, supplyRatio: ratio, demandPotential: potential };
}
