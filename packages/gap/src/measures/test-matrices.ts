/** Test helpers: small random demand/supply instances for the property tests of the measures. */
import fc from 'fast-check';
import { matrixFromPairs } from '../cost-matrix.ts';
import type { CostMatrix } from '../types.ts';

export interface Instance {
  matrix: CostMatrix;
  demand: Float64Array;
  supply: Float64Array;
  cutoff: number;
  /** costs[i][j], undefined where the matrix has no pair. */
  costs: Array<Array<number | undefined>>;
}

const cost = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));

/** Demand points 1–10, supply points 1–6, sparse costs 0–100, cutoff 0–100, people 0–1,000, capacity 0–50. */
export const instance = (options: { positiveDemand?: boolean } = {}): fc.Arbitrary<Instance> =>
  fc
    .record({ n: fc.integer({ min: 1, max: 10 }), m: fc.integer({ min: 1, max: 6 }) })
    .chain(({ n, m }) =>
      fc.record({
        costs: fc.array(fc.array(fc.option(cost, { freq: 3, nil: undefined }), { minLength: m, maxLength: m }), {
          minLength: n,
          maxLength: n,
        }),
        demand: fc.array(
          options.positiveDemand
            ? fc.integer({ min: 1, max: 1000 })
            : fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })),
          { minLength: n, maxLength: n },
        ),
        supply: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })), { minLength: m, maxLength: m }),
        cutoff: fc.integer({ min: 0, max: 100 }),
      }),
    )
    .map(({ costs, demand, supply, cutoff }) => ({
      matrix: matrixOf(costs, supply.length),
      demand: Float64Array.from(demand),
      supply: Float64Array.from(supply),
      cutoff,
      costs,
    }));

/** A matrix holding every defined cost (no bound), rows in supply order — i.e. not sorted by cost. */
export function matrixOf(costs: ReadonlyArray<ReadonlyArray<number | undefined>>, supplyCount: number): CostMatrix {
  const d: number[] = [];
  const s: number[] = [];
  const c: number[] = [];
  for (const [i, row] of costs.entries())
    for (const [j, value] of row.entries()) {
      if (value === undefined) continue;
      d.push(i);
      s.push(j);
      c.push(value);
    }
  return matrixFromPairs(costs.length, supplyCount, d, s, c, Number.POSITIVE_INFINITY);
}

/** Whether demand point i has any supply point within the cutoff. */
export function reaches(costs: ReadonlyArray<ReadonlyArray<number | undefined>>, i: number, cutoff: number): boolean {
  return (costs[i] ?? []).some((c) => c !== undefined && c <= cutoff);
}
