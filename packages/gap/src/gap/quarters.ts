/**
 * The per-quarter table: demand points and needs are assigned to the first quarter whose outline
 * contains them (point in polygon), then summed exactly like the H3 cells.
 */
import type { PointLayer } from '../types.ts';
import type { PointGaps } from './point-gaps.ts';
import { containsPoint, type QuarterShape, shapeAreaKm2 } from './polygon.ts';
import type { PriorityWeights } from './priority.ts';
import { aggregateUnits, type UnitMeasures } from './units.ts';

export interface QuarterInput {
  id: string;
  name: string;
  shape: QuarterShape;
}

export interface QuarterMeasures extends UnitMeasures {
  id: string;
  name: string;
  areaKm2: number;
  /** Weighted needs per 1,000 people of the demand group; null when nobody of the group lives here. */
  needsPer1000: number | null;
}

/**
 * Index of the first quarter containing each point, −1 for none. Quarters in the outer loop: the
 * bounding-box test is then a tight loop over typed arrays, and only points inside the box get
 * the ray test.
 */
export function quarterOf(layer: PointLayer, quarters: readonly QuarterInput[]): Int32Array {
  const key = quarters.map((q) => `${q.id}:${q.shape.bbox.join(',')}`).join('|');
  const cached = quarterCache.get(layer.x);
  if (cached && cached.y === layer.y && cached.key === key) return cached.out;
  const out = assign(layer, quarters);
  quarterCache.set(layer.x, { y: layer.y, key, out });
  return out;
}

// A population grid is assigned to the quarters once and reused by the next category.
const quarterCache = new WeakMap<Float64Array, { y: Float64Array; key: string; out: Int32Array }>();

function assign(layer: PointLayer, quarters: readonly QuarterInput[]): Int32Array {
  const out = new Int32Array(layer.x.length).fill(-1);
  quarters.forEach((q, u) => {
    const [minX, minY, maxX, maxY] = q.shape.bbox;
    for (let i = 0; i < out.length; i++) {
      if (out[i] !== -1) continue;
      const x = layer.x[i] as number;
      const y = layer.y[i] as number;
      if (x >= minX && x <= maxX && y >= minY && y <= maxY && containsPoint(q.shape, x, y)) out[i] = u;
    }
  });
  return out;
}

export interface QuarterTableInput {
  quarters: readonly QuarterInput[];
  demand: PointLayer;
  gaps: PointGaps;
  needs: PointLayer;
  supplyIds: readonly string[];
  /** Priority weights as applied (summing to 1). */
  weights: PriorityWeights;
}

export function quarterTable(input: QuarterTableInput): QuarterMeasures[] {
  const { quarters } = input;
  const areaKm2 = Float64Array.from(quarters, (q) => shapeAreaKm2(q.shape));
  const measures = aggregateUnits(
    {
      count: quarters.length,
      demandUnit: quarterOf(input.demand, quarters),
      needUnit: quarterOf(input.needs, quarters),
      areaKm2,
    },
    input.demand,
    input.gaps,
    input.needs,
    input.supplyIds,
    input.weights,
  );
  return quarters.map((q, u) => {
    const m = measures[u] as UnitMeasures;
    return {
      id: q.id,
      name: q.name,
      areaKm2: areaKm2[u] as number,
      ...m,
      needsPer1000: m.population > 0 ? (m.needsWeighted / m.population) * 1000 : null,
    };
  });
}
