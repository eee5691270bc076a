import { describe, expect, it } from 'vitest';
import { straightLineMatrix } from '../cost-matrix.ts';
import { METHODS, type PointLayer } from '../types.ts';
import { analyzeGaps, type GapAnalysisInput } from './analyze.ts';
import { emptyLayer, layerAt, squareAt } from './test-points.ts';
import { GapInputError, validateGapInput } from './validate.ts';

// One Kita with 60 places at the origin; target 600 places per 1,000 children, so 60 places serve
// 100 children. 1 km catchment, straight line without detour.
function scenario(children: Array<[number, number, number]>, extra: Partial<GapAnalysisInput> = {}): GapAnalysisInput {
  return {
    category: { id: 'kita', demandGroup: 'children_0_6', catchmentM: 1000 },
    method: '2sfca',
    cutoff: 1000,
    detour: 1,
    target: 600,
    weights: { deficit: 0.5, needs: 0.3, access: 0.2 },
    demand: layerAt('cell', children),
    supply: layerAt('kita', [[0, 0, 60]]),
    needs: emptyLayer(),
    sites: {
      ...layerAt('site', [
        [100, 0],
        [2900, 0],
      ]),
      kinds: ['vacancy', 'brownfield'],
    },
    quarters: [
      { id: 'west', name: 'West', geometry: squareAt(-500, -500, 1000, 500) },
      { id: 'east', name: 'East', geometry: squareAt(2000, -500, 4000, 500) },
    ],
    ...extra,
  };
}

describe('analyzeGaps on one service', () => {
  it('counts people outside the catchment as unreachable deficit and people inside as served', () => {
    const result = analyzeGaps(
      scenario([
        [300, 0, 50],
        [3000, 0, 50],
      ]),
    );
    expect(result.summary).toMatchObject({
      population: 100,
      unreachablePopulation: 50,
      coverageShare: 0.5,
      deficit: 50,
      servedShare: 0.5,
      supplyUnits: 60,
      requiredUnits: 60,
      regionalSupplyPer1000: 600,
    });
    // 60 places for the 50 children in reach: 1,200 per 1,000 in reach, 600 per 1,000 over everyone.
    expect(result.summary.supplyPer1000).toBeCloseTo(600);
    const [west, east] = result.quarters;
    expect(west).toMatchObject({
      id: 'west',
      population: 50,
      deficit: 0,
      coverageShare: 1,
      nearestDistanceM: expect.closeTo(300, 0),
    });
    expect(west?.supplyPer1000).toBeCloseTo(1200);
    expect(east).toMatchObject({
      id: 'east',
      population: 50,
      deficit: 50,
      coverageShare: 0,
      accessibility: null,
      supplyPer1000: null,
    });
  });

  it('finds the deficit where the places are shared by too many children', () => {
    const result = analyzeGaps(scenario([[300, 0, 200]]));
    // 60 places / 200 children = 300 per 1,000, half the target: 100 children not served.
    expect(result.summary.deficit).toBeCloseTo(100);
    expect(result.summary.servedShare).toBeCloseTo(0.5);
    expect(result.grid.features[0]?.properties.supplyPer1000).toBeCloseTo(300);
  });

  it('keeps unreachable as null in the JSON, distinct from 0', () => {
    const result = analyzeGaps(
      scenario([
        [300, 0, 50],
        [3000, 0, 50],
      ]),
    );
    const json = JSON.stringify(result);
    expect(json).not.toContain('NaN');
    const parsed = JSON.parse(json) as typeof result;
    const far = parsed.grid.features.find((f) => f.properties.unreachablePopulation === 50);
    expect(far?.properties).toMatchObject({
      accessibility: null,
      supplyPer1000: null,
      nearestDistanceM: null,
      deficit: 50,
    });
  });

  it('applies the priority weights given and echoes them', () => {
    const input = scenario(
      [
        [300, 0, 200],
        [3000, 0, 50],
      ],
      { weights: { deficit: 1, needs: 0, access: 1 } },
    );
    const result = analyzeGaps(input);
    expect(result.parameters.weights).toEqual({
      given: { deficit: 1, needs: 0, access: 1 },
      applied: { deficit: 0.5, needs: 0, access: 0.5 },
    });
    const [west, east] = result.quarters;
    // West: deficit 100 (the largest) and half short of the target; east: deficit 50, unreachable.
    expect(west).toMatchObject({ deficitScore: 1, accessScore: 0.5, needScore: 0 });
    expect(west?.priority).toBeCloseTo(0.75);
    expect(east).toMatchObject({ deficitScore: 0.5, accessScore: 1 });
    expect(east?.priority).toBeCloseTo(0.75);
    const byDeficit = analyzeGaps({ ...input, weights: { deficit: 1, needs: 0, access: 0 } });
    expect(byDeficit.quarters.map((q) => q.priority)).toEqual([1, 0.5]);
  });

  it('counts voiced needs per cell and per quarter, weighted by supporters', () => {
    const needs = layerAt('need', [
      [3000, 0, 4],
      [3010, 0, 1],
      [300, 0, 1],
    ]);
    const result = analyzeGaps(
      scenario(
        [
          [300, 0, 50],
          [3000, 0, 50],
        ],
        { needs },
      ),
    );
    const [west, east] = result.quarters;
    expect(east).toMatchObject({ needsCount: 2, needsWeighted: 5, needScore: 1 });
    // 5 weighted needs on 2 km².
    expect(east?.needDensity).toBeCloseTo(2.5, 3);
    expect(east?.needsPer1000).toBeCloseTo(100);
    expect(west).toMatchObject({ needsCount: 1, needsWeighted: 1 });
    expect(result.summary).toMatchObject({ needsCount: 3, needsWeighted: 6 });
  });

  it('ranks the candidate site next to the uncovered children first', () => {
    const result = analyzeGaps(
      scenario([
        [300, 0, 50],
        [3000, 0, 50],
      ]),
    );
    expect(result.potentials[0]).toMatchObject({
      id: 'site1',
      kind: 'brownfield',
      rank: 1,
      newPeople: 50,
      cumulativeCoveredShare: 1,
    });
    expect(result.potentials[1]).toMatchObject({ id: 'site0', rank: null, alonePeople: 0 });
    expect(result.summary.potentials).toMatchObject({
      picked: 1,
      initialCoveredShare: 0.5,
      finalCoveredShare: 1,
      newPeople: 50,
    });
  });

  it('reports the four stages in order', () => {
    const stages: string[] = [];
    analyzeGaps(scenario([[300, 0, 50]]), (stage, done, total) => {
      expect(done).toBeLessThanOrEqual(total);
      if (stages.at(-1) !== stage) stages.push(stage);
    });
    expect(stages).toEqual(['costs', 'measure', 'aggregate', 'potentials']);
  });

  it('uses a matrix given by the caller instead of straight lines', () => {
    const input = scenario([
      [300, 0, 50],
      [3000, 0, 50],
    ]);
    // A street network may make the far cell reachable after all: pretend 900 m.
    const matrix = straightLineMatrix(input.demand, input.supply, { maxCost: 5000 });
    matrix.cost[1] = 900;
    const result = analyzeGaps({ ...input, matrix });
    expect(result.parameters.costs).toBe('matrix');
    expect(result.summary.unreachablePopulation).toBe(0);
    // 60 places for 100 children: exactly the target, no deficit.
    expect(result.summary.deficit).toBeCloseTo(0);
  });

  it('derives supply per 1,000 from binary 2SFCA for nearest, and scores distance against the cutoff', () => {
    const result = analyzeGaps(
      scenario(
        [
          [300, 0, 50],
          [3000, 0, 50],
        ],
        { method: 'nearest' },
      ),
    );
    expect(result.parameters.perThousandBasis).toEqual({ method: '2sfca', decay: { kind: 'binary' } });
    expect(result.parameters.accessScoreBasis).toBe('distance-over-cutoff');
    const west = result.quarters[0];
    expect(west?.accessibility).toBeCloseTo(300, 0);
    expect(west?.accessScore).toBeCloseTo(0.3, 2);
    expect(west?.supplyPer1000).toBeCloseTo(1200);
  });

  it.each(METHODS)('runs %s and returns JSON without NaN', (method) => {
    const result = analyzeGaps(
      scenario(
        [
          [300, 0, 50],
          [600, 200, 30],
          [3000, 0, 50],
        ],
        { method },
      ),
    );
    expect(JSON.stringify(result)).not.toContain('NaN');
    expect(result.parameters.method).toBe(method);
    expect(result.summary.unreachablePopulation).toBe(50);
    expect(result.quarters[1]?.accessibility).toBeNull();
    expect(result.quarters[0]?.accessibility).not.toBeNull();
  });
});

describe('input checks', () => {
  it('rejects planar layers, bad weights and a matrix shorter than the cutoff, naming the field', () => {
    const input = scenario([[300, 0, 50]]);
    const planar: PointLayer = { ...input.demand, crs: 'planar' };
    const matrix = straightLineMatrix(input.demand, input.supply, { maxCost: 500 });
    const problems = validateGapInput({
      ...input,
      demand: planar,
      weights: { deficit: 0, needs: 0, access: 0 },
      matrix,
    });
    expect(problems.map((p) => p.field)).toEqual(['weights', 'demand.crs', 'matrix.maxCost']);
    expect(() => analyzeGaps({ ...input, target: 0 })).toThrow(GapInputError);
    try {
      analyzeGaps({ ...input, quarters: [{ id: 'x', name: 'X', geometry: { type: 'Point', coordinates: [7, 51] } }] });
    } catch (err) {
      expect(err).toMatchObject({ code: 'GAP_INVALID_INPUT', problems: [{ field: 'quarters[0].geometry' }] });
    }
  });
});
