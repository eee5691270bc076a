import type { Decay } from '../decay.ts';
import type { CostMatrix, Method, ProgressFn } from '../types.ts';
import { balancedFca } from './balanced.ts';
import { coverage } from './coverage.ts';
import { fcaRatio } from './fca-ratio.ts';
import { cumulativeOpportunities, gravity } from './gravity.ts';
import { nearestDistance } from './nearest.ts';
import { normalizeByPopulation } from './normalize.ts';
import { type Selection, threeStepFca } from './three-step.ts';
import { enhancedTwoStepFca, type FcaResult, generalizedTwoStepFca, twoStepFca } from './two-step.ts';

export { type BalancedOptions, balancedFca } from './balanced.ts';
export { type CoverageResult, coverage } from './coverage.ts';
export { type FcaRatioOptions, fcaRatio } from './fca-ratio.ts';
export { cumulativeOpportunities, type GravityOptions, gravity } from './gravity.ts';
export { type NearestOptions, nearestDistance } from './nearest.ts';
export { normalizeByPopulation } from './normalize.ts';
export { type RaamOptions, raam } from './raam.ts';
export { defaultThreeStepSteps, type Selection, type ThreeStepOptions, threeStepFca } from './three-step.ts';
export {
  defaultE2sfcaSteps,
  defaultG2sfcaDecay,
  enhancedTwoStepFca,
  type FcaResult,
  generalizedTwoStepFca,
  type TwoStepOptions,
  twoStepFca,
} from './two-step.ts';

export interface MeasureOptions {
  /** Catchment in cost units, inclusive; `Infinity` for none. Must not exceed `matrix.maxCost`. */
  cutoff: number;
  /**
   * Default per method: binary for 2sfca, cumulative, fca and bfca; zones at cutoff/3, 2/3, 1
   * (1, 0.68, 0.22) for e2sfca; zones at cutoff/6, 1/3, 1/2, 1 (0.962, 0.704, 0.377, 0.042) for
   * 3sfca; Gaussian σ = cutoff/2 for g2sfca and gravity. Ignored by nearest and coverage.
   */
  decay?: Decay;
  /** n-th nearest supply point, default 1. Only for `nearest`. */
  n?: number;
  /** Divide the values by their population-weighted mean (see `normalizeByPopulation`). */
  normalize?: boolean;
  /** 3SFCA selection weights, default `decay` (pysal); `huff` is aceso's 1/d. */
  selection?: Selection;
  /** Demand → demand costs; required by `fca` (the catchment's people), unused otherwise. */
  neighbors?: CostMatrix;
}

export interface MeasureResult {
  /** Per demand point; NaN = unreachable (no supply point within the cutoff). */
  values: Float64Array;
  /** Per supply point, FCA family (2sfca, e2sfca, g2sfca, 3sfca, bfca): R_j; NaN = nobody within reach. */
  supplyRatio?: Float64Array;
  /** Per supply point, FCA family: D_j, the weighted people competing for it. */
  demandPotential?: Float64Array;
  /** Coverage: demand points with people and without a supply point within the cutoff. */
  unserved?: Uint32Array;
  /** Coverage: covered share of people, 0…1. */
  share?: number;
  /** With `normalize`: the population-weighted mean the values were divided by. */
  mean?: number;
}

/** Runs one method; see docs/analysis.md for what each computes and how to read it. */
export function computeMeasure(
  method: Method,
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  options: MeasureOptions,
  onProgress?: ProgressFn,
): MeasureResult {
  const result = run(method, matrix, demand, supply, options, onProgress);
  if (!options.normalize) return result;
  const { values, mean } = normalizeByPopulation(result.values, demand);
  return { ...result, values, mean };
}

function run(
  method: Method,
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  options: MeasureOptions,
  onProgress?: ProgressFn,
): MeasureResult {
  const fca = (r: FcaResult): MeasureResult => ({
    values: r.values,
    supplyRatio: r.supplyRatio,
    demandPotential: r.demandPotential,
  });
  switch (method) {
    case 'nearest':
      return { values: nearestDistance(matrix, options, onProgress) };
    case 'coverage': {
      const r = coverage(matrix, demand, supply, options, onProgress);
      return { values: r.values, share: r.share, unserved: r.unserved };
    }
    case 'cumulative':
      return { values: cumulativeOpportunities(matrix, demand, supply, options, onProgress) };
    case 'gravity':
      return { values: gravity(matrix, demand, supply, options, onProgress) };
    case 'fca': {
      const { neighbors } = options;
      if (!neighbors) throw new RangeError('fca needs options.neighbors, the demand → demand cost matrix');
      return { values: fcaRatio(matrix, demand, supply, { ...options, neighbors }, onProgress) };
    }
    case '2sfca':
      return fca(twoStepFca(matrix, demand, supply, options, onProgress));
    case 'e2sfca':
      return fca(enhancedTwoStepFca(matrix, demand, supply, options, onProgress));
    case 'g2sfca':
      return fca(generalizedTwoStepFca(matrix, demand, supply, options, onProgress));
    case '3sfca':
      return fca(threeStepFca(matrix, demand, supply, options, onProgress));
    case 'bfca':
      return fca(balancedFca(matrix, demand, supply, options, onProgress));
    default:
      return exhaustive(method);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unknown method ${String(value)}`);
}
