import { describe, expect, it } from 'vitest';
import { polygonCentroid } from './centroid.ts';
import { demandFromGeoJson } from './geojson.ts';

const square = (lon: number, lat: number, size: number) => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];

function collection(features: unknown[]) {
  return { type: 'FeatureCollection', features };
}

describe('demandFromGeoJson', () => {
  it('takes points as they are and polygons at their centroid, with their counts', () => {
    const fc = collection([
      { type: 'Feature', id: 'p', geometry: { type: 'Point', coordinates: [7.4, 51.5] }, properties: { ew: 120 } },
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [square(7.41, 51.51, 0.01)] },
        properties: { id: 'block', ew: '80' },
      },
    ]);
    const result = demandFromGeoJson(fc, { countField: 'ew' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.layer.ids).toEqual(['p', 'block']);
    expect(Array.from(result.layer.weight)).toEqual([120, 80]);
    expect(result.layer.x[1]).toBeCloseTo(7.415, 9);
    expect(result.layer.y[1]).toBeCloseTo(51.515, 9);
    expect(result.report.totalPopulation).toBe(200);
  });

  it('weights a group by its percentage share of the count', () => {
    const fc = collection([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [7.4, 51.5] }, properties: { ew: 200, ab65: 25 } },
    ]);
    const result = demandFromGeoJson(fc, {
      countField: 'ew',
      group: 'seniors_65',
      shareFields: { seniors_65: 'ab65' },
    });
    expect(result.ok && Array.from(result.layer.weight)).toEqual([50]);
    const missing = demandFromGeoJson(fc, { countField: 'ew', group: 'seniors_80' });
    expect(missing.ok).toBe(false);
  });

  it('leaves out withheld counts, skips lines, and names the feature and field of a bad count', () => {
    const fc = collection([
      { type: 'Feature', id: 'w', geometry: { type: 'Point', coordinates: [7.4, 51.5] }, properties: { ew: -1 } },
      { type: 'Feature', id: 'l', geometry: { type: 'LineString', coordinates: [] }, properties: { ew: 3 } },
    ]);
    const result = demandFromGeoJson(fc, { countField: 'ew' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.report).toMatchObject({ rows: 2, cells: 0, withheld: 1, withheldIds: ['w'] });
    expect(result.report.skipped[0]?.row).toBe(1);
    const bad = demandFromGeoJson(
      collection([{ type: 'Feature', geometry: { type: 'Point', coordinates: [7, 51] }, properties: { ew: 'many' } }]),
      { countField: 'ew' },
    );
    expect(bad).toEqual({ ok: false, problems: [{ feature: 0, field: 'ew', reason: '"many" is not a number' }] });
  });
});

describe('polygonCentroid', () => {
  it('weights parts by area and subtracts holes, whatever the ring orientation', () => {
    // A big square and a small one: the centroid sits nearer the big one.
    const big = square(0, 0, 0.02);
    const small = square(0.1, 0, 0.01);
    const c = polygonCentroid([[big], [small.slice().reverse()]]);
    // Areas 4 : 1 (near the equator), centres 0.01 and 0.105 → (4·0.01 + 0.105) / 5 = 0.029
    expect(c.lon).toBeCloseTo(0.029, 4);
    // A hole in the right half moves the centroid left.
    const withHole = polygonCentroid([[square(0, 0, 0.04), square(0.025, 0.015, 0.01)]]);
    expect(withHole.lon).toBeLessThan(0.02);
    expect(withHole.lat).toBeCloseTo(0.02, 4);
  });
});
