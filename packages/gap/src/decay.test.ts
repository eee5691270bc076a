import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decay, decayKernel, decayProblem, decayWeight, decayWeights, formatDecay, parseDecay } from './decay.ts';
import type { DecaySpec } from './types.ts';

const positive = fc.double({ min: 1e-3, max: 1e4, noNaN: true });
const decaySpec: fc.Arbitrary<DecaySpec> = fc.oneof(
  fc.constant<DecaySpec>({ kind: 'binary' }),
  fc.constant<DecaySpec>({ kind: 'linear' }),
  positive.map((beta): DecaySpec => ({ kind: 'exponential', beta })),
  positive.map((beta): DecaySpec => ({ kind: 'power', beta })),
  positive.map((sigma): DecaySpec => ({ kind: 'gaussian', sigma })),
  fc
    .uniqueArray(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 5 })
    .chain((bounds) =>
      fc.tuple(
        fc.constant(bounds.sort((a, b) => a - b)),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: bounds.length, maxLength: bounds.length }),
      ),
    )
    .map(
      ([bounds, weights]): DecaySpec => ({
        kind: 'steps',
        steps: bounds.map((upTo, k) => ({ upTo, weight: weights[k] as number })),
      }),
    ),
);
const anyDecay: fc.Arbitrary<Decay> = fc.oneof(
  decaySpec,
  fc.record({
    kind: fc.constant('gravity' as const),
    scale: positive,
    alpha: fc.double({ min: -3, max: 3, noNaN: true }),
    minCost: fc.constant(1),
  }),
);

describe('decayWeight', () => {
  it('is 0 beyond the cutoff and the kernel inside it, for every kind', () => {
    fc.assert(
      fc.property(
        anyDecay,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        (decay, cost, cutoff) => {
          const w = decayWeight(decay, cost, cutoff);
          expect(w).toBe(cost > cutoff ? 0 : decayKernel(decay, cost, cutoff));
        },
      ),
    );
  });

  it('gives 1 at cost 0 for the CLI kinds except steps, and never increases with cost', () => {
    fc.assert(
      fc.property(
        decaySpec,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (decay, a, b) => {
          const cutoff = 5000;
          if (decay.kind !== 'steps') expect(decayWeight(decay, 0, cutoff)).toBe(1);
          const [near, far] = a <= b ? [a, b] : [b, a];
          if (
            decay.kind !== 'steps' ||
            decay.steps.every((s, k, all) => k === 0 || s.weight <= (all[k - 1]?.weight ?? 1))
          )
            expect(decayWeight(decay, far, cutoff)).toBeLessThanOrEqual(decayWeight(decay, near, cutoff));
        },
      ),
    );
  });

  it('decayWeights over an array equals decayWeight per element, truncated or not', () => {
    fc.assert(
      fc.property(
        anyDecay,
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { maxLength: 30 }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        (decay, costs, cutoff) => {
          const array = Float64Array.from(costs);
          expect(Array.from(decayWeights(decay, array, cutoff))).toEqual(
            costs.map((d) => decayWeight(decay, d, cutoff)),
          );
          expect(Array.from(decayWeights(decay, array, cutoff, false))).toEqual(
            costs.map((d) => decayKernel(decay, d, cutoff)),
          );
        },
      ),
    );
  });

  it('linear falls from 1 to 0 at the cutoff and is 1 without one', () => {
    expect(decayWeight({ kind: 'linear' }, 250, 1000)).toBe(0.75);
    expect(decayWeight({ kind: 'linear' }, 1000, 1000)).toBe(0);
    expect(decayWeight({ kind: 'linear' }, 1000, Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('steps take the smallest step at or above the cost, whatever order they are given in', () => {
    const decay: Decay = {
      kind: 'steps',
      steps: [
        { upTo: 600, weight: 0.5 },
        { upTo: 300, weight: 1 },
      ],
    };
    expect([0, 300, 301, 600, 601].map((d) => decayWeight(decay, d, 1000))).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(Array.from(decayWeights(decay, Float64Array.from([0, 300, 301, 600, 601]), 1000))).toEqual([
      1, 1, 0.5, 0.5, 0,
    ]);
  });
});

describe('parseDecay', () => {
  it('reads every CLI form', () => {
    expect(parseDecay('binary')).toEqual({ ok: true, decay: { kind: 'binary' } });
    expect(parseDecay(' Linear ')).toEqual({ ok: true, decay: { kind: 'linear' } });
    expect(parseDecay('exponential:0.002')).toEqual({ ok: true, decay: { kind: 'exponential', beta: 0.002 } });
    expect(parseDecay('power:1.5')).toEqual({ ok: true, decay: { kind: 'power', beta: 1.5 } });
    expect(parseDecay('gaussian:400')).toEqual({ ok: true, decay: { kind: 'gaussian', sigma: 400 } });
    expect(parseDecay('steps:300=1, 600=0.68,900=0.22')).toEqual({
      ok: true,
      decay: {
        kind: 'steps',
        steps: [
          { upTo: 300, weight: 1 },
          { upTo: 600, weight: 0.68 },
          { upTo: 900, weight: 0.22 },
        ],
      },
    });
  });

  it.each([
    ['', 'unknown decay'],
    ['cosine', 'unknown decay'],
    ['binary:3', 'takes no parameter'],
    ['exponential', 'needs a parameter'],
    ['exponential:', 'is not a number'],
    ['exponential:abc', 'is not a number'],
    ['power:-1', 'beta must be a number ≥ 0'],
    ['gaussian:0', 'sigma must be a number > 0'],
    ['steps:', 'need distance=weight pairs'],
    ['steps:300', 'is not <distance>=<weight>'],
    ['steps:300=1=2', 'is not <distance>=<weight>'],
    ['steps:600=1,300=0.5', 'distances must increase'],
    ['steps:300=-1', 'weight must be a number ≥ 0'],
  ])('rejects "%s" (%s)', (text, message) => {
    const parsed = parseDecay(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it('reads back what formatDecay writes', () => {
    fc.assert(
      fc.property(decaySpec, (decay) => {
        expect(parseDecay(formatDecay(decay))).toEqual({ ok: true, decay });
      }),
    );
  });
});

describe('decayProblem', () => {
  it('accepts valid specs and names the parameter of invalid ones', () => {
    expect(decayProblem({ kind: 'gaussian', sigma: 100 })).toBeUndefined();
    expect(decayProblem({ kind: 'exponential', beta: Number.NaN })).toContain('beta');
    expect(decayProblem({ kind: 'steps', steps: [] })).toContain('at least one');
    expect(decayProblem({ kind: 'gravity', scale: 0, alpha: -1 })).toContain('scale');
  });
});
