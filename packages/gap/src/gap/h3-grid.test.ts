import { getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { matrixFromPairs } from '../cost-matrix.ts';
import { hexGrid } from './h3-grid.ts';
import { pointGaps } from './point-gaps.ts';
import { containsPoint, parseQuarterShape } from './polygon.ts';
import { normaliseWeights } from './priority.ts';
import { layerAt } from './test-points.ts';

// Demand: two points 20 m apart (one H3 res-9 cell, ~170 m across), one 3 km away (another cell).
const demand = layerAt('d', [
  [0, 0, 30],
  [20, 0, 10],
  [3000, 0, 40],
]);
const supplyIds = ['kita-a'];
// Point 0 is 300 m from the Kita, point 1 500 m; point 2 reaches nothing.
const matrix = matrixFromPairs(3, 1, [0, 1], [0, 0], [300, 500], 1000);
const ratio = Float64Array.from([0.2, 0.6, Number.NaN]);
const gaps = pointGaps({
  matrix,
  cutoff: 1000,
  population: demand.weight,
  access: ratio,
  ratio,
  target: 400,
  scoreBasis: 'shortfall-against-target',
});
const needs = layerAt('n', [
  [5, 5, 3],
  [3000, 10, 1],
  [3000, 10, 2],
]);
const weights = normaliseWeights({ deficit: 1, needs: 0, access: 0 });

describe('hexGrid', () => {
  if (!weights) throw new Error('weights');
  const grid = hexGrid({ demand, gaps, needs, supplyIds, resolution: 9, weights: weights.applied });
  const near = latLngToCell(demand.y[0] as number, demand.x[0] as number, 9);
  const far = latLngToCell(demand.y[2] as number, demand.x[2] as number, 9);
  const feature = (h3: string) => {
    const f = grid.features.find((g) => g.properties.h3 === h3);
    if (!f) throw new Error(`no feature for ${h3}`);
    return f;
  };

  it('puts each demand point and need in the cell that contains it', () => {
    expect(near).not.toBe(far);
    expect(grid.features).toHaveLength(2);
    expect(feature(near).properties).toMatchObject({ population: 40, needsCount: 1, needsWeighted: 3 });
    expect(feature(far).properties).toMatchObject({ population: 40, needsCount: 2, needsWeighted: 3 });
    const shape = parseQuarterShape(feature(near).geometry);
    if (!shape) throw new Error('hexagon did not parse');
    expect(containsPoint(shape, demand.x[0] as number, demand.y[0] as number)).toBe(true);
    expect(containsPoint(shape, demand.x[2] as number, demand.y[2] as number)).toBe(false);
  });

  it('writes closed [lng, lat] rings', () => {
    const ring = feature(near).geometry.coordinates[0] ?? [];
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    const [lng, lat] = ring[0] as [number, number];
    expect(lng).toBeCloseTo(7.47, 2);
    expect(lat).toBeCloseTo(51.55, 2);
  });

  it('weights accessibility by population and keeps unreachable cells null, not 0', () => {
    const p = feature(near).properties;
    // (30 × 0.2 + 10 × 0.6) / 40 = 0.3; supply per 1,000 likewise × 1,000.
    expect(p.accessibility).toBeCloseTo(0.3);
    expect(p.supplyPer1000).toBeCloseTo(300);
    // Deficits: 30 × (1 − 200/400) + 10 × 0 = 15.
    expect(p.deficit).toBeCloseTo(15);
    expect(p.coverageShare).toBe(1);
    expect(p.nearestDistanceM).toBe(300);
    expect(p.nearestServiceId).toBe('kita-a');
    expect(p.needDensity).toBeCloseTo(3 / p.areaKm2);
    const q = feature(far).properties;
    expect(q).toMatchObject({
      accessibility: null,
      supplyPer1000: null,
      nearestDistanceM: null,
      nearestServiceId: null,
      unreachablePopulation: 40,
      coverageShare: 0,
      deficit: 40,
      servedShare: 0,
    });
  });

  it('scores priority with the weights given: deficit only → deficit relative to the largest', () => {
    expect(feature(far).properties.priority).toBe(1);
    expect(feature(near).properties.priority).toBeCloseTo(15 / 40);
    const needsOnly = normaliseWeights({ deficit: 0, needs: 2, access: 0 });
    if (!needsOnly) throw new Error('weights');
    const byNeeds = hexGrid({ demand, gaps, needs, supplyIds, resolution: 9, weights: needsOnly.applied });
    // Both cells carry 3 weighted needs; equal areas within a fraction of a percent.
    for (const f of byNeeds.features) expect(f.properties.priority).toBeCloseTo(1, 2);
  });

  it('is JSON without NaN', () => {
    const text = JSON.stringify(grid);
    expect(text).not.toContain('NaN');
    expect(JSON.parse(text).features[1].properties.accessibility).toBeNull();
  });

  it('follows the resolution', () => {
    if (!weights) throw new Error('weights');
    const coarse = hexGrid({ demand, gaps, needs, supplyIds, resolution: 5, weights: weights.applied });
    for (const f of coarse.features) expect(getResolution(f.properties.h3)).toBe(5);
    expect(coarse.features.reduce((sum, f) => sum + f.properties.population, 0)).toBe(80);
  });
});
