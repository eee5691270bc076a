import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_WEIGHTS, normaliseWeights, priorityScore } from './priority.ts';

describe('priority weights', () => {
  it('echoes the weights given and applies them divided by their sum', () => {
    const echo = normaliseWeights({ deficit: 2, needs: 1, access: 1 });
    expect(echo).toEqual({
      given: { deficit: 2, needs: 1, access: 1 },
      applied: { deficit: 0.5, needs: 0.25, access: 0.25 },
    });
    if (!echo) throw new Error('weights');
    expect(priorityScore(echo.applied, 1, 0, 0)).toBe(0.5);
    expect(priorityScore(echo.applied, 0.5, 1, 0.2)).toBeCloseTo(0.25 + 0.25 + 0.05);
  });

  it('defaults to deficit 0.5, needs 0.3, access 0.2', () => {
    expect(normaliseWeights(DEFAULT_PRIORITY_WEIGHTS)?.applied).toEqual({ deficit: 0.5, needs: 0.3, access: 0.2 });
  });

  it('rejects negative weights and all zeros', () => {
    expect(normaliseWeights({ deficit: -1, needs: 1, access: 1 })).toBeNull();
    expect(normaliseWeights({ deficit: 0, needs: 0, access: 0 })).toBeNull();
    expect(normaliseWeights({ deficit: Number.NaN, needs: 1, access: 0 })).toBeNull();
  });
});
