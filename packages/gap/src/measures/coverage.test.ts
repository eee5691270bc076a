import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage } from './coverage.ts';
import { instance, matrixOf, reaches } from './test-matrices.ts';

describe('coverage', () => {
  it('covers a demand point iff a service with capacity is within the cutoff; share and unserved follow', () => {
    fc.assert(
      fc.property(instance(), ({ matrix, demand, supply, cutoff, costs }) => {
        const result = coverage(matrix, demand, supply, { cutoff });
        const covered = costs.map((row) =>
          row.some((c, j) => c !== undefined && c <= cutoff && (supply[j] as number) > 0),
        );
        result.values.forEach((v, i) => {
          if (!reaches(costs, i, cutoff)) expect(v).toBeNaN();
          else expect(v).toBe(covered[i] ? 1 : 0);
        });
        const total = demand.reduce((a, b) => a + b, 0);
        const served = Array.from(demand).reduce((sum, p, i) => sum + (covered[i] ? p : 0), 0);
        if (total === 0) expect(result.share).toBeNaN();
        else expect(result.share).toBeCloseTo(served / total, 12);
        expect(Array.from(result.unserved)).toEqual(
          [...demand.keys()].filter((i) => !covered[i] && (demand[i] as number) > 0),
        );
      }),
    );
  });

  it('never lowers a value or the share when a service is added', () => {
    fc.assert(
      fc.property(
        instance().chain((inst) =>
          fc.tuple(
            fc.constant(inst),
            fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), {
              minLength: inst.demand.length,
              maxLength: inst.demand.length,
            }),
            fc.integer({ min: 0, max: 5 }),
          ),
        ),
        ([inst, column, capacity]) => {
          const before = coverage(inst.matrix, inst.demand, inst.supply, { cutoff: inst.cutoff });
          const supply = Float64Array.from([...inst.supply, capacity]);
          const more = matrixOf(
            inst.costs.map((row, i) => [...row, column[i]]),
            supply.length,
          );
          const after = coverage(more, inst.demand, supply, { cutoff: inst.cutoff });
          after.values.forEach((a, i) => {
            const b = before.values[i] as number;
            expect(Number.isNaN(b) || a >= b).toBe(true);
          });
          if (!Number.isNaN(before.share)) expect(after.share).toBeGreaterThanOrEqual(before.share);
        },
      ),
    );
  });

  it('lists the people without a service in reach', () => {
    const matrix = matrixOf([[100], [900], [100], [900]], 1);
    const result = coverage(matrix, Float64Array.from([10, 30, 0, 0]), Float64Array.from([1]), { cutoff: 500 });
    expect(result.share).toBe(0.25);
    expect(Array.from(result.unserved)).toEqual([1]);
  });
});
