import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instance, matrixOf, reaches } from './test-matrices.ts';
import { defaultThreeStepSteps, threeStepFca } from './three-step.ts';
import { twoStepFca } from './two-step.ts';

describe('threeStepFca', () => {
  it('is NaN exactly where no supply point is within the cutoff, for both selections', () => {
    fc.assert(
      fc.property(instance(), fc.constantFrom('decay' as const, 'huff' as const), (inst, selection) => {
        const { matrix, demand, supply, cutoff, costs } = inst;
        const { values } = threeStepFca(matrix, demand, supply, { cutoff, selection });
        values.forEach((a, i) => {
          expect(Number.isNaN(a)).toBe(!reaches(costs, i, cutoff));
        });
      }),
    );
  });

  it('equals 2SFCA when every demand point reaches exactly one service (all selection weights are 1)', () => {
    const matrix = matrixOf(
      [
        [100, undefined],
        [undefined, 300],
        [200, undefined],
      ],
      2,
    );
    const demand = Float64Array.from([10, 20, 30]);
    const supply = Float64Array.from([4, 5]);
    const decay = { kind: 'binary' } as const;
    const three = threeStepFca(matrix, demand, supply, { cutoff: 500, decay });
    const two = twoStepFca(matrix, demand, supply, { cutoff: 500, decay });
    expect(Array.from(three.values)).toEqual(Array.from(two.values));
  });

  it('splits the pressure of a demand point with two equal services in half', () => {
    const matrix = matrixOf([[100, 100]], 2);
    const result = threeStepFca(matrix, Float64Array.from([100]), Float64Array.from([10, 10]), {
      cutoff: 500,
      decay: { kind: 'binary' },
    });
    expect(Array.from(result.demandPotential)).toEqual([50, 50]);
    // A = Σ R_j · w · G = 2 · (10/50) · 0.5
    expect(result.values[0]).toBeCloseTo(0.2, 12);
  });

  it('default weights sit at a sixth, a third, half and all of the cutoff', () => {
    expect(defaultThreeStepSteps(1200)).toEqual({
      kind: 'steps',
      steps: [
        { upTo: 200, weight: 0.962 },
        { upTo: 400, weight: 0.704 },
        { upTo: 600, weight: 0.377 },
        { upTo: 1200, weight: 0.042 },
      ],
    });
  });
});
