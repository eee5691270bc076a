import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixFromPairs } from '../cost-matrix.ts';
import { type Instance, instance, matrixOf, reaches } from './test-matrices.ts';
import { defaultE2sfcaSteps, enhancedTwoStepFca, generalizedTwoStepFca, twoStepFca } from './two-step.ts';

/** The instance with one more supply point: `column[i]` is its cost from demand point i. */
function withSupply(inst: Instance, column: Array<number | undefined>, capacity: number): Instance {
  const costs = inst.costs.map((row, i) => [...row, column[i]]);
  const supply = Float64Array.from([...inst.supply, capacity]);
  return { ...inst, costs, supply, matrix: matrixOf(costs, supply.length) };
}

const extraSupply = (n: number) =>
  fc.record({
    column: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), { minLength: n, maxLength: n }),
    capacity: fc.integer({ min: 0, max: 50 }),
  });

/** NaN (unreachable) ranks below every number. */
const atLeast = (after: number, before: number) => Number.isNaN(before) || after >= before;

describe('twoStepFca', () => {
  it('conserves supply: Σ people · A = Σ capacity of the services some people reach (binary decay)', () => {
    fc.assert(
      fc.property(instance(), ({ matrix, demand, supply, cutoff, costs }) => {
        const { values } = twoStepFca(matrix, demand, supply, { cutoff });
        let delivered = 0;
        values.forEach((a, i) => {
          if (!Number.isNaN(a)) delivered += (demand[i] as number) * a;
        });
        let reachable = 0;
        supply.forEach((s, j) => {
          if (costs.some((row, i) => (demand[i] as number) > 0 && row[j] !== undefined && (row[j] as number) <= cutoff))
            reachable += s;
        });
        expect(delivered).toBeCloseTo(reachable, 6);
      }),
    );
  });

  it('is NaN exactly where no supply point is within the cutoff', () => {
    fc.assert(
      fc.property(instance(), ({ matrix, demand, supply, cutoff, costs }) => {
        const { values } = twoStepFca(matrix, demand, supply, { cutoff });
        values.forEach((a, i) => {
          expect(Number.isNaN(a)).toBe(!reaches(costs, i, cutoff));
        });
        const e2 = enhancedTwoStepFca(matrix, demand, supply, { cutoff }).values;
        const g2 = generalizedTwoStepFca(matrix, demand, supply, { cutoff }).values;
        e2.forEach((a, i) => {
          expect(Number.isNaN(a)).toBe(!reaches(costs, i, cutoff));
        });
        g2.forEach((a, i) => {
          expect(Number.isNaN(a)).toBe(!reaches(costs, i, cutoff));
        });
      }),
    );
  });

  it('never lowers anyone’s value when a supply point is added', () => {
    fc.assert(
      fc.property(
        instance().chain((inst) => fc.tuple(fc.constant(inst), extraSupply(inst.demand.length))),
        ([inst, { column, capacity }]) => {
          const before = twoStepFca(inst.matrix, inst.demand, inst.supply, { cutoff: inst.cutoff }).values;
          const more = withSupply(inst, column, capacity);
          const after = twoStepFca(more.matrix, more.demand, more.supply, { cutoff: more.cutoff }).values;
          after.forEach((a, i) => {
            expect(atLeast(a, before[i] as number), `${a} < ${before[i]}`).toBe(true);
          });
        },
      ),
    );
  });

  it('follows the demand points when they are reordered', () => {
    fc.assert(
      fc.property(
        instance().chain((inst) =>
          fc.tuple(fc.constant(inst), fc.shuffledSubarray([...inst.demand.keys()], { minLength: inst.demand.length })),
        ),
        ([{ costs, demand, supply, cutoff, matrix }, order]) => {
          const before = twoStepFca(matrix, demand, supply, { cutoff }).values;
          const shuffled = matrixOf(
            order.map((i) => costs[i] ?? []),
            supply.length,
          );
          const after = twoStepFca(
            shuffled,
            Float64Array.from(order, (i) => demand[i] as number),
            supply,
            { cutoff },
          ).values;
          order.forEach((i, k) => {
            const b = before[i] as number;
            if (Number.isNaN(b)) expect(after[k]).toBeNaN();
            else expect(after[k]).toBeCloseTo(b, 9);
          });
        },
      ),
    );
  });

  it('gives identical demand points identical values', () => {
    const matrix = matrixOf(
      [
        [100, 300],
        [200, undefined],
        [100, 300],
      ],
      2,
    );
    const { values } = twoStepFca(matrix, Float64Array.from([40, 10, 40]), Float64Array.from([5, 2]), { cutoff: 250 });
    expect(values[0]).toBe(values[2]);
  });

  it('gives 0 for a reachable service without capacity, NaN for none within the cutoff', () => {
    const matrix = matrixOf([[100], [900]], 1);
    const result = twoStepFca(matrix, Float64Array.from([10, 10]), Float64Array.from([0]), { cutoff: 500 });
    expect(Array.from(result.values)).toEqual([0, Number.NaN]);
    expect(Array.from(result.supplyRatio)).toEqual([0]);
    expect(Array.from(result.demandPotential)).toEqual([10]);
  });

  it('leaves a service nobody with people reaches out (ratio NaN), as pysal and ipea do', () => {
    const matrix = matrixOf([[100, 100]], 2);
    const result = twoStepFca(matrix, Float64Array.from([0]), Float64Array.from([3, 4]), { cutoff: 500 });
    expect(Array.from(result.supplyRatio)).toEqual([Number.NaN, Number.NaN]);
    expect(Array.from(result.values)).toEqual([0]);
  });

  it('reports progress at most ~200 times and ends with done = total', () => {
    const n = 10_000;
    const matrix = matrixFromPairs(
      n,
      1,
      Array.from({ length: n }, (_, i) => i),
      new Array(n).fill(0),
      new Array(n).fill(1),
      10,
    );
    const calls: Array<[number, number]> = [];
    twoStepFca(matrix, new Float64Array(n).fill(1), Float64Array.from([1]), { cutoff: 10 }, (done, total) =>
      calls.push([done, total]),
    );
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.length).toBeLessThanOrEqual(201);
    expect(calls.at(-1)).toEqual([2 * n, 2 * n]);
    expect(calls.every(([done], k) => k === 0 || done > (calls[k - 1]?.[0] ?? 0))).toBe(true);
  });
});

describe('E2SFCA and G2SFCA defaults', () => {
  it('zones at a third, two thirds and all of the cutoff with weights 1, 0.68, 0.22', () => {
    expect(defaultE2sfcaSteps(1500)).toEqual({
      kind: 'steps',
      steps: [
        { upTo: 500, weight: 1 },
        { upTo: 1000, weight: 0.68 },
        { upTo: 1500, weight: 0.22 },
      ],
    });
    expect(defaultE2sfcaSteps(0)).toEqual({ kind: 'steps', steps: [{ upTo: 0, weight: 1 }] });
  });

  it('weighs a nearer demand point more, so it gets more of the shared service', () => {
    const matrix = matrixOf([[200], [1200]], 1);
    const demand = Float64Array.from([100, 100]);
    const supply = Float64Array.from([10]);
    const e2 = enhancedTwoStepFca(matrix, demand, supply, { cutoff: 1500 });
    // D = 100·1 + 100·0.22; A = R·w.
    expect(e2.values[0]).toBeCloseTo((10 / 122) * 1, 12);
    expect(e2.values[1]).toBeCloseTo((10 / 122) * 0.22, 12);
    const g2 = generalizedTwoStepFca(matrix, demand, supply, { cutoff: 1500 });
    const w = (d: number) => Math.exp(-(d * d) / (2 * 750 * 750));
    expect(g2.values[0]).toBeCloseTo((10 / (100 * w(200) + 100 * w(1200))) * w(200), 12);
  });

  it('need a decay when there is no cutoff to scale the defaults with', () => {
    const matrix = matrixOf([[1]], 1);
    const one = Float64Array.from([1]);
    expect(() => enhancedTwoStepFca(matrix, one, one, { cutoff: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => generalizedTwoStepFca(matrix, one, one, { cutoff: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});
