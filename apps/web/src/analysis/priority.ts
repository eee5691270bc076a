import type { HexProperties } from '@quartiersatlas/gap';
import type { PriorityWeights } from './api.ts';

/** The engine's default weights (packages/gap priority.ts). */
export const DEFAULT_WEIGHTS: Readonly<PriorityWeights> = { deficit: 0.5, needs: 0.3, access: 0.2 };

export const WEIGHT_PARTS = ['deficit', 'needs', 'access'] as const;
export type WeightPart = (typeof WEIGHT_PARTS)[number];

/** The weights divided by their sum, as the engine applies them; null when none is above 0. */
export function appliedWeights(weights: PriorityWeights): PriorityWeights | null {
  const values = WEIGHT_PARTS.map((part) => weights[part]);
  if (values.some((w) => !Number.isFinite(w) || w < 0)) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum <= 0) return null;
  return { deficit: weights.deficit / sum, needs: weights.needs / sum, access: weights.access / sum };
}

type Scores = Pick<HexProperties, 'deficitScore' | 'needScore' | 'accessScore'>;

/** The score behind each weight, 0 … 1, as the engine stores it per cell. */
export function scoreOf(cell: Scores, part: WeightPart): number {
  switch (part) {
    case 'deficit':
      return cell.deficitScore;
    case 'needs':
      return cell.needScore;
    case 'access':
      return cell.accessScore;
  }
}

/** One part of the index: weight × score, and what it adds to the total. */
export interface PriorityPart {
  part: WeightPart;
  weight: number;
  score: number;
  contribution: number;
}

/**
 * The priority index of a cell recomputed with other weights. The three scores do not depend on
 * the weights (each is relative to the largest cell or absolute), so this is exactly what a new
 * run with these weights would give, without running it.
 */
export function priorityOf(cell: Scores, applied: PriorityWeights): number {
  return WEIGHT_PARTS.reduce((sum, part) => sum + applied[part] * scoreOf(cell, part), 0);
}

export function priorityParts(cell: Scores, applied: PriorityWeights): PriorityPart[] {
  return WEIGHT_PARTS.map((part) => {
    const score = scoreOf(cell, part);
    return { part, weight: applied[part], score, contribution: applied[part] * score };
  });
}

export function sameWeights(a: PriorityWeights, b: PriorityWeights): boolean {
  return WEIGHT_PARTS.every((part) => Math.abs(a[part] - b[part]) < 1e-9);
}
