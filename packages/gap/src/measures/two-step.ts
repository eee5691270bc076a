import type { Decay } from '../decay.ts';
import type { CostMatrix, ProgressFn } from '../types.ts';
import {
  BINARY,
  type CatchmentOptions,
  checkInputs,
  gatherRatios,
  pairWeights,
  progressTicker,
  supplyRatios,
  zones,
} from './common.ts';

export interface TwoStepOptions extends CatchmentOptions {
  decay?: Decay;
}

/** Result of an FCA-family measure. */
export interface FcaResult {
  /** A_i per demand point; NaN = no supply point within the cutoff. */
  values: Float64Array;
  /** R_j per supply point: capacity per weighted person competing for it; NaN = no demand within reach. */
  supplyRatio: Float64Array;
  /** D_j per supply point: the (weighted) people within reach of it — the demand potential. */
  demandPotential: Float64Array;
}

/**
 * Two-step floating catchment area (Luo & Wang 2003; with a decay: McGrail & Humphreys 2009).
 *
 *   step 1, per supply point j:  D_j = Σ_i p_i · w(d_ij)        R_j = S_j / D_j
 *   step 2, per demand point i:  A_i = Σ_j R_j · w(d_ij)
 *
 * p = demand weights (people), S = supply weights (capacity), w = decay cut at the cutoff
 * (default binary: 1 for d ≤ cutoff). A_i reads "capacity per person reachable from i, after
 * sharing each service with everyone else who can reach it". With binary decay
 * Σ_i p_i·A_i = Σ_j S_j over the supply points some demand reaches (nothing is created or lost).
 *
 * Equal to pysal `two_stage_fca` and ipea `floating_catchment_area(fca_metric = "2sfca")` except:
 * a demand point with no supply point within the cutoff is NaN (pysal: NaN too; ipea and aceso: 0).
 * A supply point with D_j = 0 has R_j = NaN and adds nothing (pysal/ipea drop the NaN the same way).
 */
export function twoStepFca(
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  options: TwoStepOptions,
  onProgress?: ProgressFn,
): FcaResult {
  const decay = options.decay ?? BINARY;
  checkInputs(matrix, demand, supply, options.cutoff, decay);
  return twoStepWithWeights(
    matrix,
    demand,
    supply,
    pairWeights(matrix, decay, options.cutoff),
    options.cutoff,
    onProgress,
  );
}

/** Both FCA steps with ready per-pair weights (2SFCA, E2SFCA, G2SFCA and 3SFCA differ only in these). */
export function twoStepWithWeights(
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  weights: Float64Array,
  cutoff: number,
  onProgress?: ProgressFn,
): FcaResult {
  const n = matrix.demandCount;
  const tick = progressTicker(onProgress, 2 * n);
  const { potential, ratio } = supplyRatios(matrix, demand, supply, weights, tick, 0);
  const values = gatherRatios(matrix, ratio, weights, cutoff, tick, n);
  return { values, supplyRatio: ratio, demandPotential: potential };
}

/**
 * The E2SFCA default zones (Luo & Qi 2009: weights 1, 0.68, 0.22) at a third, two thirds and all
 * of the cutoff. For a 30-minute cutoff this is exactly pysal's default `step_fn({10: 1, 20: 0.68,
 * 30: 0.22})`; for 1,500 m it is 500 m → 1, 1,000 m → 0.68, 1,500 m → 0.22.
 */
export function defaultE2sfcaSteps(cutoff: number): Decay {
  return zones(cutoff, [1, 2, 3], 3, [1, 0.68, 0.22]);
}

/**
 * Enhanced 2SFCA (Luo & Qi 2009): 2SFCA with stepped zones. Without `decay` the zones are
 * {@link defaultE2sfcaSteps}; with an infinite cutoff a decay must be given.
 */
export function enhancedTwoStepFca(
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  options: TwoStepOptions,
  onProgress?: ProgressFn,
): FcaResult {
  const decay = options.decay ?? defaultE2sfcaSteps(requireFinite(options.cutoff, 'E2SFCA default zones'));
  return twoStepFca(matrix, demand, supply, { ...options, decay }, onProgress);
}

/**
 * Default G2SFCA (and gravity) kernel: Gaussian with σ = cutoff / 2, so a pair at the cutoff weighs
 * e^−2 ≈ 0.135. A zero cutoff leaves only cost 0, where every kernel is 1: binary.
 */
export function defaultG2sfcaDecay(cutoff: number): Decay {
  return cutoff > 0 ? { kind: 'gaussian', sigma: cutoff / 2 } : { kind: 'binary' };
}

/**
 * Generalised 2SFCA (Wang 2012): 2SFCA with a continuous decay inside the catchment. With the
 * default Gaussian kernel ({@link defaultG2sfcaDecay}) it is the kernel-density 2SFCA (KD2SFCA) in
 * the form pysal and aceso use — the plain Gaussian exp(−d²/2σ²) — not Dai's (2010) variant that
 * is rescaled to reach 0 at the cutoff.
 */
export function generalizedTwoStepFca(
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  options: TwoStepOptions,
  onProgress?: ProgressFn,
): FcaResult {
  const decay = options.decay ?? defaultG2sfcaDecay(requireFinite(options.cutoff, 'the default G2SFCA kernel'));
  return twoStepFca(matrix, demand, supply, { ...options, decay }, onProgress);
}

export function requireFinite(cutoff: number, what: string): number {
  if (!Number.isFinite(cutoff)) throw new RangeError(`${what} scale with the cutoff; give a decay when there is none`);
  return cutoff;
}
