import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeByPopulation } from './normalize.ts';

describe('normalizeByPopulation', () => {
  it('makes the population-weighted mean 1 when every point has a value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.01, max: 100, noNaN: true })), {
          minLength: 1,
        }),
        (points) => {
          const demand = Float64Array.from(points, ([p]) => p);
          const { values } = normalizeByPopulation(
            Float64Array.from(points, ([, a]) => a),
            demand,
          );
          const mean =
            values.reduce((sum, a, i) => sum + a * (demand[i] as number), 0) / demand.reduce((a, b) => a + b, 0);
          expect(mean).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it('counts unreachable people with 0 in the mean, as pysal does, and keeps them NaN', () => {
    const { values, mean } = normalizeByPopulation(Float64Array.from([2, Number.NaN]), Float64Array.from([100, 100]));
    expect(mean).toBe(1);
    expect(Array.from(values)).toEqual([2, Number.NaN]);
  });

  it('leaves all-zero values as they are', () => {
    const { values, mean } = normalizeByPopulation(Float64Array.from([0, 0]), Float64Array.from([5, 5]));
    expect(mean).toBe(0);
    expect(Array.from(values)).toEqual([0, 0]);
  });
});
