/**
 * Decay functions against the reference libraries' own examples: pysal `access/weights.py`
 * docstrings and ipea `tests/testthat/test-decay_*.R`. No fixture files needed.
 */
import { describe, expect, it } from 'vitest';
import { type Decay, decayWeight } from '../../src/index.ts';
import { expectRelative } from './fixtures.ts';

const NONE = Number.POSITIVE_INFINITY;
const at = (decay: Decay, costs: number[], cutoff = NONE) => costs.map((d) => decayWeight(decay, d, cutoff));

describe('pysal weights', () => {
  it('step_fn({20: 1, 40: 0.68, 60: 0.22}) at 0…70, inclusive at each step', () => {
    const decay: Decay = {
      kind: 'steps',
      steps: [
        { upTo: 20, weight: 1 },
        { upTo: 40, weight: 0.68 },
        { upTo: 60, weight: 0.22 },
      ],
    };
    expect(at(decay, [0, 10, 20, 30, 40, 50, 60, 70])).toEqual([1, 1, 1, 0.68, 0.68, 0.22, 0.22, 0]);
  });

  it('gaussian(sigma = 20) at 0, 20, 40, 60 (no normalising factor: f(0) = 1)', () => {
    expectRelative(
      at({ kind: 'gaussian', sigma: 20 }, [0, 20, 40, 60]),
      [1, 0.6065306597126334, 0.1353352832366127, 0.011108996538242306],
    );
  });

  it('gravity(scale = 20, alpha = -2, min_dist = 1) at 0, 1, 2, 20, 40, 60', () => {
    const values = at({ kind: 'gravity', scale: 20, alpha: -2, minCost: 1 }, [0, 1, 2, 20, 40, 60]);
    expect(values.map((v) => Math.round(v * 100) / 100)).toEqual([400, 400, 100, 1, 0.25, 0.11]);
  });
});

describe('ipea decay functions', () => {
  it('decay_linear(30): 10 → 0.6667, 60 → 0', () => {
    expect(decayWeight({ kind: 'linear' }, 10, 30)).toBeCloseTo(0.6667, 4);
    expect(decayWeight({ kind: 'linear' }, 60, 30)).toBe(0);
  });

  it('decay_exponential(0.1) and (0.05)', () => {
    expectRelative(at({ kind: 'exponential', beta: 0.1 }, [0, 10, 20, 60]), [
      1,
      1 / Math.E,
      Math.E ** -2,
      Math.E ** -6,
    ]);
    expectRelative(at({ kind: 'exponential', beta: 0.05 }, [0, 20, 40, 120]), [
      1,
      1 / Math.E,
      Math.E ** -2,
      Math.E ** -6,
    ]);
  });

  it('decay_power(0.5) and (0.25): capped at 1 below cost 1', () => {
    expect(at({ kind: 'power', beta: 0.5 }, [0, 0.5, 1, 16, 64])).toEqual([1, 1, 1, 0.25, 0.125]);
    expect(at({ kind: 'power', beta: 0.25 }, [0, 0.5, 1, 16, 256])).toEqual([1, 1, 1, 0.5, 0.25]);
  });

  it('decay_binary: 1 up to and including the cutoff', () => {
    expect(at({ kind: 'binary' }, [0, 30, 30.0001], 30)).toEqual([1, 1, 0]);
  });
});
