export * from './analyze.ts';
export {
  cellsOf,
  DEFAULT_H3_RESOLUTION,
  type HexFeature,
  type HexFeatureCollection,
  type HexProperties,
  hexGrid,
} from './h3-grid.ts';
export {
  type AccessScoreBasis,
  accessScoreBasis,
  effectiveDecay,
  type PerThousandBasis,
  type PointGaps,
  perThousandBasis,
  pointGaps,
} from './point-gaps.ts';
export { containsPoint, parseQuarterShape, type QuarterShape, shapeAreaKm2 } from './polygon.ts';
export { type PotentialSite, type PotentialsInput, type PotentialsResult, rankPotentials } from './potentials.ts';
export {
  DEFAULT_PRIORITY_WEIGHTS,
  normaliseWeights,
  type PriorityWeights,
  type PriorityWeightsEcho,
  priorityScore,
} from './priority.ts';
export { type QuarterInput, type QuarterMeasures, quarterTable } from './quarters.ts';
export type { UnitMeasures } from './units.ts';
export { GapInputError, type GapInputProblem, validateGapInput } from './validate.ts';
