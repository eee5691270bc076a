import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedFca } from './balanced.ts';
import { instance, matrixOf, reaches } from './test-matrices.ts';

describe('balancedFca', () => {
  it('counts every person once (Σ D_j = Σ people who reach something) and spreads every R_j once (Σ A_i = Σ R_j)', () => {
    fc.assert(
      fc.property(instance(), ({ matrix, demand, supply, cutoff, costs }) => {
        const { values, supplyRatio, demandPotential } = balancedFca(matrix, demand, supply, { cutoff });
        const reachingPeople = Array.from(demand).reduce((sum, p, i) => sum + (reaches(costs, i, cutoff) ? p : 0), 0);
        expect(demandPotential.reduce((a, b) => a + b, 0)).toBeCloseTo(reachingPeople, 6);
        const ratios = Array.from(supplyRatio).reduce((sum, r) => sum + (Number.isNaN(r) ? 0 : r), 0);
        const access = Array.from(values).reduce((sum, a) => sum + (Number.isNaN(a) ? 0 : a), 0);
        expect(access).toBeCloseTo(ratios, 6);
      }),
    );
  });

  it('is NaN exactly where no supply point is within the cutoff', () => {
    fc.assert(
      fc.property(instance(), ({ matrix, demand, supply, cutoff, costs }) => {
        const { values } = balancedFca(matrix, demand, supply, { cutoff });
        values.forEach((a, i) => {
          expect(Number.isNaN(a)).toBe(!reaches(costs, i, cutoff));
        });
      }),
    );
  });

  it('splits a demand point between the two services it reaches instead of counting it at both', () => {
    // One demand point of 100 people, two services of 10 places each, both within reach.
    const matrix = matrixOf([[100, 200]], 2);
    const result = balancedFca(matrix, Float64Array.from([100]), Float64Array.from([10, 10]), { cutoff: 500 });
    expect(Array.from(result.demandPotential)).toEqual([50, 50]);
    expect(result.values[0]).toBeCloseTo(0.4, 12);
  });
});
