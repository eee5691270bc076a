/**
 * Input checks of the gap analysis. The API validates requests before it queues a job; these
 * checks catch what slips through (or a programming error) before any work is done, with the
 * field that is wrong — never a half-computed result.
 */
import { decayProblem } from '../decay.ts';
import { type CostMatrix, type DecaySpec, METHODS, type Method, type PointLayer } from '../types.ts';
import { parseQuarterShape } from './polygon.ts';
import { normaliseWeights, type PriorityWeights } from './priority.ts';

export interface GapInputProblem {
  field: string;
  reason: string;
}

/** Thrown by analyzeGaps for input validateGapInput would reject. */
export class GapInputError extends Error {
  readonly code = 'GAP_INVALID_INPUT';
  constructor(readonly problems: GapInputProblem[]) {
    super(`invalid gap analysis input: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`);
    this.name = 'GapInputError';
  }
}

/** The fields validateGapInput looks at (GapAnalysisInput has them all). */
export interface CheckedInput {
  category: { id: string; demandGroup: string; catchmentM: number };
  method: Method;
  cutoff: number;
  decay?: DecaySpec;
  n?: number;
  detour?: number;
  matrix?: CostMatrix;
  neighbors?: CostMatrix;
  target: number;
  weights?: PriorityWeights;
  h3Resolution?: number;
  potentialsCount?: number;
  potentialsNeedWeight?: number;
  demand: PointLayer;
  supply: PointLayer;
  needs: PointLayer;
  sites: PointLayer & { kinds?: string[] };
  quarters: ReadonlyArray<{ id: string; name: string; geometry: unknown }>;
}

const positive = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v > 0;
const integerIn = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function checkLayer(name: string, layer: PointLayer & { kinds?: string[] }, problems: GapInputProblem[]): void {
  const n = layer.x.length;
  if (layer.crs !== 'wgs84')
    problems.push({ field: `${name}.crs`, reason: 'must be wgs84 (the H3 grid and quarter outlines are lon/lat)' });
  if (layer.y.length !== n || layer.weight.length !== n || layer.ids.length !== n)
    problems.push({ field: name, reason: 'ids, x, y and weight must have the same length' });
  if (layer.kinds !== undefined && layer.kinds.length !== n)
    problems.push({ field: `${name}.kinds`, reason: 'must have one kind per point' });
  for (let i = 0; i < n; i++) {
    const x = layer.x[i] as number;
    const y = layer.y[i] as number;
    const w = layer.weight[i] as number;
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
      problems.push({ field: `${name}[${i}]`, reason: `(${x}, ${y}) is not a WGS84 longitude/latitude` });
      return;
    }
    if (!(Number.isFinite(w) && w >= 0)) {
      problems.push({ field: `${name}.weight[${i}]`, reason: `must be a number ≥ 0, got ${w}` });
      return;
    }
  }
}

/** Every problem with the input; empty when analyzeGaps can run. */
export function validateGapInput(input: CheckedInput): GapInputProblem[] {
  const problems: GapInputProblem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });
  if (!(METHODS as readonly string[]).includes(input.method)) add('method', `"${input.method}" is not a method`);
  if (!positive(input.cutoff)) add('cutoff', 'must be a number > 0');
  if (!positive(input.target)) add('target', 'must be a number > 0 (units per 1,000 people)');
  if (!positive(input.category.catchmentM)) add('category.catchmentM', 'must be a number > 0');
  if (input.decay) {
    const problem = decayProblem(input.decay);
    if (problem) add('decay', problem);
  }
  if (input.n !== undefined && !integerIn(input.n, 1, 1000)) add('n', 'must be an integer from 1');
  if (input.detour !== undefined && !(Number.isFinite(input.detour) && input.detour >= 1))
    add('detour', 'must be a number ≥ 1');
  if (input.weights && !normaliseWeights(input.weights)) add('weights', 'must be numbers ≥ 0, at least one above 0');
  if (input.h3Resolution !== undefined && !integerIn(input.h3Resolution, 0, 15))
    add('h3Resolution', 'must be an integer 0 … 15');
  if (input.potentialsCount !== undefined && !integerIn(input.potentialsCount, 0, 10_000))
    add('potentialsCount', 'must be an integer ≥ 0');
  if (
    input.potentialsNeedWeight !== undefined &&
    !(Number.isFinite(input.potentialsNeedWeight) && input.potentialsNeedWeight >= 0)
  )
    add('potentialsNeedWeight', 'must be a number ≥ 0');
  checkLayer('demand', input.demand, problems);
  checkLayer('supply', input.supply, problems);
  checkLayer('needs', input.needs, problems);
  checkLayer('sites', input.sites, problems);
  const m = input.matrix;
  if (m) {
    if (m.demandCount !== input.demand.x.length) add('matrix.demandCount', 'must equal the number of demand points');
    if (m.supplyCount !== input.supply.x.length) add('matrix.supplyCount', 'must equal the number of supply points');
    if (m.offsets.length !== m.demandCount + 1) add('matrix.offsets', 'must have demandCount + 1 entries');
    if (positive(input.cutoff) && m.maxCost < input.cutoff)
      add('matrix.maxCost', `the matrix was built up to ${m.maxCost}, below the cutoff ${input.cutoff}`);
  }
  const nb = input.neighbors;
  if (nb) {
    const n = input.demand.x.length;
    if (nb.demandCount !== n || nb.supplyCount !== n) add('neighbors', 'must be a demand × demand matrix');
    if (positive(input.cutoff) && nb.maxCost < input.cutoff)
      add('neighbors.maxCost', `the matrix was built up to ${nb.maxCost}, below the cutoff ${input.cutoff}`);
  }
  input.quarters.forEach((q, k) => {
    if (!parseQuarterShape(q.geometry)) add(`quarters[${k}].geometry`, 'must be a GeoJSON Polygon or MultiPolygon');
  });
  return problems;
}
