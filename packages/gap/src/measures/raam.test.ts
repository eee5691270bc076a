import { describe, expect, it } from 'vitest';
import { raam } from './raam.ts';
import { matrixOf } from './test-matrices.ts';

describe('raam', () => {
  it('with one service everyone pays travel/τ plus its crowding relative to the average', () => {
    const matrix = matrixOf([[30], [60]], 1);
    const values = raam(matrix, Float64Array.from([100, 300]), Float64Array.from([8]), { tau: 60 });
    // ρ = 400/8 = 50, so capacity ρ·S = 400 = all people: crowding 1.
    expect(values[0]).toBeCloseTo(0.5 + 1, 12);
    expect(values[1]).toBeCloseTo(1 + 1, 12);
  });

  it('moves people from a crowded service to an empty one a little further away', () => {
    const matrix = matrixOf([[10, 20]], 2);
    const stay = raam(matrix, Float64Array.from([1000]), Float64Array.from([1, 1]), { tau: 60, maxCycles: 1 });
    const settled = raam(matrix, Float64Array.from([1000]), Float64Array.from([1, 1]), { tau: 60 });
    expect(settled[0]).toBeLessThan(stay[0] as number);
  });

  it('is NaN for points without people or without a service with capacity in reach', () => {
    const matrix = matrixOf(
      [
        [10, undefined],
        [undefined, 10],
        [10, undefined],
      ],
      2,
    );
    const values = raam(matrix, Float64Array.from([0, 50, 50]), Float64Array.from([5, 0]), { cutoff: 100 });
    expect(Number.isNaN(values[0])).toBe(true);
    expect(Number.isNaN(values[1])).toBe(true);
    expect(Number.isNaN(values[2])).toBe(false);
  });
});
