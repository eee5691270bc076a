import centroid from '@turf/centroid';

export interface GeometryProblem {
  field: string;
  code: string;
  message: string;
}

const PROJECTED_HINT = ': it looks like projected metres (UTM, Gauß-Krüger); export the file in WGS84 (EPSG:4326)';

/** What is wrong with a longitude/latitude pair, or null. `field` names where it came from. */
export function positionProblem(lon: unknown, lat: unknown, field: string): GeometryProblem | null {
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat))
    return { field, code: 'INVALID_POSITION', message: 'coordinates must be numbers' };
  const projected = Math.abs(lon) > 1000 || Math.abs(lat) > 1000 ? PROJECTED_HINT : '';
  if (lon < -180 || lon > 180)
    return { field, code: 'LONGITUDE_OUT_OF_RANGE', message: `longitude ${lon} is outside −180…180${projected}` };
  if (lat < -90 || lat > 90)
    return { field, code: 'LATITUDE_OUT_OF_RANGE', message: `latitude ${lat} is outside −90…90${projected}` };
  return null;
}

/** Nesting depth of the coordinates of each geometry type: 0 = one position. */
const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function walk(value: unknown, depth: number, field: string): GeometryProblem | null {
  if (!Array.isArray(value)) return { field, code: 'INVALID_GEOMETRY', message: 'coordinates must be arrays' };
  if (depth === 0) return positionProblem(value[0], value[1], field);
  if (value.length === 0) return { field, code: 'INVALID_GEOMETRY', message: 'holds no positions' };
  for (const [i, part] of value.entries()) {
    const problem = walk(part, depth - 1, `${field}[${i}]`);
    if (problem) return problem;
  }
  return null;
}

/**
 * A GeoJSON geometry's representative point (the point itself, else the mean of its positions),
 * or what makes it unusable: no geometry, an unknown type, a position that is not WGS84.
 */
export function representativePoint(
  geometry: unknown,
): { ok: true; position: [number, number]; type: string } | ({ ok: false } & GeometryProblem) {
  if (geometry === null || geometry === undefined)
    return { ok: false, field: 'geometry', code: 'NO_POSITION', message: 'the feature has no geometry' };
  const g = geometry as { type?: unknown; coordinates?: unknown };
  const depth = typeof g.type === 'string' ? DEPTH[g.type] : undefined;
  if (depth === undefined)
    return {
      ok: false,
      field: 'geometry.type',
      code: 'INVALID_GEOMETRY_TYPE',
      message: `"${String(g.type)}" is not a GeoJSON point, line or polygon geometry`,
    };
  const problem = walk(g.coordinates, depth, 'geometry.coordinates');
  if (problem) return { ok: false, ...problem };
  const type = g.type as string;
  if (type === 'Point') {
    const [lon, lat] = g.coordinates as [number, number];
    return { ok: true, position: [lon, lat], type };
  }
  const [lon, lat] = centroid(geometry as Parameters<typeof centroid>[0]).geometry.coordinates as [number, number];
  return { ok: true, position: [lon, lat], type };
}
