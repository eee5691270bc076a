/**
 * The one entry point the API's analysis jobs call (in a worker thread): costs → measure → gap
 * measures per demand point → H3 grid and quarter tables → potentials. The result is plain JSON:
 * numbers, strings and null (no value, e.g. unreachable), never NaN.
 */
import { straightLineMatrix } from '../cost-matrix.ts';
import type { Decay } from '../decay.ts';
import { computeMeasure } from '../measures/index.ts';
import type { CostMatrix, DecaySpec, Method, PointLayer } from '../types.ts';
import { DEFAULT_H3_RESOLUTION, type HexFeatureCollection, hexGrid } from './h3-grid.ts';
import {
  type AccessScoreBasis,
  accessScoreBasis,
  effectiveDecay,
  type PointGaps,
  perThousandBasis,
  pointGaps,
} from './point-gaps.ts';
import { parseQuarterShape, type QuarterShape } from './polygon.ts';
import { type PotentialSite, rankPotentials } from './potentials.ts';
import {
  DEFAULT_PRIORITY_WEIGHTS,
  normaliseWeights,
  type PriorityWeights,
  type PriorityWeightsEcho,
} from './priority.ts';
import { type QuarterMeasures, quarterTable } from './quarters.ts';
import { aggregateUnits, type UnitMeasures } from './units.ts';
import { GapInputError, validateGapInput } from './validate.ts';

export const DEFAULT_POTENTIALS_COUNT = 5;

export interface GapAnalysisInput {
  category: { id: string; demandGroup: string; catchmentM: number };
  method: Method;
  /** Catchment of the measure, in the matrix's cost unit (metres). */
  cutoff: number;
  decay?: DecaySpec;
  /** For `nearest`: the n-th nearest service (default 1). */
  n?: number;
  /** Straight line × detour, when no matrix is given; also for potentials. Default 1. */
  detour?: number;
  /** Demand → supply costs computed upstream (street network); built straight-line when absent. */
  matrix?: CostMatrix;
  /** Demand → demand costs, for `fca` only; built straight-line × detour when absent. */
  neighbors?: CostMatrix;
  /** Supply units per 1,000 people of the demand group. */
  target: number;
  /** Priority weights; default deficit 0.5, needs 0.3, access 0.2. */
  weights?: PriorityWeights;
  h3Resolution?: number;
  /** People of the demand group per point (WGS84). */
  demand: PointLayer;
  /** Services of the category, weighted by capacity (1 where unknown or counted as facilities). */
  supply: PointLayer;
  /** Voiced needs of the category, weighted by 1 + supporters. */
  needs: PointLayer;
  /** Candidate sites (vacancies, brownfields; polygons as centroids). */
  sites: PointLayer & { kinds?: string[] };
  /** How many sites greedy covering picks; default 5. */
  potentialsCount?: number;
  /** People-equivalents per weighted voiced need in the potentials objective; default 0 (population only). */
  potentialsNeedWeight?: number;
  quarters: ReadonlyArray<{ id: string; name: string; geometry: unknown }>;
}

export interface GapAnalysisParameters {
  category: { id: string; demandGroup: string; catchmentM: number };
  method: Method;
  cutoff: number;
  /** The decay the method ran with: as given, or the method's default; null for nearest and coverage. */
  decay: Decay | null;
  n: number | null;
  detour: number;
  /** `straight-line`: built here as distance × detour; `matrix`: given by the caller. */
  costs: 'straight-line' | 'matrix';
  target: number;
  weights: PriorityWeightsEcho;
  h3Resolution: number;
  potentialsCount: number;
  potentialsNeedWeight: number;
  /** The measure whose per-capita ratio gives "supply per 1,000" (see docs/analysis.md). */
  perThousandBasis: { method: Method; decay: Decay };
  accessScoreBasis: AccessScoreBasis;
}

export interface GapSummary
  extends Pick<
    UnitMeasures,
    | 'population'
    | 'unreachablePopulation'
    | 'coverageShare'
    | 'accessibility'
    | 'supplyPer1000'
    | 'deficit'
    | 'servedShare'
    | 'needsCount'
    | 'needsWeighted'
  > {
  demandPoints: number;
  supplyPoints: number;
  /** Sum of the supply weights (places or facilities). */
  supplyUnits: number;
  /** Units the target asks for: population × target / 1,000. */
  requiredUnits: number;
  /** All supply units per 1,000 people of the group, ignoring distance; null when population is 0. */
  regionalSupplyPer1000: number | null;
  cells: number;
  /** People of the group outside every given quarter. */
  populationOutsideQuarters: number;
  potentials: {
    catchmentM: number;
    picked: number;
    /** Share of the group within the catchment of an existing service, before and after the picks. */
    initialCoveredShare: number | null;
    finalCoveredShare: number | null;
    /** People the picks reach that no existing service reaches. */
    newPeople: number;
    /** Voiced needs (weighted) not within the catchment of an existing service. */
    uncoveredNeeds: number;
  };
}

export interface GapAnalysisResult {
  parameters: GapAnalysisParameters;
  grid: HexFeatureCollection;
  quarters: QuarterMeasures[];
  potentials: PotentialSite[];
  summary: GapSummary;
}

export type GapStage = 'costs' | 'measure' | 'aggregate' | 'potentials';
export type GapProgressFn = (stage: GapStage, done: number, total: number) => void;

const MEASURE_STEPS = 1000;

/** Values of the method and the per-capita ratio behind supply per 1,000 (one measure call when they coincide). */
function measures(
  input: GapAnalysisInput,
  matrix: CostMatrix,
  neighbors: CostMatrix | undefined,
  progress: GapProgressFn | undefined,
): { access: Float64Array; ratio: Float64Array } {
  const basis = perThousandBasis(input.method, input.decay, input.cutoff);
  const calls = basis.same ? 1 : 2;
  const stepOf = (call: number) => (done: number, total: number) =>
    progress?.('measure', Math.round(((call + (total > 0 ? done / total : 1)) / calls) * MEASURE_STEPS), MEASURE_STEPS);
  const decay = effectiveDecay(input.method, input.decay, input.cutoff) ?? undefined;
  const { demand, supply, cutoff } = input;
  const access = computeMeasure(
    input.method,
    matrix,
    demand.weight,
    supply.weight,
    { cutoff, decay, n: input.n, neighbors },
    stepOf(0),
  ).values;
  if (basis.same) return { access, ratio: access };
  const options = { cutoff, decay: basis.decay };
  const ratio = computeMeasure(basis.method, matrix, demand.weight, supply.weight, options, stepOf(1)).values;
  return { access, ratio };
}

/** Demand points within `radius` of a service by the matrix — valid only for a straight-line matrix with the same detour. */
function coveredWithin(matrix: CostMatrix, radius: number): Uint8Array {
  const out = new Uint8Array(matrix.demandCount);
  for (let i = 0; i < matrix.demandCount; i++)
    for (let k = matrix.offsets[i] as number; k < (matrix.offsets[i + 1] as number); k++)
      if ((matrix.cost[k] as number) <= radius) {
        out[i] = 1;
        break;
      }
  return out;
}

function summaryOf(
  input: GapAnalysisInput,
  gaps: PointGaps,
  applied: PriorityWeights,
): Pick<
  GapSummary,
  | 'population'
  | 'unreachablePopulation'
  | 'coverageShare'
  | 'accessibility'
  | 'supplyPer1000'
  | 'deficit'
  | 'servedShare'
  | 'needsCount'
  | 'needsWeighted'
> {
  const all = aggregateUnits(
    {
      count: 1,
      demandUnit: new Int32Array(input.demand.x.length),
      needUnit: new Int32Array(input.needs.x.length),
      areaKm2: new Float64Array(1),
    },
    input.demand,
    gaps,
    input.needs,
    input.supply.ids,
    applied,
  )[0] as UnitMeasures;
  const { population, unreachablePopulation, coverageShare, accessibility, supplyPer1000, deficit, servedShare } = all;
  return {
    population,
    unreachablePopulation,
    coverageShare,
    accessibility,
    supplyPer1000,
    deficit,
    servedShare,
    needsCount: all.needsCount,
    needsWeighted: all.needsWeighted,
  };
}

/**
 * Runs the whole gap analysis for one category. Throws GapInputError for input validateGapInput
 * rejects (call that first to answer a request with 4xx).
 */
export function analyzeGaps(input: GapAnalysisInput, onProgress?: GapProgressFn): GapAnalysisResult {
  const problems = validateGapInput(input);
  if (problems.length > 0) throw new GapInputError(problems);
  const weights = normaliseWeights(input.weights ?? DEFAULT_PRIORITY_WEIGHTS) as PriorityWeightsEcho;
  const detour = input.detour ?? 1;
  const h3Resolution = input.h3Resolution ?? DEFAULT_H3_RESOLUTION;
  const potentialsCount = input.potentialsCount ?? DEFAULT_POTENTIALS_COUNT;
  const potentialsNeedWeight = input.potentialsNeedWeight ?? 0;
  const { catchmentM } = input.category;

  const matrix =
    input.matrix ??
    straightLineMatrix(input.demand, input.supply, {
      maxCost: input.cutoff,
      detour,
      onProgress: (done, total) => onProgress?.('costs', done, total),
    });
  if (input.matrix) onProgress?.('costs', 1, 1);
  // Only the floating catchment ratio needs the people around each demand point.
  const neighbors =
    input.method === 'fca'
      ? (input.neighbors ?? straightLineMatrix(input.demand, input.demand, { maxCost: input.cutoff, detour }))
      : undefined;

  const { access, ratio } = measures(input, matrix, neighbors, onProgress);
  const scoreBasis = accessScoreBasis(input.method);
  const gaps = pointGaps({
    matrix,
    cutoff: input.cutoff,
    population: input.demand.weight,
    access,
    ratio,
    target: input.target,
    scoreBasis,
  });

  onProgress?.('aggregate', 0, 2);
  const grid = hexGrid({
    demand: input.demand,
    gaps,
    needs: input.needs,
    supplyIds: input.supply.ids,
    resolution: h3Resolution,
    weights: weights.applied,
  });
  onProgress?.('aggregate', 1, 2);
  const quarterInputs = input.quarters.map((q) => ({
    id: q.id,
    name: q.name,
    shape: parseQuarterShape(q.geometry) as QuarterShape,
  }));
  const quarters = quarterTable({
    quarters: quarterInputs,
    demand: input.demand,
    gaps,
    needs: input.needs,
    supplyIds: input.supply.ids,
    weights: weights.applied,
  });
  onProgress?.('aggregate', 2, 2);

  onProgress?.('potentials', 0, 1);
  const potentials = rankPotentials({
    demand: input.demand,
    needs: input.needs,
    supply: input.supply,
    sites: input.sites,
    catchmentM,
    detour,
    count: potentialsCount,
    needWeight: potentialsNeedWeight,
    // The straight-line matrix already knows who has a service within the catchment, when it reaches that far.
    demandCovered: !input.matrix && catchmentM <= input.cutoff ? coveredWithin(matrix, catchmentM) : undefined,
  });
  onProgress?.('potentials', 1, 1);

  const base = summaryOf(input, gaps, weights.applied);
  const inQuarters = quarters.reduce((sum, q) => sum + q.population, 0);
  let supplyUnits = 0;
  for (const w of input.supply.weight) supplyUnits += w;
  const picked = potentials.sites.filter((s) => s.rank !== null);
  const basis = perThousandBasis(input.method, input.decay, input.cutoff);
  return {
    parameters: {
      category: { id: input.category.id, demandGroup: input.category.demandGroup, catchmentM },
      method: input.method,
      cutoff: input.cutoff,
      decay: effectiveDecay(input.method, input.decay, input.cutoff),
      n: input.method === 'nearest' ? (input.n ?? 1) : null,
      detour,
      costs: input.matrix ? 'matrix' : 'straight-line',
      target: input.target,
      weights,
      h3Resolution,
      potentialsCount,
      potentialsNeedWeight,
      perThousandBasis: { method: basis.method, decay: basis.decay },
      accessScoreBasis: scoreBasis,
    },
    grid,
    quarters,
    potentials: potentials.sites,
    summary: {
      ...base,
      demandPoints: input.demand.x.length,
      supplyPoints: input.supply.x.length,
      supplyUnits,
      requiredUnits: (base.population * input.target) / 1000,
      regionalSupplyPer1000: base.population > 0 ? (supplyUnits / base.population) * 1000 : null,
      cells: grid.features.length,
      populationOutsideQuarters: base.population - inQuarters,
      potentials: {
        catchmentM,
        picked: picked.length,
        initialCoveredShare: potentials.initialCoveredShare,
        finalCoveredShare: potentials.finalCoveredShare,
        newPeople: picked.reduce((sum, s) => sum + (s.newPeople ?? 0), 0),
        uncoveredNeeds: potentials.uncoveredNeeds,
      },
    },
  };
}
