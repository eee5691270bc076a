import { describe, expect, it } from 'vitest';
import { EVING, rectangleRing, square } from '../test/fixtures/records.ts';
import { geometryIssues } from './geometry.ts';
import { schemaIssues } from './issues.ts';
import { QuarterInputSchema, quarterGeometry } from './quarter.ts';

describe('QuarterInputSchema', () => {
  it('accepts a quarter and refuses an id that is not a slug', () => {
    const quarter = { id: 'eving', name: 'Eving', city: 'Dortmund', approximate: true, sourceNote: 'sketched' };
    expect(schemaIssues(QuarterInputSchema, quarter)).toEqual([]);
    expect(schemaIssues(QuarterInputSchema, { ...quarter, id: 'Eving' })).toEqual([
      expect.objectContaining({ field: 'id', code: 'INVALID_PATTERN' }),
    ]);
  });
});

describe('quarterGeometry', () => {
  it('accepts a quarter-sized polygon and a multipolygon of separate parts', () => {
    expect(geometryIssues(square(EVING, 3000), quarterGeometry)).toEqual([]);
    const parts = {
      type: 'MultiPolygon',
      coordinates: [[rectangleRing(EVING, 2000)], [rectangleRing([7.52, 51.56], 800)]],
    };
    expect(geometryIssues(parts, quarterGeometry)).toEqual([]);
  });

  it('refuses an outline larger than 200 km²', () => {
    expect(geometryIssues(square(EVING, 15_000), quarterGeometry)).toEqual([
      expect.objectContaining({ field: 'geometry.coordinates', code: 'AREA_TOO_LARGE' }),
    ]);
  });
});
