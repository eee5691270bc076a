import type { DecaySpec, Method } from '@quartiersatlas/gap';

/**
 * What the method's own value per cell ("accessibility") means, for the legend's unit:
 * `metres` (nearest), `share` (coverage, 0 … 1), `units` (supply in reach: facilities or places),
 * `perThousand` (the floating-catchment ratios, units per person shown per 1,000 people) and
 * `index` (gravity and the balanced FCA level: comparable between places, no unit).
 */
export type AccessUnit = 'metres' | 'share' | 'units' | 'perThousand' | 'index';

/** The decay the engine applies when none is given (packages/gap effectiveDecay); `none`: ignored. */
type DefaultDecay = 'none' | 'binary' | 'e2sfca-zones' | '3sfca-zones' | 'gaussian-half';

interface MethodInfo {
  unit: AccessUnit;
  /** Larger values mean better access (all but nearest, whose value is a distance). */
  higherIsBetter: boolean;
  defaultDecay: DefaultDecay;
}

// A Record over the engine's Method type: a method added to the engine fails the typecheck here
// until the form knows how to present it.
const METHOD_INFO: Record<Method, MethodInfo> = {
  '2sfca': { unit: 'perThousand', higherIsBetter: true, defaultDecay: 'binary' },
  nearest: { unit: 'metres', higherIsBetter: false, defaultDecay: 'none' },
  coverage: { unit: 'share', higherIsBetter: true, defaultDecay: 'none' },
  cumulative: { unit: 'units', higherIsBetter: true, defaultDecay: 'binary' },
  gravity: { unit: 'index', higherIsBetter: true, defaultDecay: 'gaussian-half' },
  fca: { unit: 'perThousand', higherIsBetter: true, defaultDecay: 'binary' },
  e2sfca: { unit: 'perThousand', higherIsBetter: true, defaultDecay: 'e2sfca-zones' },
  g2sfca: { unit: 'perThousand', higherIsBetter: true, defaultDecay: 'gaussian-half' },
  '3sfca': { unit: 'perThousand', higherIsBetter: true, defaultDecay: '3sfca-zones' },
  bfca: { unit: 'index', higherIsBetter: true, defaultDecay: 'binary' },
};

/** The methods in the order the form lists them: the standard gap measure first. */
export const METHODS = Object.keys(METHOD_INFO) as Method[];

export function isMethod(value: string): value is Method {
  return Object.hasOwn(METHOD_INFO, value);
}

export function methodInfo(method: Method): MethodInfo {
  return METHOD_INFO[method];
}

/** Whether the method reads a decay at all (nearest and coverage only look at the cutoff). */
export function usesDecay(method: Method): boolean {
  return METHOD_INFO[method].defaultDecay !== 'none';
}

function zones(cutoff: number, multiples: number[], parts: number, weights: number[]): DecaySpec {
  const steps: Array<{ upTo: number; weight: number }> = [];
  multiples.forEach((multiple, k) => {
    const upTo = (cutoff * multiple) / parts;
    if (steps.at(-1)?.upTo !== upTo) steps.push({ upTo, weight: weights[k] as number });
  });
  return { kind: 'steps', steps };
}

/**
 * The decay the engine would use for the method without one — the API always sends one (binary by
 * default), so the form sends this explicitly to keep each method's own default.
 */
export function methodDefaultDecay(method: Method, cutoff: number): DecaySpec | null {
  switch (METHOD_INFO[method].defaultDecay) {
    case 'none':
      return null;
    case 'binary':
      return { kind: 'binary' };
    case 'e2sfca-zones':
      return zones(cutoff, [1, 2, 3], 3, [1, 0.68, 0.22]);
    case '3sfca-zones':
      return zones(cutoff, [1, 2, 3, 6], 6, [0.962, 0.704, 0.377, 0.042]);
    case 'gaussian-half':
      return { kind: 'gaussian', sigma: cutoff / 2 };
  }
}

/** The API's text form of a decay (see parseDecay in packages/gap). */
export function decayText(decay: DecaySpec): string {
  switch (decay.kind) {
    case 'binary':
    case 'linear':
      return decay.kind;
    case 'exponential':
    case 'power':
      return `${decay.kind}:${decay.beta}`;
    case 'gaussian':
      return `gaussian:${decay.sigma}`;
    case 'steps':
      return `steps:${decay.steps.map((step) => `${step.upTo}=${step.weight}`).join(',')}`;
  }
}

export const DECAY_CHOICES = ['method', 'binary', 'linear', 'exponential', 'power', 'gaussian', 'steps'] as const;
/** `method`: the method's own default, which follows the cutoff. */
export type DecayChoice = (typeof DECAY_CHOICES)[number];

/** The decay as the form holds it: a kind and, for some kinds, one parameter as typed. */
export interface DecayForm {
  choice: DecayChoice;
  /** β for exponential and power, σ in metres for gaussian, `d=w, d=w …` for steps. */
  parameter: string;
}

export function decayNeedsParameter(choice: DecayChoice): boolean {
  return choice === 'exponential' || choice === 'power' || choice === 'gaussian' || choice === 'steps';
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/** A number as people type it, with a decimal comma or point; undefined when it is none. */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed.replace(',', '.')) : undefined;
}

export type DecayProblem = 'required' | 'notPositive' | 'stepsFormat' | 'stepsOrder';

/** What is wrong with the typed parameter, if anything. */
export function decayProblem(form: DecayForm): DecayProblem | undefined {
  if (!decayNeedsParameter(form.choice)) return undefined;
  if (form.parameter.trim() === '') return 'required';
  if (form.choice !== 'steps') {
    const value = parseDecimal(form.parameter);
    if (value === undefined) return 'required';
    return value > 0 ? undefined : 'notPositive';
  }
  const steps = parseSteps(form.parameter);
  if (steps === 'format') return 'stepsFormat';
  if (steps === 'order') return 'stepsOrder';
  return undefined;
}

function parseSteps(text: string): Array<{ upTo: number; weight: number }> | 'format' | 'order' {
  const steps: Array<{ upTo: number; weight: number }> = [];
  // `;` separates pairs too, so that a decimal comma ("500=0,5") stays readable.
  const parts = text.includes(';') ? text.split(';') : text.split(/,(?=\s*\d+\s*=)/);
  for (const part of parts) {
    const [d, w, ...rest] = part.split('=');
    const upTo = d === undefined ? undefined : parseDecimal(d);
    const weight = w === undefined ? undefined : parseDecimal(w);
    if (rest.length > 0 || upTo === undefined || weight === undefined || upTo < 0 || weight < 0) return 'format';
    const previous = steps.at(-1);
    if (previous && upTo <= previous.upTo) return 'order';
    steps.push({ upTo, weight });
  }
  return steps.length > 0 ? steps : 'format';
}

/** The decay to send, or undefined when the method ignores it. Call only with a form without problems. */
export function decayFromForm(method: Method, cutoff: number, form: DecayForm): DecaySpec | undefined {
  if (!usesDecay(method)) return undefined;
  switch (form.choice) {
    case 'method':
      return methodDefaultDecay(method, cutoff) ?? undefined;
    case 'binary':
    case 'linear':
      return { kind: form.choice };
    case 'exponential':
    case 'power':
      return { kind: form.choice, beta: parseDecimal(form.parameter) ?? 0 };
    case 'gaussian':
      return { kind: 'gaussian', sigma: parseDecimal(form.parameter) ?? 0 };
    case 'steps': {
      const steps = parseSteps(form.parameter);
      return { kind: 'steps', steps: typeof steps === 'string' ? [] : steps };
    }
  }
}

/** The form state for a stored decay text: the method's default when it is exactly that. */
export function decayFormOf(method: Method, cutoff: number, text: string): DecayForm {
  const standard = methodDefaultDecay(method, cutoff);
  if (!standard || decayText(standard) === text) return { choice: 'method', parameter: '' };
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  const parameter = colon < 0 ? '' : text.slice(colon + 1);
  const choice = DECAY_CHOICES.find((item) => item === kind && item !== 'method');
  if (!choice) return { choice: 'method', parameter: '' };
  return { choice, parameter: choice === 'steps' ? parameter.split(',').join(', ') : parameter };
}
