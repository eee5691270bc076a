import { describe, expect, it } from 'vitest';
import { EVING, rectangleRing, square } from '../test/fixtures/records.ts';
import { areaM2, bboxOf, type GeometryRules, geometryIssues, normalizeGeometry, type Polygon } from './geometry.ts';
import { quarterGeometry } from './quarter.ts';
import { brownfieldGeometry } from './record-brownfield.ts';
import { needGeometry } from './record-need.ts';
import { serviceGeometry } from './record-service.ts';
import { vacancyGeometry } from './record-vacancy.ts';

const anyShape: GeometryRules = {
  allowed: ['Point', 'Polygon', 'MultiPolygon'],
  minAreaM2: 0,
  maxAreaM2: 1e12,
  maxPositions: 20_000,
};

const codes = (value: unknown, rules: GeometryRules = anyShape) => geometryIssues(value, rules).map((i) => i.code);

describe('geometryIssues: valid geometries', () => {
  it('accepts a point, with or without altitude', () => {
    expect(geometryIssues({ type: 'Point', coordinates: EVING }, serviceGeometry)).toEqual([]);
    expect(geometryIssues({ type: 'Point', coordinates: [7.4735, 51.5466, 78] }, serviceGeometry)).toEqual([]);
  });

  it('accepts the extreme corners of WGS84', () => {
    expect(geometryIssues({ type: 'Point', coordinates: [-180, -90] }, serviceGeometry)).toEqual([]);
    expect(geometryIssues({ type: 'Point', coordinates: [180, 90] }, serviceGeometry)).toEqual([]);
  });

  it('accepts a polygon and a multipolygon', () => {
    expect(geometryIssues(square(EVING, 100), brownfieldGeometry)).toEqual([]);
    const multi = {
      type: 'MultiPolygon',
      coordinates: [[rectangleRing(EVING, 1000)], [rectangleRing([7.5, 51.56], 800)]],
    };
    expect(geometryIssues(multi, quarterGeometry)).toEqual([]);
  });

  it('accepts a polygon with a hole (a courtyard) and leaves the hole out of the area', () => {
    const outer = rectangleRing(EVING, 200);
    const hole = rectangleRing([EVING[0] + 0.0005, EVING[1] + 0.0005], 50).reverse();
    const withHole = { type: 'Polygon' as const, coordinates: [outer, hole] };
    expect(geometryIssues(withHole, brownfieldGeometry)).toEqual([]);
    // The sphere turf measures on differs from the ellipsoid by a few tenths of a percent.
    expect(Math.abs(areaM2(withHole) - 37_500) / 37_500).toBeLessThan(0.01);
  });

  it('accepts a GeoJSON bbox member', () => {
    expect(geometryIssues({ type: 'Point', coordinates: EVING, bbox: [...EVING, ...EVING] }, serviceGeometry)).toEqual(
      [],
    );
  });
});

describe('geometryIssues: positions', () => {
  it('rejects an out-of-range longitude of a point at geometry.coordinates', () => {
    expect(geometryIssues({ type: 'Point', coordinates: [181, 51.5] }, serviceGeometry)).toEqual([
      {
        field: 'geometry.coordinates',
        code: 'LONGITUDE_OUT_OF_RANGE',
        message: 'longitude 181 is outside −180…180 (WGS84)',
      },
    ]);
  });

  it('rejects an out-of-range latitude and says which value it was', () => {
    const [issue] = geometryIssues({ type: 'Point', coordinates: [7.47, -90.5] }, serviceGeometry);
    expect(issue).toMatchObject({ field: 'geometry.coordinates', code: 'LATITUDE_OUT_OF_RANGE' });
    expect(issue?.message).toContain('-90.5');
  });

  it('catches swapped coordinates (latitude first) from a projected or mis-ordered import', () => {
    // 51.5°, 91° — someone wrote [lat, lon] for a place with lon > 90; lat 51 as longitude is valid.
    expect(codes({ type: 'Point', coordinates: [51.5466, 97.4735] })).toEqual(['LATITUDE_OUT_OF_RANGE']);
    // UTM / EPSG:25832 coordinates pasted as if they were degrees.
    expect(codes({ type: 'Point', coordinates: [393_000, 5_712_000] })).toEqual(['LONGITUDE_OUT_OF_RANGE']);
  });

  it('names the offending position of a polygon ring: geometry.coordinates[ring][position]', () => {
    const ring = rectangleRing(EVING, 100);
    ring[2] = [7.48, 95];
    expect(geometryIssues({ type: 'Polygon', coordinates: [ring] }, vacancyGeometry)).toEqual([
      expect.objectContaining({ field: 'geometry.coordinates[0][2]', code: 'LATITUDE_OUT_OF_RANGE' }),
    ]);
  });

  it('names the polygon, ring and position inside a multipolygon', () => {
    const bad = rectangleRing([7.5, 51.56], 800);
    bad[3] = [-200, 51.56];
    const multi = { type: 'MultiPolygon', coordinates: [[rectangleRing(EVING, 1000)], [bad]] };
    expect(geometryIssues(multi, quarterGeometry)).toEqual([
      expect.objectContaining({ field: 'geometry.coordinates[1][0][3]', code: 'LONGITUDE_OUT_OF_RANGE' }),
    ]);
  });

  it.each([
    ['NaN', [Number.NaN, 51.5]],
    ['Infinity', [7.47, Number.POSITIVE_INFINITY]],
    ['a string', ['7.47', 51.5]],
    ['null', [null, 51.5]],
  ])('rejects %s as a coordinate', (_label, coordinates) => {
    expect(geometryIssues({ type: 'Point', coordinates }, serviceGeometry)).toEqual([
      { field: 'geometry.coordinates', code: 'INVALID_POSITION', message: 'coordinates must be finite numbers' },
    ]);
  });

  it.each([
    ['one number', [7.47]],
    ['four numbers', [7.47, 51.5, 80, 1]],
    ['a nested array', [EVING]],
    ['an object', { lon: 7.47, lat: 51.5 }],
    ['nothing', undefined],
  ])('rejects %s as a point position', (_label, coordinates) => {
    expect(geometryIssues({ type: 'Point', coordinates }, serviceGeometry)).toEqual([
      { field: 'geometry.coordinates', code: 'INVALID_POSITION', message: 'must be [longitude, latitude]' },
    ]);
  });
});

describe('geometryIssues: rings and polygons', () => {
  it('rejects a ring with fewer than four positions', () => {
    const triangleOpen = [EVING, [7.48, 51.55], [7.48, 51.56]];
    expect(geometryIssues({ type: 'Polygon', coordinates: [triangleOpen] }, vacancyGeometry)).toEqual([
      {
        field: 'geometry.coordinates[0]',
        code: 'RING_TOO_SHORT',
        message: 'a ring needs at least four positions (three corners and the closing one)',
      },
    ]);
  });

  it('rejects an unclosed ring', () => {
    const ring = rectangleRing(EVING, 100).slice(0, 4);
    expect(geometryIssues({ type: 'Polygon', coordinates: [ring] }, vacancyGeometry)).toEqual([
      { field: 'geometry.coordinates[0]', code: 'RING_NOT_CLOSED', message: 'the last position must repeat the first' },
    ]);
  });

  it('reports problems in the hole with the hole’s index', () => {
    const hole = rectangleRing([EVING[0] + 0.0005, EVING[1] + 0.0005], 50).slice(0, 4);
    const polygon = { type: 'Polygon', coordinates: [rectangleRing(EVING, 200), hole] };
    expect(geometryIssues(polygon, brownfieldGeometry)).toEqual([
      expect.objectContaining({ field: 'geometry.coordinates[1]', code: 'RING_NOT_CLOSED' }),
    ]);
  });

  it.each([
    ['no rings', []],
    ['not an array', 'POLYGON((7 51, …))'],
  ])('rejects a polygon with %s', (_label, coordinates) => {
    expect(codes({ type: 'Polygon', coordinates }, vacancyGeometry)).toEqual(['INVALID_POLYGON']);
  });

  it('rejects an empty multipolygon', () => {
    expect(codes({ type: 'MultiPolygon', coordinates: [] }, quarterGeometry)).toEqual(['INVALID_POLYGON']);
  });

  it('rejects a self-intersecting “bow-tie” polygon and says where it crosses', () => {
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [7.47, 51.55],
          [7.48, 51.56],
          [7.48, 51.55],
          [7.47, 51.56],
          [7.47, 51.55],
        ],
      ],
    };
    expect(geometryIssues(bowTie, brownfieldGeometry)).toEqual([
      {
        field: 'geometry.coordinates',
        code: 'SELF_INTERSECTION',
        message: 'the outline crosses itself near 51.555000, 7.475000',
      },
    ]);
  });

  it('rejects a multipolygon whose parts overlap', () => {
    const multi = {
      type: 'MultiPolygon',
      coordinates: [[rectangleRing(EVING, 1000)], [rectangleRing([EVING[0] + 0.005, EVING[1] + 0.005], 1000)]],
    };
    expect(codes(multi, quarterGeometry)).toEqual(['SELF_INTERSECTION']);
  });
});

describe('geometryIssues: area rules per kind', () => {
  it('refuses a sliver below the minimum area with the measured and required area', () => {
    const [issue] = geometryIssues(square(EVING, 3), brownfieldGeometry);
    expect(issue).toMatchObject({ field: 'geometry.coordinates', code: 'AREA_TOO_SMALL' });
    expect(issue?.message).toMatch(/^the area is 9\.\d m², at least 10 m² is needed$/);
    expect(geometryIssues(square(EVING, 4), brownfieldGeometry)).toEqual([]);
  });

  it('uses each kind’s own minimum: 1 m² is enough for a vacancy, not for a brownfield', () => {
    expect(geometryIssues(square(EVING, 1.2), vacancyGeometry)).toEqual([]);
    expect(codes(square(EVING, 1.2), brownfieldGeometry)).toEqual(['AREA_TOO_SMALL']);
  });

  it('refuses a polygon larger than the maximum: a record is a site, not a district', () => {
    const [issue] = geometryIssues(square(EVING, 2500), brownfieldGeometry);
    expect(issue).toMatchObject({ field: 'geometry.coordinates', code: 'AREA_TOO_LARGE' });
    expect(issue?.message).toMatch(/^the area is 62\d{5} m², at most 5000000 m² is allowed$/);
    expect(codes(square(EVING, 1500), vacancyGeometry)).toEqual(['AREA_TOO_LARGE']);
    expect(geometryIssues(square(EVING, 2000), brownfieldGeometry)).toEqual([]);
  });

  it('refuses a quarter outline too small to be a quarter', () => {
    expect(codes(square(EVING, 50), quarterGeometry)).toEqual(['AREA_TOO_SMALL']);
  });

  it('allows hand-drawn sites far fewer positions than quarter outlines', () => {
    const ring = rectangleRing(EVING, 200);
    const [sw, se] = ring as [[number, number], [number, number]];
    const dense: [number, number][] = [];
    for (let i = 0; i < 2_001; i++) dense.push([sw[0] + ((se[0] - sw[0]) * i) / 2_001, sw[1]]);
    const polygon = { type: 'Polygon', coordinates: [[...dense, ...ring.slice(1)]] };
    expect(codes(polygon, vacancyGeometry)).toEqual(['TOO_MANY_POSITIONS']);
    expect(codes(polygon, brownfieldGeometry)).toEqual(['TOO_MANY_POSITIONS']);
    expect(codes(polygon, quarterGeometry)).toEqual([]);
  });

  it('refuses too many positions before running the expensive crossing check', () => {
    const ring = rectangleRing(EVING, 1000);
    const [sw, se] = ring as [[number, number], [number, number]];
    const dense: [number, number][] = [];
    for (let i = 0; i < 20_001; i++) dense.push([sw[0] + ((se[0] - sw[0]) * i) / 20_001, sw[1]]);
    const polygon = { type: 'Polygon', coordinates: [[...dense, ...ring.slice(1)]] };
    expect(geometryIssues(polygon, quarterGeometry)).toEqual([
      {
        field: 'geometry.coordinates',
        code: 'TOO_MANY_POSITIONS',
        message: 'a geometry may have at most 20000 positions',
      },
    ]);
  });
});

describe('geometryIssues: geometry type and members', () => {
  it('refuses a polygon for a need or a service: they are places, not areas', () => {
    for (const rules of [needGeometry, serviceGeometry]) {
      expect(geometryIssues(square(EVING, 100), rules)).toEqual([
        { field: 'geometry.type', code: 'GEOMETRY_TYPE_NOT_ALLOWED', message: 'must be one of Point' },
      ]);
    }
  });

  it('refuses a multipolygon for a vacancy and a point for a quarter', () => {
    const multi = { type: 'MultiPolygon', coordinates: [[rectangleRing(EVING, 100)]] };
    expect(geometryIssues(multi, vacancyGeometry)).toEqual([
      { field: 'geometry.type', code: 'GEOMETRY_TYPE_NOT_ALLOWED', message: 'must be one of Point, Polygon' },
    ]);
    expect(codes({ type: 'Point', coordinates: EVING }, quarterGeometry)).toEqual(['GEOMETRY_TYPE_NOT_ALLOWED']);
  });

  it.each([
    ['LineString', { type: 'LineString', coordinates: [EVING, [7.48, 51.55]] }],
    ['lower-case point', { type: 'point', coordinates: EVING }],
    ['a Feature', { type: 'Feature', geometry: { type: 'Point', coordinates: EVING } }],
    ['a missing type', { coordinates: EVING }],
  ])('refuses %s as a geometry type', (_label, geometry) => {
    expect(geometryIssues(geometry, brownfieldGeometry)).toEqual([
      { field: 'geometry.type', code: 'INVALID_GEOMETRY_TYPE', message: 'must be one of Polygon, Point' },
    ]);
  });

  it.each([
    ['null', null],
    ['WKT text', 'POINT(7.47 51.55)'],
    ['a bare position', [7.47, 51.55]],
    ['a number', 42],
    ['nothing', undefined],
  ])('refuses %s as a geometry', (_label, geometry) => {
    expect(geometryIssues(geometry, serviceGeometry)).toEqual([
      { field: 'geometry', code: 'INVALID_GEOMETRY', message: 'must be a GeoJSON geometry object' },
    ]);
  });

  it('names unknown members such as a crs', () => {
    const geometry = { type: 'Point', coordinates: EVING, crs: { type: 'name' }, properties: {} };
    expect(geometryIssues(geometry, serviceGeometry)).toEqual([
      { field: 'geometry.crs', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
      { field: 'geometry.properties', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
    ]);
  });

  it('normalizeGeometry keeps only type and coordinates', () => {
    const geometry = { type: 'Point' as const, coordinates: EVING, bbox: [0, 0, 0, 0] };
    expect(normalizeGeometry(geometry)).toEqual({ type: 'Point', coordinates: EVING });
  });
});

describe('bboxOf', () => {
  it('is the point itself for a point', () => {
    expect(bboxOf({ type: 'Point', coordinates: [7.4735, 51.5466, 80] })).toEqual([7.4735, 51.5466, 7.4735, 51.5466]);
  });

  it('spans all corners of a polygon', () => {
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [7.47, 51.55],
          [7.49, 51.54],
          [7.5, 51.56],
          [7.46, 51.57],
          [7.47, 51.55],
        ],
      ],
    };
    expect(bboxOf(polygon)).toEqual([7.46, 51.54, 7.5, 51.57]);
  });

  it('spans every part of a multipolygon', () => {
    const multi = {
      type: 'MultiPolygon' as const,
      coordinates: [[rectangleRing([7.44, 51.55], 500)], [rectangleRing([7.52, 51.53], 500)]],
    };
    const [minLon, minLat, maxLon, maxLat] = bboxOf(multi);
    expect(minLon).toBe(7.44);
    expect(minLat).toBe(51.53);
    expect(maxLon).toBeCloseTo(7.52 + 500 / 69_450, 4);
    expect(maxLat).toBeCloseTo(51.55 + 500 / 111_250, 4);
  });
});

describe('areaM2', () => {
  it('is about 10,000 m² for a 100 m × 100 m square in Dortmund (within 1 %)', () => {
    const area = areaM2(square(EVING, 100));
    expect(Math.abs(area - 10_000) / 10_000).toBeLessThan(0.01);
  });

  it('is about 1 km² for a 1 km square and 0 for a point', () => {
    expect(Math.abs(areaM2(square(EVING, 1000)) - 1e6) / 1e6).toBeLessThan(0.01);
    expect(areaM2({ type: 'Point', coordinates: EVING })).toBe(0);
  });

  it('adds up the parts of a multipolygon', () => {
    const multi = {
      type: 'MultiPolygon' as const,
      coordinates: [[rectangleRing(EVING, 100)], [rectangleRing([7.5, 51.56], 200, 50)]],
    };
    expect(Math.abs(areaM2(multi) - 20_000) / 20_000).toBeLessThan(0.01);
  });
});
