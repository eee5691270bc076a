import { type PointLayer, placeGeometry } from '@quartiersatlas/gap';
import type { PlanarCrs } from './args.ts';
import { anyColumn, columnIndex, readCsv, readNumber } from './csv.ts';
import { UsageError } from './usage-error.ts';

export interface PointsSpec {
  /** "--supply schools.csv": how errors name the input. */
  source: string;
  weightField?: string;
  idField: string;
  /** Demand ids go into the output, and --costs matches ids: then every row needs a unique id. */
  idsRequired: boolean;
  /** With --crs, coordinates are x/y metres in that CRS (CSV `x`/`y`, GeoJSON positions). */
  crs?: PlanarCrs;
  /** With --costs the table gives the costs; coordinates may be absent. */
  coordinatesOptional: boolean;
}

interface Point {
  id: string;
  x: number;
  y: number;
  weight: number;
}

const LON_NAMES = ['lon', 'lng', 'long', 'longitude'];
const LAT_NAMES = ['lat', 'latitude'];

export function isGeoJsonInput(path: string, text: string): boolean {
  return /\.(geo)?json$/i.test(path) || text.trimStart().startsWith('{');
}

function toLayer(points: Point[], crs: PlanarCrs | undefined): PointLayer {
  return {
    ids: points.map((p) => p.id),
    x: Float64Array.from(points, (p) => p.x),
    y: Float64Array.from(points, (p) => p.y),
    weight: Float64Array.from(points, (p) => p.weight),
    crs: crs ? 'planar' : 'wgs84',
  };
}

function checkCoordinates(spec: PointsSpec, where: string, x: number, y: number): void {
  if (spec.crs || Number.isNaN(x)) return;
  if (Math.abs(x) > 180 || Math.abs(y) > 90) {
    throw new UsageError(
      `${spec.source} ${where}: (${x}, ${y}) is not longitude/latitude; for x/y metres give --crs EPSG:3035 or EPSG:25832`,
    );
  }
}

function checkIds(spec: PointsSpec, points: readonly Point[], where: (k: number) => string): void {
  const seen = new Map<string, number>();
  points.forEach((p, k) => {
    const first = seen.get(p.id);
    if (first !== undefined) {
      throw new UsageError(`${spec.source} ${where(k)}: id "${p.id}" already used in ${where(first)}`);
    }
    seen.set(p.id, k);
  });
}

/** Points from a CSV with `lon`/`lat` columns (or `x`/`y` with --crs), ids and optional weights. */
export function pointsFromCsv(text: string, spec: PointsSpec): PointLayer {
  const { header, rows, decimalComma } = readCsv(text, spec.source);
  const lon = spec.crs ? columnIndex(header, 'x') : anyColumn(header, LON_NAMES);
  const lat = spec.crs ? columnIndex(header, 'y') : anyColumn(header, LAT_NAMES);
  if ((lon < 0 || lat < 0) && !spec.coordinatesOptional) {
    const hasXy = columnIndex(header, 'x') >= 0 && columnIndex(header, 'y') >= 0;
    const wanted = spec.crs
      ? `x and y columns (metres in ${spec.crs})`
      : hasXy
        ? 'lon and lat columns; its x/y columns need --crs EPSG:3035 or EPSG:25832'
        : 'lon and lat columns';
    throw new UsageError(`${spec.source}: needs ${wanted} (columns: ${header.join(', ')})`);
  }
  const id = columnIndex(header, spec.idField);
  if (id < 0 && spec.idsRequired) {
    throw new UsageError(
      `${spec.source}: no id column "${spec.idField}" (choose one with --id-field; columns: ${header.join(', ')})`,
    );
  }
  const weight = spec.weightField === undefined ? -1 : columnIndex(header, spec.weightField);
  if (spec.weightField !== undefined && weight < 0) {
    throw new UsageError(`${spec.source}: no weight column "${spec.weightField}" (columns: ${header.join(', ')})`);
  }
  const points = rows.map(({ line, fields }): Point => {
    const at = (column: number) => `row ${line}, column ${header[column]}`;
    const coordinate = (column: number) => {
      if (column < 0) return Number.NaN;
      const value = readNumber(fields[column], decimalComma);
      if (value === undefined)
        throw new UsageError(`${spec.source} ${at(column)}: "${fields[column]}" is not a number`);
      return value;
    };
    const x = coordinate(lon);
    const y = coordinate(lat);
    checkCoordinates(spec, `row ${line}`, x, y);
    const name = id >= 0 ? (fields[id] ?? '').trim() : `row-${line}`;
    if (name === '') throw new UsageError(`${spec.source} ${at(id)}: the id is empty`);
    let w = 1;
    if (weight >= 0) {
      const value = readNumber(fields[weight], decimalComma);
      if (value === undefined || value < 0) {
        throw new UsageError(`${spec.source} ${at(weight)}: "${fields[weight]}" is not a weight ≥ 0`);
      }
      w = value;
    }
    return { id: name, x, y, weight: w };
  });
  checkIds(spec, points, (k) => `row ${rows[k]?.line}`);
  return toLayer(points, spec.crs);
}

/** Points from a GeoJSON FeatureCollection: Point features, polygons at their area-weighted centroid. */
export function pointsFromGeoJson(text: string, spec: PointsSpec): PointLayer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${spec.source}: not valid JSON (${(err as Error).message})`);
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (typeof fc !== 'object' || fc === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new UsageError(`${spec.source}: not a GeoJSON FeatureCollection`);
  }
  const points = (fc.features as unknown[]).map((raw, k): Point => {
    const where = `feature ${k}`;
    const feature = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const properties = (feature.properties ?? {}) as Record<string, unknown>;
    let x = Number.NaN;
    let y = Number.NaN;
    if (!(spec.coordinatesOptional && feature.geometry == null)) {
      const place = placeGeometry(feature.geometry);
      if (!place.ok) throw new UsageError(`${spec.source} ${where}: ${place.reason}`);
      x = place.lon;
      y = place.lat;
      checkCoordinates(spec, where, x, y);
    }
    const rawId = properties[spec.idField] ?? (spec.idField === 'id' ? feature.id : undefined);
    const hasId = (typeof rawId === 'string' && rawId.trim() !== '') || typeof rawId === 'number';
    if (!hasId && spec.idsRequired) {
      throw new UsageError(`${spec.source} ${where}: no id in property "${spec.idField}" (choose one with --id-field)`);
    }
    let weight = 1;
    if (spec.weightField !== undefined) {
      const value = properties[spec.weightField];
      const n = typeof value === 'number' ? value : typeof value === 'string' ? readNumber(value, false) : undefined;
      if (n === undefined || !(n >= 0)) {
        throw new UsageError(
          `${spec.source} ${where}, property ${spec.weightField}: ${JSON.stringify(value ?? null)} is not a weight ≥ 0`,
        );
      }
      weight = n;
    }
    return { id: hasId ? String(rawId).trim() : `feature-${k}`, x, y, weight };
  });
  checkIds(spec, points, (k) => `feature ${k}`);
  return toLayer(points, spec.crs);
}

/** A point layer from a GeoJSON or CSV file's text. */
export function loadPoints(path: string, text: string, spec: PointsSpec): PointLayer {
  return isGeoJsonInput(path, text) ? pointsFromGeoJson(text, spec) : pointsFromCsv(text, spec);
}
