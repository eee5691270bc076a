import { describe, expect, it } from 'vitest';
import { appliedWeights, priorityOf, priorityParts } from './priority.ts';
import { sceneResult } from './test-result.ts';

describe('the priority index recomputed in the browser', () => {
  it('normalises the weights as the engine does and refuses all-zero weights', () => {
    expect(appliedWeights({ deficit: 1, needs: 1, access: 2 })).toEqual({ deficit: 0.25, needs: 0.25, access: 0.5 });
    expect(appliedWeights({ deficit: 0, needs: 0, access: 0 })).toBeNull();
    expect(appliedWeights({ deficit: -1, needs: 1, access: 1 })).toBeNull();
  });

  it('gives exactly the index a new run with the same weights would store', () => {
    const stored = sceneResult();
    const weights = { deficit: 0.1, needs: 0.7, access: 0.4 };
    const rerun = sceneResult({ weights });
    const applied = appliedWeights(weights);
    if (!applied) throw new Error('weights are valid');
    const rerunPriority = new Map(rerun.grid.features.map((cell) => [cell.properties.h3, cell.properties.priority]));
    expect(stored.grid.features.length).toBeGreaterThan(3);
    for (const cell of stored.grid.features) {
      // The stored cell was computed with other weights; its scores are all the browser needs.
      expect(priorityOf(cell.properties, applied)).toBeCloseTo(rerunPriority.get(cell.properties.h3) ?? Number.NaN, 12);
    }
    // And the stored index itself is the default weights' recomputation.
    const defaults = appliedWeights(stored.parameters.weights.given);
    for (const cell of stored.grid.features) {
      expect(priorityOf(cell.properties, defaults ?? stored.parameters.weights.applied)).toBeCloseTo(
        cell.properties.priority,
        12,
      );
    }
  });

  it('splits a cell’s index into weight × score parts that add up to it', () => {
    const cell = { deficitScore: 0.2, needScore: 1, accessScore: 0.5 };
    const applied = { deficit: 0.5, needs: 0.3, access: 0.2 };
    const parts = priorityParts(cell, applied);
    expect(parts.map((part) => part.part)).toEqual(['deficit', 'needs', 'access']);
    expect(parts.map((part) => part.contribution)).toEqual([0.1, 0.3, 0.1]);
    expect(parts.reduce((sum, part) => sum + part.contribution, 0)).toBeCloseTo(priorityOf(cell, applied), 12);
  });
});
