import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcaRatio } from './fca-ratio.ts';
import { instance, matrixOf, reaches } from './test-matrices.ts';

describe('fcaRatio', () => {
  it('divides the capacity within the catchment by the people within it', () => {
    fc.assert(
      fc.property(instance({ positiveDemand: true }), ({ matrix, demand, supply, cutoff, costs }) => {
        // Demand points on a line, 10 apart: the demand → demand costs.
        const n = demand.length;
        const neighborCosts = Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, l) => 10 * Math.abs(i - l)),
        );
        const values = fcaRatio(matrix, demand, supply, { cutoff, neighbors: matrixOf(neighborCosts, n) });
        values.forEach((v, i) => {
          if (!reaches(costs, i, cutoff)) {
            expect(v).toBeNaN();
            return;
          }
          const capacity = (costs[i] ?? []).reduce<number>(
            (s, c, j) => (c !== undefined && c <= cutoff ? s + (supply[j] as number) : s),
            0,
          );
          const people = (neighborCosts[i] ?? []).reduce((s, c, l) => (c <= cutoff ? s + (demand[l] as number) : s), 0);
          expect(v).toBeCloseTo(capacity / people, 12);
        });
      }),
    );
  });

  it('rejects a neighbour matrix of the wrong shape', () => {
    const matrix = matrixOf([[1], [2]], 1);
    const two = Float64Array.from([1, 1]);
    expect(() => fcaRatio(matrix, two, Float64Array.from([1]), { cutoff: 5, neighbors: matrix })).toThrow(/2 × 2/);
  });
});
