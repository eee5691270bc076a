/**
 * Sums the point gaps over areal units (H3 cells or quarters) and scores the priority index. The
 * same code serves both so that a quarter's figures are exactly those of its demand points.
 */
import type { PointLayer } from '../types.ts';
import type { PointGaps } from './point-gaps.ts';
import { type PriorityWeights, priorityScore } from './priority.ts';

/** The measures of one unit; null = no value (see each field), never a stand-in 0. */
export interface UnitMeasures {
  /** People of the demand group. */
  population: number;
  /** People of the group with no service within the cutoff. */
  unreachablePopulation: number;
  /** Share of the group with at least one service within the cutoff; null when population is 0. */
  coverageShare: number | null;
  /** Population-weighted mean of the method's value over the people who have one; null if none. */
  accessibility: number | null;
  /**
   * Accessible supply units per 1,000 people of the group living here, the unreachable counted with
   * 0 units; null when nobody here reaches a service (or nobody lives here).
   */
  supplyPer1000: number | null;
  /** People of the group not served at the target (sum over the demand points). */
  deficit: number;
  /** Share of the group served at the target, 1 − deficit / population; null when population is 0. */
  servedShare: number | null;
  /** Voiced needs of the category located here. */
  needsCount: number;
  /** Voiced needs weighted by 1 + supporters. */
  needsWeighted: number;
  /** Weighted needs per km². */
  needDensity: number;
  /** Shortest cost from a demand point here to a service within the cutoff (metres for distance costs). */
  nearestDistanceM: number | null;
  /** That service's id. */
  nearestServiceId: string | null;
  /** The three priority components, each 0 … 1, and the index itself; see priority.ts. */
  deficitScore: number;
  needScore: number;
  accessScore: number;
  priority: number;
}

export interface UnitAssignment {
  count: number;
  /** Unit of each demand point, −1 for none. */
  demandUnit: Int32Array;
  /** Unit of each need, −1 for none. */
  needUnit: Int32Array;
  /** Area of each unit in km². */
  areaKm2: Float64Array;
}

export function aggregateUnits(
  assignment: UnitAssignment,
  demand: PointLayer,
  gaps: PointGaps,
  needs: PointLayer,
  supplyIds: readonly string[],
  /** Priority weights as applied (summing to 1). */
  weights: PriorityWeights,
): UnitMeasures[] {
  const m = assignment.count;
  const pop = new Float64Array(m);
  const unreachable = new Float64Array(m);
  const accessWeight = new Float64Array(m);
  const accessSum = new Float64Array(m);
  const supplySum = new Float64Array(m);
  const reachedPeople = new Float64Array(m);
  const deficit = new Float64Array(m);
  const scoreSum = new Float64Array(m);
  const nearest = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  const nearestJ = new Int32Array(m).fill(-1);
  const needsCount = new Float64Array(m);
  const needsWeighted = new Float64Array(m);

  for (let i = 0; i < demand.weight.length; i++) {
    const u = assignment.demandUnit[i] as number;
    if (u < 0) continue;
    const p = demand.weight[i] as number;
    pop[u] = (pop[u] as number) + p;
    deficit[u] = (deficit[u] as number) + (gaps.deficit[i] as number);
    scoreSum[u] = (scoreSum[u] as number) + p * (gaps.accessScore[i] as number);
    const v = gaps.access[i] as number;
    if (Number.isFinite(v)) {
      accessWeight[u] = (accessWeight[u] as number) + p;
      accessSum[u] = (accessSum[u] as number) + p * v;
    }
    if (gaps.reachable[i] === 1) {
      reachedPeople[u] = (reachedPeople[u] as number) + p;
      supplySum[u] = (supplySum[u] as number) + p * (gaps.supplyPer1000[i] as number);
      const c = gaps.nearestCost[i] as number;
      if (c < (nearest[u] as number)) {
        nearest[u] = c;
        nearestJ[u] = gaps.nearestSupply[i] as number;
      }
    } else unreachable[u] = (unreachable[u] as number) + p;
  }
  for (let k = 0; k < needs.weight.length; k++) {
    const u = assignment.needUnit[k] as number;
    if (u < 0) continue;
    needsCount[u] = (needsCount[u] as number) + 1;
    needsWeighted[u] = (needsWeighted[u] as number) + (needs.weight[k] as number);
  }

  const density = new Float64Array(m);
  for (let u = 0; u < m; u++) {
    const area = assignment.areaKm2[u] as number;
    density[u] = area > 0 ? (needsWeighted[u] as number) / area : 0;
  }
  const maxDeficit = largest(deficit);
  const maxDensity = largest(density);

  const out: UnitMeasures[] = [];
  for (let u = 0; u < m; u++) {
    const p = pop[u] as number;
    const d = deficit[u] as number;
    const j = nearestJ[u] as number;
    const deficitScore = maxDeficit > 0 ? d / maxDeficit : 0;
    const needScore = maxDensity > 0 ? (density[u] as number) / maxDensity : 0;
    const accessScore = p > 0 ? (scoreSum[u] as number) / p : 0;
    out.push({
      population: p,
      unreachablePopulation: unreachable[u] as number,
      coverageShare: p > 0 ? 1 - (unreachable[u] as number) / p : null,
      accessibility: (accessWeight[u] as number) > 0 ? (accessSum[u] as number) / (accessWeight[u] as number) : null,
      supplyPer1000: p > 0 && (reachedPeople[u] as number) > 0 ? (supplySum[u] as number) / p : null,
      deficit: d,
      servedShare: p > 0 ? 1 - d / p : null,
      needsCount: needsCount[u] as number,
      needsWeighted: needsWeighted[u] as number,
      needDensity: density[u] as number,
      nearestDistanceM: j >= 0 ? (nearest[u] as number) : null,
      nearestServiceId: j >= 0 ? (supplyIds[j] ?? null) : null,
      deficitScore,
      needScore,
      accessScore,
      priority: priorityScore(weights, deficitScore, needScore, accessScore),
    });
  }
  return out;
}

function largest(values: Float64Array): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}
