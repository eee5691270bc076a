/**
 * The priority index: one number per unit that combines how many people lack supply (deficit), how
 * strongly residents voiced the need (need density) and how poor access is per person (access
 * score). The weights are the planner's; they are normalised to sum 1 and echoed with the result.
 */

export interface PriorityWeights {
  deficit: number;
  needs: number;
  access: number;
}

export const DEFAULT_PRIORITY_WEIGHTS: Readonly<PriorityWeights> = { deficit: 0.5, needs: 0.3, access: 0.2 };

/** Weights as given and as applied (divided by their sum). */
export interface PriorityWeightsEcho {
  given: PriorityWeights;
  applied: PriorityWeights;
}

/** Null when a weight is negative or not finite, or all are 0. */
export function normaliseWeights(weights: PriorityWeights): PriorityWeightsEcho | null {
  const values = [weights.deficit, weights.needs, weights.access];
  if (values.some((w) => !Number.isFinite(w) || w < 0)) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum <= 0) return null;
  return {
    given: { deficit: weights.deficit, needs: weights.needs, access: weights.access },
    applied: { deficit: weights.deficit / sum, needs: weights.needs / sum, access: weights.access / sum },
  };
}

/**
 * Priority of one unit from its three scores (each 0 … 1: deficit and need density relative to the
 * largest unit in the same table, the access score absolute) and the applied weights.
 */
export function priorityScore(applied: PriorityWeights, deficit: number, needs: number, access: number): number {
  return applied.deficit * deficit + applied.needs * needs + applied.access * access;
}
