import type { DecaySpec } from './types.ts';

/**
 * Distance decay: how much a pair at cost d counts, 1 = fully, 0 = not at all.
 *
 * Notation: cost d ≥ 0 (metres or minutes), cutoff c > 0 (the catchment; `Infinity` for none).
 * Every measure cuts the catchment at c first — a pair with d > c weighs 0 whatever the kind —
 * and inside the catchment (d ≤ c, inclusive) the kinds are:
 *
 * | kind          | weight for d ≤ c                                       | source of the definition         |
 * | ------------- | ------------------------------------------------------ | -------------------------------- |
 * | `binary`      | 1                                                      | 2SFCA (Luo & Wang 2003)          |
 * | `linear`      | 1 − d/c (1 when c is `Infinity` or 0)                  | ipea `decay_linear`              |
 * | `exponential` | exp(−β·d), β per cost unit (per metre)                 | ipea `decay_exponential`         |
 * | `power`       | min(1, d^(−β)); d < 1 (also d = 0) gives 1             | ipea `decay_power`               |
 * | `gaussian`    | exp(−d² / (2σ²)); no 1/√(2πσ²) factor: w(0) = 1        | pysal `weights.gaussian(sigma)`  |
 * | `steps`       | w_k of the smallest step with d ≤ d_k; 0 past the last | pysal `weights.step_fn`          |
 * | `gravity`     | (max(d, m)/s)^α — α is NOT negated                     | pysal `weights.gravity(s, α, m)` |
 *
 * `gravity` is not part of {@link DecaySpec} (the CLI does not offer it); it exists so that pysal's
 * reference values can be reproduced exactly. With α < 0 and m = 0 it is `Infinity` at d = 0, as
 * in pysal. Steps are inclusive on the right like pysal (d = d_k gets w_k); ipea's `decay_stepped`
 * switches at the step instead (d = d_k gets w_{k+1}) — a deliberate difference.
 */
export interface GravityDecay {
  kind: 'gravity';
  scale: number;
  alpha: number;
  /** Costs below this count as this (pysal `min_dist`); default 0. */
  minCost?: number;
}

/** Every decay the measures accept: the CLI's {@link DecaySpec} plus pysal's gravity form. */
export type Decay = DecaySpec | GravityDecay;

/**
 * The decay shape without the catchment cut: what `decayWeight` gives inside the catchment,
 * continued beyond it (binary and linear are 0 beyond c by their own definition, steps past the
 * last step). 3SFCA's selection weights normalise over this, because pysal does.
 */
export function decayKernel(spec: Decay, cost: number, cutoff: number): number {
  switch (spec.kind) {
    case 'binary':
      return cost <= cutoff ? 1 : 0;
    case 'linear':
      if (cost > cutoff) return 0;
      return cutoff === Number.POSITIVE_INFINITY || cutoff === 0 ? 1 : 1 - cost / cutoff;
    case 'exponential':
      return Math.exp(-spec.beta * cost);
    case 'power':
      return Math.min(1, cost ** -spec.beta);
    case 'gaussian':
      return Math.exp(-(cost * cost) / (2 * spec.sigma * spec.sigma));
    case 'steps': {
      let bound = Number.POSITIVE_INFINITY;
      let weight = 0;
      for (const step of spec.steps) {
        if (cost <= step.upTo && step.upTo < bound) {
          bound = step.upTo;
          weight = step.weight;
        }
      }
      return weight;
    }
    case 'gravity':
      return (Math.max(cost, spec.minCost ?? 0) / spec.scale) ** spec.alpha;
    default:
      return exhaustive(spec);
  }
}

/** The weight of a pair at `cost`: 0 beyond the cutoff, else the kind's formula (see above). */
export function decayWeight(spec: Decay, cost: number, cutoff: number): number {
  return cost <= cutoff ? decayKernel(spec, cost, cutoff) : 0;
}

/**
 * Weights of many costs at once, into `out` (allocated when absent). One loop per kind, so the
 * 60,000 × 100 pairs of a city-wide matrix cost a few milliseconds, not a switch per pair.
 * `truncate` false gives {@link decayKernel}, true gives {@link decayWeight}.
 */
export function decayWeights(
  spec: Decay,
  costs: Float64Array,
  cutoff: number,
  truncate = true,
  out: Float64Array = new Float64Array(costs.length),
): Float64Array {
  const n = costs.length;
  switch (spec.kind) {
    case 'binary':
      for (let k = 0; k < n; k++) out[k] = (costs[k] as number) <= cutoff ? 1 : 0;
      return out;
    case 'linear':
      for (let k = 0; k < n; k++) out[k] = decayKernel(spec, costs[k] as number, cutoff);
      return out;
    case 'exponential': {
      const beta = spec.beta;
      for (let k = 0; k < n; k++) out[k] = Math.exp(-beta * (costs[k] as number));
      break;
    }
    case 'power': {
      const minusBeta = -spec.beta;
      for (let k = 0; k < n; k++) out[k] = Math.min(1, (costs[k] as number) ** minusBeta);
      break;
    }
    case 'gaussian': {
      const twoSigmaSquared = 2 * spec.sigma * spec.sigma;
      for (let k = 0; k < n; k++) {
        const d = costs[k] as number;
        out[k] = Math.exp(-(d * d) / twoSigmaSquared);
      }
      break;
    }
    case 'steps': {
      const sorted = [...spec.steps].sort((a, b) => a.upTo - b.upTo);
      const bounds = Float64Array.from(sorted, (s) => s.upTo);
      const weights = Float64Array.from(sorted, (s) => s.weight);
      const m = bounds.length;
      for (let k = 0; k < n; k++) {
        const d = costs[k] as number;
        let s = 0;
        while (s < m && d > (bounds[s] as number)) s++;
        out[k] = s < m ? (weights[s] as number) : 0;
      }
      break;
    }
    default:
      for (let k = 0; k < n; k++) out[k] = decayKernel(spec, costs[k] as number, cutoff);
  }
  if (truncate) for (let k = 0; k < n; k++) if ((costs[k] as number) > cutoff) out[k] = 0;
  return out;
}

/** Why a decay cannot be used (a parameter out of range), or undefined when it can. */
export function decayProblem(spec: Decay): string | undefined {
  switch (spec.kind) {
    case 'binary':
    case 'linear':
      return undefined;
    case 'exponential':
    case 'power':
      return Number.isFinite(spec.beta) && spec.beta >= 0 ? undefined : `beta must be a number ≥ 0, got ${spec.beta}`;
    case 'gaussian':
      return Number.isFinite(spec.sigma) && spec.sigma > 0
        ? undefined
        : `sigma must be a number > 0, got ${spec.sigma}`;
    case 'steps': {
      if (spec.steps.length === 0) return 'steps need at least one distance=weight pair';
      const seen = new Set<number>();
      for (const { upTo, weight } of spec.steps) {
        if (!(upTo >= 0) || Number.isNaN(upTo)) return `step distance must be a number ≥ 0, got ${upTo}`;
        if (!Number.isFinite(weight) || weight < 0) return `step weight must be a number ≥ 0, got ${weight}`;
        if (seen.has(upTo)) return `step distance ${upTo} appears twice`;
        seen.add(upTo);
      }
      return undefined;
    }
    case 'gravity':
      if (!Number.isFinite(spec.scale) || spec.scale <= 0) return `scale must be a number > 0, got ${spec.scale}`;
      if (!Number.isFinite(spec.alpha)) return `alpha must be a number, got ${spec.alpha}`;
      return undefined;
    default:
      return exhaustive(spec);
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

export type ParsedDecay = { ok: true; decay: DecaySpec } | { ok: false; error: string };

/**
 * Reads the CLI syntax: `binary`, `linear`, `exponential:<β per metre>`, `power:<β>`,
 * `gaussian:<σ metres>`, `steps:<d1>=<w1>,<d2>=<w2>,…` (weight w_k up to and including d_k,
 * steps in increasing distance). Kind names are case-insensitive; spaces around parts are allowed.
 */
export function parseDecay(text: string): ParsedDecay {
  const colon = text.indexOf(':');
  const kind = (colon < 0 ? text : text.slice(0, colon)).trim().toLowerCase();
  const argument = colon < 0 ? undefined : text.slice(colon + 1);
  const fail = (error: string): ParsedDecay => ({ ok: false, error });
  const checked = (decay: DecaySpec): ParsedDecay => {
    const problem = decayProblem(decay);
    return problem ? fail(`${kind}: ${problem}`) : { ok: true, decay };
  };

  switch (kind) {
    case 'binary':
    case 'linear':
      if (argument !== undefined) return fail(`${kind} takes no parameter, got "${argument}"`);
      return { ok: true, decay: { kind } };
    case 'exponential':
    case 'power':
    case 'gaussian': {
      const name = kind === 'gaussian' ? 'sigma' : 'beta';
      if (argument === undefined) return fail(`${kind} needs a parameter: ${kind}:<${name}>`);
      const value = parseNumber(argument);
      if (value === undefined) return fail(`${kind}: "${argument.trim()}" is not a number`);
      return checked(kind === 'gaussian' ? { kind, sigma: value } : { kind, beta: value });
    }
    case 'steps': {
      if (argument === undefined || argument.trim() === '')
        return fail('steps need distance=weight pairs: steps:<d1>=<w1>,<d2>=<w2>');
      const steps: Array<{ upTo: number; weight: number }> = [];
      for (const part of argument.split(',')) {
        const [d, w, ...rest] = part.split('=');
        const upTo = d === undefined ? undefined : parseNumber(d);
        const weight = w === undefined ? undefined : parseNumber(w);
        if (rest.length > 0 || upTo === undefined || weight === undefined)
          return fail(`steps: "${part.trim()}" is not <distance>=<weight>`);
        const previous = steps.at(-1);
        if (previous && upTo <= previous.upTo)
          return fail(`steps: distances must increase, ${upTo} follows ${previous.upTo}`);
        steps.push({ upTo, weight });
      }
      return checked({ kind, steps });
    }
    default:
      return fail(
        `unknown decay "${text.trim()}"; use binary, linear, exponential:<beta>, power:<beta>, gaussian:<sigma> or steps:<d1>=<w1>,…`,
      );
  }
}

/** The CLI syntax of a decay: `parseDecay(formatDecay(d))` gives `d` back. */
export function formatDecay(spec: DecaySpec): string {
  switch (spec.kind) {
    case 'binary':
    case 'linear':
      return spec.kind;
    case 'exponential':
    case 'power':
      return `${spec.kind}:${spec.beta}`;
    case 'gaussian':
      return `gaussian:${spec.sigma}`;
    case 'steps':
      return `steps:${spec.steps.map((s) => `${s.upTo}=${s.weight}`).join(',')}`;
    default:
      return exhaustive(spec);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unhandled decay ${JSON.stringify(value)}`);
}
