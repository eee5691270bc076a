import { describe, expect, it } from 'vitest';
import { matrixFromPairs } from '../cost-matrix.ts';
import { METHODS } from '../types.ts';
import { computeMeasure } from './index.ts';
import { matrixOf } from './test-matrices.ts';

const matrix = matrixOf(
  [
    [100, 400],
    [300, undefined],
    [900, undefined],
  ],
  2,
);
const demand = Float64Array.from([50, 30, 20]);
const supply = Float64Array.from([4, 0]);

describe('computeMeasure', () => {
  it.each(METHODS)('%s: unreachable (nothing within 500) is NaN, the rest are numbers', (method) => {
    const neighbors = matrixOf(
      [
        [0, 200, 800],
        [200, 0, 600],
        [800, 600, 0],
      ],
      3,
    );
    const { values } = computeMeasure(method, matrix, demand, supply, { cutoff: 500, neighbors });
    expect(values.length).toBe(3);
    expect(Number.isNaN(values[2])).toBe(true);
    expect(Number.isNaN(values[0]) || Number.isNaN(values[1])).toBe(false);
  });

  it('returns the supply ratios, demand potentials, coverage share and unserved where they apply', () => {
    const fca = computeMeasure('2sfca', matrix, demand, supply, { cutoff: 500 });
    expect(Array.from(fca.supplyRatio ?? [])).toEqual([4 / 80, 0]);
    expect(Array.from(fca.demandPotential ?? [])).toEqual([80, 50]);
    const covered = computeMeasure('coverage', matrix, demand, supply, { cutoff: 500 });
    expect(covered.share).toBe(0.8);
    expect(Array.from(covered.unserved ?? [])).toEqual([2]);
    expect(computeMeasure('nearest', matrix, demand, supply, { cutoff: 500, n: 2 }).values[0]).toBe(400);
  });

  it('normalises by the population-weighted mean on request and reports it', () => {
    const result = computeMeasure('cumulative', matrix, demand, supply, { cutoff: 500, normalize: true });
    expect(result.mean).toBe((50 * 4 + 30 * 4) / 100);
    expect(result.values[0]).toBeCloseTo(4 / 3.2, 12);
  });

  it('refuses inputs that do not fit together', () => {
    const bounded = matrixFromPairs(1, 1, [0], [0], [100], 200);
    const one = Float64Array.from([1]);
    expect(() => computeMeasure('2sfca', bounded, one, one, { cutoff: 300 })).toThrow(/exceeds the bound/);
    expect(() => computeMeasure('2sfca', bounded, demand, one, { cutoff: 100 })).toThrow(/3 demand weights for 1/);
    expect(() => computeMeasure('2sfca', bounded, one, one, { cutoff: -1 })).toThrow(/cutoff must be ≥ 0/);
    expect(() => computeMeasure('fca', bounded, one, one, { cutoff: 100 })).toThrow(/neighbors/);
    expect(() =>
      computeMeasure('gravity', bounded, one, one, { cutoff: 100, decay: { kind: 'gaussian', sigma: 0 } }),
    ).toThrow(/sigma/);
  });
});
