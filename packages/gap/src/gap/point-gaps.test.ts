import { describe, expect, it } from 'vitest';
import { matrixFromPairs } from '../cost-matrix.ts';
import { accessScoreBasis, effectiveDecay, perThousandBasis, pointGaps } from './point-gaps.ts';

// Three demand points: 0 and 1 reach service 0 (at 200 m and 900 m), 2 reaches nothing.
const matrix = matrixFromPairs(3, 1, [0, 1], [0, 0], [200, 900], 1000);
const population = Float64Array.from([100, 300, 50]);

describe('pointGaps', () => {
  it('turns a 2SFCA ratio into supply per 1,000 and the deficit against the target', () => {
    // 40 places shared by 400 people: A = 0.1 place per person = 100 per 1,000.
    const ratio = Float64Array.from([0.1, 0.1, Number.NaN]);
    const gaps = pointGaps({
      matrix,
      cutoff: 1000,
      population,
      access: ratio,
      ratio,
      target: 400,
      scoreBasis: 'shortfall-against-target',
    });
    expect(gaps.supplyPer1000[0]).toBeCloseTo(100);
    // 100 per 1,000 of a target of 400 serves a quarter: three quarters are in deficit.
    expect(gaps.deficit[0]).toBeCloseTo(75);
    expect(gaps.deficit[1]).toBeCloseTo(225);
    expect(gaps.accessScore[1]).toBeCloseTo(0.75);
  });

  it('keeps unreachable points NaN (not 0) and counts all their people as deficit', () => {
    const ratio = Float64Array.from([0.1, 0.1, Number.NaN]);
    const gaps = pointGaps({
      matrix,
      cutoff: 1000,
      population,
      access: ratio,
      ratio,
      target: 400,
      scoreBasis: 'shortfall-against-target',
    });
    expect(gaps.reachable[2]).toBe(0);
    expect(gaps.supplyPer1000[2]).toBeNaN();
    expect(gaps.nearestCost[2]).toBeNaN();
    expect(gaps.nearestSupply[2]).toBe(-1);
    expect(gaps.deficit[2]).toBe(50);
    expect(gaps.accessScore[2]).toBe(1);
  });

  it('has no deficit where supply meets or beats the target', () => {
    const ratio = Float64Array.from([0.9, 0.5, Number.NaN]);
    const gaps = pointGaps({
      matrix,
      cutoff: 1000,
      population,
      access: ratio,
      ratio,
      target: 500,
      scoreBasis: 'shortfall-against-target',
    });
    expect(gaps.deficit[0]).toBe(0);
    expect(gaps.deficit[1]).toBe(0);
  });

  it('applies a cutoff below the matrix bound: a pair beyond it does not count', () => {
    const ratio = Float64Array.from([0.1, 0.1, Number.NaN]);
    const gaps = pointGaps({
      matrix,
      cutoff: 500,
      population,
      access: ratio,
      ratio,
      target: 400,
      scoreBasis: 'shortfall-against-target',
    });
    expect(gaps.reachable[1]).toBe(0);
    expect(gaps.deficit[1]).toBe(300);
    expect(gaps.nearestCost[0]).toBe(200);
  });

  it('scores nearest distance against the cutoff and coverage as it is', () => {
    const ratio = Float64Array.from([0.1, 0.1, Number.NaN]);
    const distance = Float64Array.from([200, 900, Number.NaN]);
    const byDistance = pointGaps({
      matrix,
      cutoff: 1000,
      population,
      access: distance,
      ratio,
      target: 400,
      scoreBasis: 'distance-over-cutoff',
    });
    expect(Array.from(byDistance.accessScore)).toEqual([0.2, 0.9, 1]);
    const covered = Float64Array.from([1, 1, Number.NaN]);
    const byCoverage = pointGaps({
      matrix,
      cutoff: 1000,
      population,
      access: covered,
      ratio,
      target: 400,
      scoreBasis: 'not-covered',
    });
    expect(Array.from(byCoverage.accessScore)).toEqual([0, 0, 1]);
  });
});

describe('perThousandBasis', () => {
  it('uses the method itself for the FCA family and 2SFCA with the same decay otherwise', () => {
    expect(perThousandBasis('2sfca', undefined, 900)).toEqual({
      method: '2sfca',
      decay: { kind: 'binary' },
      same: true,
    });
    expect(perThousandBasis('e2sfca', undefined, 900).decay).toEqual({
      kind: 'steps',
      steps: [
        { upTo: 300, weight: 1 },
        { upTo: 600, weight: 0.68 },
        { upTo: 900, weight: 0.22 },
      ],
    });
    expect(perThousandBasis('gravity', undefined, 1000)).toEqual({
      method: 'g2sfca',
      decay: { kind: 'gaussian', sigma: 500 },
      same: false,
    });
    expect(perThousandBasis('cumulative', { kind: 'linear' }, 1000)).toEqual({
      method: '2sfca',
      decay: { kind: 'linear' },
      same: false,
    });
    expect(perThousandBasis('nearest', { kind: 'linear' }, 1000)).toEqual({
      method: '2sfca',
      decay: { kind: 'binary' },
      same: false,
    });
    expect(effectiveDecay('coverage', { kind: 'linear' }, 1000)).toBeNull();
    expect(accessScoreBasis('nearest')).toBe('distance-over-cutoff');
    expect(accessScoreBasis('3sfca')).toBe('shortfall-against-target');
  });
});
