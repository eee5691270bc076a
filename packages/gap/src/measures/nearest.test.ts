import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestDistance } from './nearest.ts';
import { instance, matrixOf } from './test-matrices.ts';

describe('nearestDistance', () => {
  it('is the n-th smallest cost within the cutoff, NaN when fewer are within it (rows unsorted)', () => {
    fc.assert(
      fc.property(instance(), fc.integer({ min: 1, max: 4 }), ({ matrix, cutoff, costs }, n) => {
        const values = nearestDistance(matrix, { cutoff, n });
        values.forEach((v, i) => {
          const within = (costs[i] ?? [])
            .filter((c): c is number => c !== undefined && c <= cutoff)
            .sort((a, b) => a - b);
          if (within.length < n) expect(v).toBeNaN();
          else expect(v).toBe(within[n - 1]);
        });
      }),
    );
  });

  it('never gets longer when a supply point is added', () => {
    fc.assert(
      fc.property(
        instance().chain((inst) =>
          fc.tuple(
            fc.constant(inst),
            fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), {
              minLength: inst.demand.length,
              maxLength: inst.demand.length,
            }),
          ),
        ),
        ([inst, column]) => {
          const before = nearestDistance(inst.matrix, { cutoff: inst.cutoff });
          const more = matrixOf(
            inst.costs.map((row, i) => [...row, column[i]]),
            inst.supply.length + 1,
          );
          const after = nearestDistance(more, { cutoff: inst.cutoff });
          after.forEach((a, i) => {
            const b = before[i] as number;
            if (!Number.isNaN(b)) expect(a).toBeLessThanOrEqual(b);
          });
        },
      ),
    );
  });

  it('finds a service at the cutoff (inclusive) and rejects a rank that is not a whole number ≥ 1', () => {
    const matrix = matrixOf([[500, 300]], 2);
    expect(Array.from(nearestDistance(matrix, { cutoff: 300 }))).toEqual([300]);
    expect(Array.from(nearestDistance(matrix, { cutoff: 500, n: 2 }))).toEqual([500]);
    expect(() => nearestDistance(matrix, { cutoff: 500, n: 0 })).toThrow(RangeError);
    expect(() => nearestDistance(matrix, { cutoff: 500, n: 1.5 })).toThrow(RangeError);
  });
});
