/**
 * The gap at each demand point: accessible supply per 1,000 people of the demand group, the
 * deficit in people against a target, and the access score the priority index uses. See
 * docs/analysis.md for the definitions and why each method maps to its per-1,000 basis.
 */
import type { Decay } from '../decay.ts';
import { defaultE2sfcaSteps, defaultG2sfcaDecay, defaultThreeStepSteps } from '../measures/index.ts';
import type { CostMatrix, Method } from '../types.ts';

/**
 * The decay a method runs with: the one given, else the method's default (measures/index.ts),
 * resolved here so that the result can echo it. Null for nearest and coverage, which have none.
 */
export function effectiveDecay(method: Method, decay: Decay | undefined, cutoff: number): Decay | null {
  switch (method) {
    case 'nearest':
    case 'coverage':
      return null;
    case 'cumulative':
    case 'fca':
    case '2sfca':
    case 'bfca':
      return decay ?? { kind: 'binary' };
    case 'e2sfca':
      return decay ?? defaultE2sfcaSteps(cutoff);
    case '3sfca':
      return decay ?? defaultThreeStepSteps(cutoff);
    case 'g2sfca':
    case 'gravity':
      return decay ?? defaultG2sfcaDecay(cutoff);
    default:
      return exhaustive(method);
  }
}

/**
 * Which measure yields the per-capita supply ratio A_i (units per person) behind "supply per 1,000".
 * The floating-catchment methods are ratios already. Cumulative opportunities and gravity add up
 * supply without sharing it among the people who compete for it, so their per-1,000 figure comes
 * from 2SFCA with the same decay (gravity's default Gaussian is G2SFCA's): supply in reach,
 * shared among the population in reach of each service. Nearest and coverage use binary 2SFCA at
 * the same cutoff.
 */
export interface PerThousandBasis {
  method: Method;
  decay: Decay;
  /** True when the basis is the analysis method itself (its values are reused, not recomputed). */
  same: boolean;
}

export function perThousandBasis(method: Method, decay: Decay | undefined, cutoff: number): PerThousandBasis {
  const effective = effectiveDecay(method, decay, cutoff);
  switch (method) {
    case 'fca':
    case '2sfca':
    case 'e2sfca':
    case 'g2sfca':
    case '3sfca':
    case 'bfca':
      return { method, decay: effective ?? BINARY, same: true };
    case 'gravity':
      return { method: 'g2sfca', decay: effective ?? BINARY, same: false };
    case 'cumulative':
      return { method: '2sfca', decay: effective ?? BINARY, same: false };
    case 'coverage':
    case 'nearest':
      return { method: '2sfca', decay: BINARY, same: false };
    default:
      return exhaustive(method);
  }
}

const BINARY: Decay = { kind: 'binary' };

function exhaustive(value: never): never {
  throw new Error(`unknown method ${String(value)}`);
}

/**
 * How the method's own value turns into the access score (0 = adequate, 1 = worst) of the
 * priority index: distances against the cutoff, coverage as it is, everything supply-based
 * against the target.
 */
export type AccessScoreBasis = 'distance-over-cutoff' | 'not-covered' | 'shortfall-against-target';

export function accessScoreBasis(method: Method): AccessScoreBasis {
  if (method === 'nearest') return 'distance-over-cutoff';
  if (method === 'coverage') return 'not-covered';
  return 'shortfall-against-target';
}

/** Per demand point, aligned with the demand layer. NaN = no value (unreachable). */
export interface PointGaps {
  /** 1 when at least one service lies within the cutoff. */
  reachable: Uint8Array;
  /** The method's own value (distance, share, opportunities, ratio …); NaN where it has none. */
  access: Float64Array;
  /** Accessible supply units per 1,000 people of the demand group; NaN when unreachable. */
  supplyPer1000: Float64Array;
  /** People of the group not served at the target: P_i × max(0, 1 − s_i / target); all of P_i when unreachable. */
  deficit: Float64Array;
  /** 0 … 1, 1 = worst: see AccessScoreBasis; 1 when unreachable. */
  accessScore: Float64Array;
  /** Index of the nearest service within the cutoff, −1 when none. */
  nearestSupply: Int32Array;
  /** Cost to it, NaN when none. */
  nearestCost: Float64Array;
}

export interface PointGapInput {
  matrix: CostMatrix;
  cutoff: number;
  /** People of the demand group per demand point. */
  population: Float64Array;
  /** The analysis method's values. */
  access: Float64Array;
  /** Per-capita supply ratio A_i of the per-1,000 basis (units per person). */
  ratio: Float64Array;
  /** Units per 1,000 people of the demand group. */
  target: number;
  scoreBasis: AccessScoreBasis;
}

export function pointGaps(input: PointGapInput): PointGaps {
  const { matrix, cutoff, population, access, ratio, target, scoreBasis } = input;
  const n = matrix.demandCount;
  const reachable = new Uint8Array(n);
  const supplyPer1000 = new Float64Array(n);
  const deficit = new Float64Array(n);
  const accessScore = new Float64Array(n);
  const nearestSupply = new Int32Array(n).fill(-1);
  const nearestCost = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    let best = Number.POSITIVE_INFINITY;
    let bestJ = -1;
    for (let k = matrix.offsets[i] as number, end = matrix.offsets[i + 1] as number; k < end; k++) {
      const c = matrix.cost[k] as number;
      if (c <= cutoff && c < best) {
        best = c;
        bestJ = matrix.supply[k] as number;
      }
    }
    const people = population[i] as number;
    if (bestJ < 0) {
      supplyPer1000[i] = Number.NaN;
      deficit[i] = people;
      accessScore[i] = 1;
      continue;
    }
    reachable[i] = 1;
    nearestSupply[i] = bestJ;
    nearestCost[i] = best;
    const r = ratio[i] as number;
    // A ratio can be NaN although a service is in reach when nobody competes for it (0 / 0 in
    // the basis); no supply is then shared with these people either.
    const s = Number.isFinite(r) ? r * 1000 : 0;
    supplyPer1000[i] = s;
    const shortfall = Math.max(0, 1 - s / target);
    deficit[i] = people * shortfall;
    const v = access[i] as number;
    if (scoreBasis === 'shortfall-against-target') accessScore[i] = shortfall;
    else if (!Number.isFinite(v)) accessScore[i] = 1;
    else if (scoreBasis === 'distance-over-cutoff') accessScore[i] = Math.min(1, Math.max(0, v / cutoff));
    else accessScore[i] = 1 - Math.min(1, Math.max(0, v));
  }
  return { reachable, access, supplyPer1000, deficit, accessScore, nearestSupply, nearestCost };
}
