import { type Decay, decayProblem, decayWeights } from '../decay.ts';
import type { CostMatrix, ProgressFn } from '../types.ts';

/** Options every measure understands; see index.ts for the full set. */
export interface CatchmentOptions {
  /**
   * The catchment: pairs with cost ≤ cutoff count (inclusive), the rest weigh 0. `Infinity` for
   * none. Must not exceed `matrix.maxCost`, or pairs the matrix never held would be missed.
   */
  cutoff: number;
}

export const BINARY: Decay = { kind: 'binary' };

/** Throws a RangeError when cutoff, matrix, weights or decay do not fit together — a programming error, not bad data. */
export function checkInputs(
  matrix: CostMatrix,
  demand: Float64Array | undefined,
  supply: Float64Array | undefined,
  cutoff: number,
  decay?: Decay,
): void {
  if (Number.isNaN(cutoff) || cutoff < 0) throw new RangeError(`cutoff must be ≥ 0, got ${cutoff}`);
  if (cutoff > matrix.maxCost)
    throw new RangeError(
      `cutoff ${cutoff} exceeds the bound the cost matrix was built with (${matrix.maxCost}); build it with maxCost ≥ cutoff`,
    );
  if (demand && demand.length !== matrix.demandCount)
    throw new RangeError(`${demand.length} demand weights for ${matrix.demandCount} demand points`);
  if (supply && supply.length !== matrix.supplyCount)
    throw new RangeError(`${supply.length} supply weights for ${matrix.supplyCount} supply points`);
  const problem = decay && decayProblem(decay);
  if (problem) throw new RangeError(`decay ${decay.kind}: ${problem}`);
}

/** Per-pair weights, aligned with `matrix.cost`: the decay, 0 beyond the cutoff. */
export function pairWeights(matrix: CostMatrix, decay: Decay, cutoff: number): Float64Array {
  return decayWeights(decay, matrix.cost, cutoff, true);
}

/**
 * Stepped zones at cutoff · n/parts for each n of `multiples` (multiplying before dividing, so a
 * 30-minute cutoff in thirds gives exactly 10, 20, 30). Zones that collapse onto one distance
 * (cutoff 0) keep the first weight, so a zero cutoff still gives a valid decay.
 */
export function zones(cutoff: number, multiples: readonly number[], parts: number, weights: readonly number[]): Decay {
  const steps: Array<{ upTo: number; weight: number }> = [];
  multiples.forEach((multiple, k) => {
    const upTo = (cutoff * multiple) / parts;
    if (steps.at(-1)?.upTo !== upTo) steps.push({ upTo, weight: weights[k] as number });
  });
  return { kind: 'steps', steps };
}

/** Longest row, for scratch buffers. */
export function longestRow(matrix: CostMatrix): number {
  let longest = 0;
  for (let i = 0; i < matrix.demandCount; i++) {
    const length = (matrix.offsets[i + 1] as number) - (matrix.offsets[i] as number);
    if (length > longest) longest = length;
  }
  return longest;
}

/**
 * Calls `onProgress` at most ~200 times over `total` units of work, however many rows a measure
 * walks (a per-row callback would cost more than the 2SFCA arithmetic itself).
 */
export function progressTicker(onProgress: ProgressFn | undefined, total: number): (done: number) => void {
  if (!onProgress || total <= 0) return () => {};
  const every = Math.max(1, Math.ceil(total / 200));
  let next = every;
  return (done) => {
    if (done >= next || done === total) {
      onProgress(done, total);
      next = done + every;
    }
  };
}

/**
 * The demand side of every FCA method: for each supply point j, D_j = Σ_i demand_i · w_ij, and its
 * ratio R_j = supply_j / D_j. R_j is NaN when D_j = 0 (nobody within reach weighs on j): such a
 * supply point then adds nothing to anyone's access — pysal and ipea skip it the same way
 * (NaN dropped by pandas `sum` / `na.rm = TRUE`).
 */
export function supplyRatios(
  matrix: CostMatrix,
  demand: Float64Array,
  supply: Float64Array,
  weights: Float64Array,
  tick: (done: number) => void,
  done: number,
): { potential: Float64Array; ratio: Float64Array } {
  const potential = new Float64Array(matrix.supplyCount);
  const { offsets, supply: columns } = matrix;
  for (let i = 0; i < matrix.demandCount; i++) {
    const people = demand[i] as number;
    if (people !== 0) {
      const end = offsets[i + 1] as number;
      for (let k = offsets[i] as number; k < end; k++) {
        const j = columns[k] as number;
        potential[j] = (potential[j] as number) + people * (weights[k] as number);
      }
    }
    tick(done + i + 1);
  }
  const ratio = new Float64Array(matrix.supplyCount);
  for (let j = 0; j < ratio.length; j++) {
    const d = potential[j] as number;
    ratio[j] = d > 0 ? (supply[j] as number) / d : Number.NaN;
  }
  return { potential, ratio };
}

/**
 * The supply side: A_i = Σ_j R_j · w_ij over the pairs of i within the cutoff, NaN-ratios skipped;
 * NaN when i has no supply point within the cutoff at all (unreachable).
 */
export function gatherRatios(
  matrix: CostMatrix,
  ratio: Float64Array,
  weights: Float64Array,
  cutoff: number,
  tick: (done: number) => void,
  done: number,
): Float64Array {
  const values = new Float64Array(matrix.demandCount);
  const { offsets, supply: columns, cost } = matrix;
  for (let i = 0; i < matrix.demandCount; i++) {
    let sum = 0;
    let reachable = false;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      if ((cost[k] as number) > cutoff) continue;
      reachable = true;
      const r = ratio[columns[k] as number] as number;
      if (!Number.isNaN(r)) sum += r * (weights[k] as number);
    }
    values[i] = reachable ? sum : Number.NaN;
    tick(done + i + 1);
  }
  return values;
}
