import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeOpportunities, gravity } from './gravity.ts';
import { instance, matrixOf, reaches } from './test-matrices.ts';

describe('cumulativeOpportunities and gravity', () => {
  it('cumulative sums the capacity within the cutoff, NaN when nothing is within it', () => {
    fc.assert(
      fc.property(instance(), ({ matrix, demand, supply, cutoff, costs }) => {
        const values = cumulativeOpportunities(matrix, demand, supply, { cutoff });
        values.forEach((a, i) => {
          if (!reaches(costs, i, cutoff)) expect(a).toBeNaN();
          else
            expect(a).toBe(
              (costs[i] ?? []).reduce<number>(
                (sum, c, j) => (c !== undefined && c <= cutoff ? sum + (supply[j] as number) : sum),
                0,
              ),
            );
        });
      }),
    );
  });

  it('never lowers a value when a supply point is added', () => {
    fc.assert(
      fc.property(
        instance().chain((inst) =>
          fc.tuple(
            fc.constant(inst),
            fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), {
              minLength: inst.demand.length,
              maxLength: inst.demand.length,
            }),
            fc.integer({ min: 0, max: 50 }),
          ),
        ),
        ([inst, column, capacity]) => {
          const costs = inst.costs.map((row, i) => [...row, column[i]]);
          const supply = Float64Array.from([...inst.supply, capacity]);
          const more = matrixOf(costs, supply.length);
          const cutoff = inst.cutoff;
          const options = { cutoff, decay: { kind: 'exponential', beta: 0.01 } as const };
          for (const [before, after] of [
            [
              cumulativeOpportunities(inst.matrix, inst.demand, inst.supply, { cutoff }),
              cumulativeOpportunities(more, inst.demand, supply, { cutoff }),
            ],
            [gravity(inst.matrix, inst.demand, inst.supply, options), gravity(more, inst.demand, supply, options)],
          ] as const)
            after.forEach((a, i) => {
              expect(Number.isNaN(before[i] as number) || a >= (before[i] as number)).toBe(true);
            });
        },
      ),
    );
  });

  it('gravity weighs capacity by the decay; the default is a Gaussian with σ = cutoff / 2', () => {
    const matrix = matrixOf([[0, 500, 1500]], 3);
    const supply = Float64Array.from([2, 3, 4]);
    const values = gravity(matrix, undefined, supply, { cutoff: 1000 });
    expect(values[0]).toBeCloseTo(2 + 3 * Math.exp(-(500 * 500) / (2 * 500 * 500)), 12);
  });
});
