import { type Category, findCategory, type Taxonomy } from '@quartiersatlas/domain';
import type { Method } from '@quartiersatlas/gap';
import type { AnalysisParameters, AnalysisRequest, PriorityWeights } from './api.ts';
import { type DecayChoice, decayFormOf, decayFromForm, decayProblem, decayText, parseDecimal } from './methods.ts';

/** The analysis form as typed: numbers stay text until submitted, so "0,25" and "0.25" both work. */
export interface AnalysisFormValues {
  category: string;
  method: Method;
  cutoff: string;
  decayChoice: DecayChoice;
  decayParameter: string;
  target: string;
  detour: string;
  potentials: string;
}

/** The API's limits (apps/api/src/analysis/params.ts). */
export const LIMITS = {
  cutoff: { min: 50, max: 20_000 },
  target: { max: 100_000 },
  detour: { min: 1, max: 3 },
  potentials: { min: 0, max: 50 },
} as const;

/** Straight line × 1.3 approximates walking where no street network is loaded (the API's default). */
export const DEFAULT_DETOUR = 1.3;
export const DEFAULT_POTENTIALS = 5;

export function defaultsFor(category: Category, method: Method = '2sfca'): AnalysisFormValues {
  return {
    category: category.id,
    method,
    cutoff: String(category.catchmentM),
    decayChoice: 'method',
    decayParameter: '',
    target: String(category.targetPer1000),
    detour: String(DEFAULT_DETOUR),
    potentials: String(DEFAULT_POTENTIALS),
  };
}

/** The form filled from a stored analysis, to run it again with changes. */
export function valuesFromParameters(parameters: AnalysisParameters): AnalysisFormValues {
  const decay = decayFormOf(parameters.method, parameters.cutoff, parameters.decay);
  return {
    category: parameters.category,
    method: parameters.method,
    cutoff: String(parameters.cutoff),
    decayChoice: decay.choice,
    decayParameter: decay.parameter,
    target: String(parameters.target),
    detour: String(parameters.detour),
    potentials: String(parameters.potentials),
  };
}

export function initialValues(taxonomy: Taxonomy, parameters: AnalysisParameters | undefined): AnalysisFormValues {
  if (parameters && findCategory(taxonomy, parameters.category)) return valuesFromParameters(parameters);
  const first = findCategory(taxonomy, 'groceries') ?? taxonomy.categories[0];
  if (!first) throw new Error('the taxonomy has no categories');
  return defaultsFor(first);
}

export type FieldProblem = 'number' | 'range' | 'integer';

/** A number within [min, max] as typed; the problem otherwise. */
export function numberProblem(
  text: string,
  limits: { min?: number; max?: number; exclusiveMin?: number; integer?: boolean },
): FieldProblem | undefined {
  const value = parseDecimal(text);
  if (value === undefined) return 'number';
  if (limits.integer && !Number.isInteger(value)) return 'integer';
  if (limits.min !== undefined && value < limits.min) return 'range';
  if (limits.exclusiveMin !== undefined && value <= limits.exclusiveMin) return 'range';
  if (limits.max !== undefined && value > limits.max) return 'range';
  return undefined;
}

export function cutoffProblem(text: string) {
  return numberProblem(text, LIMITS.cutoff);
}
export function targetProblem(text: string) {
  return numberProblem(text, { exclusiveMin: 0, max: LIMITS.target.max });
}
export function detourProblem(text: string) {
  return numberProblem(text, LIMITS.detour);
}
export function potentialsProblem(text: string) {
  return numberProblem(text, { ...LIMITS.potentials, integer: true });
}

/** The request for valid form values (the form validates before it calls this). */
export function toRequest(values: AnalysisFormValues, weights: PriorityWeights): AnalysisRequest {
  const cutoff = parseDecimal(values.cutoff) ?? 0;
  const form = { choice: values.decayChoice, parameter: values.decayParameter };
  const decay = decayProblem(form) ? undefined : decayFromForm(values.method, cutoff, form);
  return {
    category: values.category,
    method: values.method,
    parameters: {
      cutoff,
      ...(decay ? { decay: decayText(decay) } : {}),
      detour: parseDecimal(values.detour) ?? DEFAULT_DETOUR,
      target: parseDecimal(values.target) ?? 0,
      weights,
      potentials: parseDecimal(values.potentials) ?? DEFAULT_POTENTIALS,
    },
  };
}

/** The API field a server-side problem names, as the form field that shows it. */
export function formFieldOf(apiField: string): keyof AnalysisFormValues | undefined {
  const name = apiField.replace(/^\/?parameters[./]/, '').replace(/^\//, '');
  switch (name) {
    case 'category':
    case 'method':
    case 'cutoff':
    case 'target':
    case 'detour':
    case 'potentials':
      return name;
    case 'decay':
      return 'decayParameter';
    default:
      return undefined;
  }
}
