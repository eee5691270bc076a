/**
 * tetraptych/aceso reference values (tests/test_gravity.py): three demand points, two supply
 * points, demand and supply 1 each. aceso reports 0 for the demand point with nothing within the
 * radius; we report NaN (unreachable), as pysal does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type CostMatrix, threeStepFca, twoStepFca } from '../../src/index.ts';
import { expectRelative, fixturesMissing, tableMatrix } from './fixtures.ts';

describe.skipIf(fixturesMissing('aceso'))('aceso 3 × 2 distance matrix', () => {
  // Vitest runs the body of a skipped suite too: the file is read in beforeAll, which it does not.
  let matrix: CostMatrix;
  beforeAll(() => {
    matrix = tableMatrix(
      'aceso_3x2_cost.csv',
      { origin: 'origin', dest: 'dest', cost: 'cost' },
      ['d0', 'd1', 'd2'],
      ['s0', 's1'],
    );
  });
  const demand = Float64Array.from([1, 1, 1]);
  const supply = Float64Array.from([1, 1]);

  it('2SFCA with radius 6: [1.5, 0.5, unreachable] and demand potentials [1, 2]', () => {
    const result = twoStepFca(matrix, demand, supply, { cutoff: 6 });
    expectRelative(result.values, [1.5, 0.5, Number.NaN]);
    expectRelative(result.demandPotential, [1, 2]);
  });

  it('3SFCA with Huff 1/d selection (1/0 taken as 1e8): [4/3, 2/3, unreachable], potentials [0.5, 1.5]', () => {
    const result = threeStepFca(matrix, demand, supply, { cutoff: 6, decay: { kind: 'binary' }, selection: 'huff' });
    expectRelative(result.values, [4 / 3, 2 / 3, Number.NaN]);
    expectRelative(result.demandPotential, [0.5, 1.5]);
  });

  it("pysal's three_stage_fca with step_fn({6: 1}) gives the same", () => {
    const result = threeStepFca(matrix, demand, supply, {
      cutoff: 6,
      decay: { kind: 'steps', steps: [{ upTo: 6, weight: 1 }] },
    });
    expectRelative(result.values, [4 / 3, 2 / 3, Number.NaN]);
  });

  it('without a cutoff d2 reaches both services, which its selection weights (all 0) leave at 0', () => {
    const result = threeStepFca(matrix, demand, supply, {
      cutoff: Number.POSITIVE_INFINITY,
      decay: { kind: 'steps', steps: [{ upTo: 6, weight: 1 }] },
    });
    expect(result.values[2]).toBe(0);
  });
});
