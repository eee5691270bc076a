import type { HexProperties, Method } from '@quartiersatlas/gap';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { PriorityWeights } from './api.ts';
import {
  breaksWithZeroClass,
  type ClassRange,
  classOf,
  classRanges,
  MAX_CLASSES,
  palette,
  quantileBreaks,
} from './classes.ts';
import { type AccessUnit, methodInfo } from './methods.ts';
import { priorityOf } from './priority.ts';

/** What the heatmap can show; `accessibility` is the method's own value. */
export const MEASURES = ['priority', 'deficit', 'accessibility', 'supply', 'coverage', 'needs'] as const;
export type MeasureId = (typeof MEASURES)[number];

/** The unit a legend names: the method's for accessibility, else the measure's own. */
export type LegendUnit = 'index01' | 'people' | 'share' | 'needsPerKm2' | 'perThousandTarget' | AccessUnit;

export interface MeasureContext {
  method: Method;
  /** Priority weights divided by their sum. */
  weights: PriorityWeights;
  /** Supply units per 1,000 people of the group the analysis aims at. */
  target: number;
}

/** Cells of a measure as the map draws them: coloured classes, plus who has no value and why. */
export interface MeasureStyle {
  measure: MeasureId;
  unit: LegendUnit;
  higherIsWorse: boolean;
  breaks: number[];
  classes: ClassRange[];
  /** The value per cell in MapLibre's expression language (same as `cellValue`). */
  value: ExpressionSpecification;
  /** Cells drawn in a class colour. */
  coloured: ExpressionSpecification;
  /** People of the group live here, but no service is within the cutoff: no value to colour. */
  unreachable: ExpressionSpecification | null;
  /** Nobody of the group lives here (the cell shows because of voiced needs): no value either. */
  empty: ExpressionSpecification | null;
}

const FIFTHS = [0.2, 0.4, 0.6, 0.8];

const has = (property: keyof HexProperties): ExpressionSpecification => ['==', ['typeof', ['get', property]], 'number'];
const populated: ExpressionSpecification = ['>', ['get', 'population'], 0];

function accessScale(method: Method): number {
  return methodInfo(method).unit === 'perThousand' ? 1000 : 1;
}

/** The measure's value of one cell, null where it has none (unreachable, nobody living there). */
export function cellValue(measure: MeasureId, cell: HexProperties, context: MeasureContext): number | null {
  switch (measure) {
    case 'priority':
      return priorityOf(cell, context.weights);
    case 'deficit':
      return cell.population > 0 ? cell.deficit : null;
    case 'accessibility':
      return cell.population > 0 && cell.accessibility !== null
        ? cell.accessibility * accessScale(context.method)
        : null;
    case 'supply':
      return cell.population > 0 ? cell.supplyPer1000 : null;
    case 'coverage':
      return cell.coverageShare;
    case 'needs':
      return cell.needDensity;
  }
}

function valueExpression(measure: MeasureId, context: MeasureContext): ExpressionSpecification {
  switch (measure) {
    case 'priority':
      return [
        '+',
        ['*', context.weights.deficit, ['get', 'deficitScore']],
        ['*', context.weights.needs, ['get', 'needScore']],
        ['*', context.weights.access, ['get', 'accessScore']],
      ];
    case 'deficit':
      return ['get', 'deficit'];
    case 'accessibility':
      return ['*', accessScale(context.method), ['get', 'accessibility']];
    case 'supply':
      return ['get', 'supplyPer1000'];
    case 'coverage':
      return ['get', 'coverageShare'];
    case 'needs':
      return ['get', 'needDensity'];
  }
}

const PROPERTY: Record<MeasureId, keyof HexProperties | null> = {
  priority: null,
  deficit: 'deficit',
  accessibility: 'accessibility',
  supply: 'supplyPer1000',
  coverage: 'coverageShare',
  needs: 'needDensity',
};

function unitOf(measure: MeasureId, context: MeasureContext): LegendUnit {
  switch (measure) {
    case 'priority':
      return 'index01';
    case 'deficit':
      return 'people';
    case 'accessibility':
      return methodInfo(context.method).unit;
    case 'supply':
      return 'perThousandTarget';
    case 'coverage':
      return 'share';
    case 'needs':
      return 'needsPerKm2';
  }
}

function higherIsWorse(measure: MeasureId, context: MeasureContext): boolean {
  switch (measure) {
    case 'priority':
    case 'deficit':
    case 'needs':
      return true;
    case 'accessibility':
      return !methodInfo(context.method).higherIsBetter;
    case 'supply':
    case 'coverage':
      return false;
  }
}

function breaksOf(measure: MeasureId, values: number[], context: MeasureContext): number[] {
  switch (measure) {
    case 'coverage':
      return FIFTHS;
    case 'priority':
      // Relative by construction (two of its scores are shares of the largest cell), so its
      // quantiles tell the cells apart better than fixed fifths, which leave most in the first.
      return quantileBreaks(values, MAX_CLASSES);
    case 'supply':
      // Against the target: a quarter, half, three quarters of it, and at or above it.
      return [0.25, 0.5, 0.75, 1].map((share) => share * context.target);
    case 'deficit':
    case 'needs':
      return breaksWithZeroClass(values, MAX_CLASSES);
    case 'accessibility':
      return methodInfo(context.method).unit === 'share' ? FIFTHS : quantileBreaks(values, MAX_CLASSES);
  }
}

/**
 * Everything the map and the legend need to draw `measure`. The classes come from `cells`; a
 * what-if result is drawn with the classes of the analysis it changes, so colours compare.
 */
export function measureStyle(
  measure: MeasureId,
  cells: readonly HexProperties[],
  context: MeasureContext,
): MeasureStyle {
  const values: number[] = [];
  for (const cell of cells) {
    const value = cellValue(measure, cell, context);
    if (value !== null) values.push(value);
  }
  const breaks = breaksOf(measure, values, context);
  const worse = higherIsWorse(measure, context);
  const colours = palette(breaks.length + 1, worse);
  const property = PROPERTY[measure];
  // Per-person measures have no value where nobody of the group lives; priority and need density do.
  const perPerson = measure !== 'priority' && measure !== 'needs';
  const coloured: ExpressionSpecification =
    property === null ? ['boolean', true] : perPerson ? ['all', populated, has(property)] : has(property);
  const unreachable: ExpressionSpecification | null =
    (measure === 'accessibility' || measure === 'supply') && property !== null
      ? ['all', populated, ['!', has(property)]]
      : null;
  const empty: ExpressionSpecification | null = perPerson ? ['==', ['get', 'population'], 0] : null;
  return {
    measure,
    unit: unitOf(measure, context),
    higherIsWorse: worse,
    breaks,
    classes: classRanges(breaks, colours),
    value: valueExpression(measure, context),
    coloured,
    unreachable,
    empty,
  };
}

/** MapLibre's fill colour for the coloured cells: the class colours stepped at the breaks. */
export function colourExpression(style: MeasureStyle): ExpressionSpecification | string {
  const colours = style.classes.map((range) => range.colour);
  if (style.breaks.length === 0) return colours[0] ?? '#21918c';
  const stops = style.breaks.flatMap((value, k) => [value, colours[k + 1] as string]);
  return ['step', style.value, colours[0] as string, ...stops] as ExpressionSpecification;
}

/** The class colour of one cell as the map draws it, or null when it is drawn as unreachable or empty. */
export function cellColour(style: MeasureStyle, cell: HexProperties, context: MeasureContext): string | null {
  const value = cellValue(style.measure, cell, context);
  if (value === null) return null;
  return style.classes[classOf(value, style.breaks)]?.colour ?? null;
}
