import type { PointLayer } from '../types.ts';
import { placeGeometry } from './centroid.ts';
import type { DemandGroup } from './groups.ts';

export interface GeoJsonDemandOptions {
  /** Property with the number of people a feature stands for. */
  countField: string;
  /** Properties with a group's percentage (0–100) of `countField`, e.g. `{ seniors_65: 'ab65_A' }`. */
  shareFields?: Partial<Record<DemandGroup, string>>;
  /** `all` (default) weighs by `countField`; any other group by `countField × share / 100`. */
  group?: DemandGroup;
  /** Property with the feature's id when the feature has no top-level `id`; default `id`. */
  idField?: string;
}

export interface FeatureProblem {
  /** Position of the feature in `features` (0-based). */
  feature: number | null;
  field: string | null;
  reason: string;
}

export interface GeoJsonDemandReport {
  /** Features read. */
  rows: number;
  /** Points in the layer. */
  cells: number;
  /** Features whose count or share is missing, null or negative (a withheld figure): left out. */
  withheld: number;
  withheldIds: string[];
  /** Features without a usable geometry; `row` is the feature's position (0-based). */
  skipped: Array<{ row: number; reason: string }>;
  totalPopulation: number;
}

export type GeoJsonDemandResult =
  | { ok: true; layer: PointLayer; report: GeoJsonDemandReport }
  | { ok: false; problems: FeatureProblem[] };

type Figure = { kind: 'value'; value: number } | { kind: 'withheld' } | { kind: 'invalid' };

function readFigure(value: unknown): Figure {
  if (value === null || value === undefined || value === '') return { kind: 'withheld' };
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(n)) return { kind: 'invalid' };
  return n < 0 ? { kind: 'withheld' } : { kind: 'value', value: n };
}

function featureId(feature: Record<string, unknown>, properties: Record<string, unknown>, idField: string, k: number) {
  const id = feature.id ?? properties[idField];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `feature-${k}`;
}

/**
 * A demand layer from a GeoJSON FeatureCollection of points or polygons with head counts
 * (statistical districts, building blocks, address points). Polygons count at their
 * area-weighted centroid (centroid.ts). Takes parsed JSON; coordinates are WGS84 (RFC 7946).
 */
export function demandFromGeoJson(featureCollection: unknown, options: GeoJsonDemandOptions): GeoJsonDemandResult {
  const fc = featureCollection as { type?: unknown; features?: unknown };
  if (typeof fc !== 'object' || fc === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { ok: false, problems: [{ feature: null, field: null, reason: 'is not a GeoJSON FeatureCollection' }] };
  }
  const group = options.group ?? 'all';
  const shareField = group === 'all' ? undefined : options.shareFields?.[group];
  if (group !== 'all' && shareField === undefined) {
    const reason = `demand group "${group}" needs shareFields.${group}: the property with its percentage of ${options.countField}`;
    return { ok: false, problems: [{ feature: null, field: null, reason }] };
  }
  const idField = options.idField ?? 'id';
  const problems: FeatureProblem[] = [];
  const skipped: GeoJsonDemandReport['skipped'] = [];
  const withheldIds: string[] = [];
  const points: Array<{ id: string; lon: number; lat: number; weight: number }> = [];
  (fc.features as unknown[]).forEach((raw, k) => {
    if (problems.length >= 20) return;
    if (typeof raw !== 'object' || raw === null) {
      problems.push({ feature: k, field: null, reason: 'is not a GeoJSON Feature' });
      return;
    }
    const feature = raw as Record<string, unknown>;
    const properties = (
      typeof feature.properties === 'object' && feature.properties !== null ? feature.properties : {}
    ) as Record<string, unknown>;
    const id = featureId(feature, properties, idField, k);
    const count = readFigure(properties[options.countField]);
    const share = shareField === undefined ? null : readFigure(properties[shareField]);
    if (count.kind === 'invalid' || share?.kind === 'invalid') {
      const field = count.kind === 'invalid' ? options.countField : (shareField as string);
      problems.push({ feature: k, field, reason: `${JSON.stringify(properties[field])} is not a number` });
      return;
    }
    if (share?.kind === 'value' && share.value > 100) {
      problems.push({ feature: k, field: shareField ?? null, reason: `share ${share.value} is over 100 %` });
      return;
    }
    const place = placeGeometry(feature.geometry);
    if (!place.ok) {
      skipped.push({ row: k, reason: place.reason });
      return;
    }
    if (count.kind === 'withheld' || share?.kind === 'withheld') {
      withheldIds.push(id);
      return;
    }
    const weight = share?.kind === 'value' ? (count.value * share.value) / 100 : count.value;
    points.push({ id, lon: place.lon, lat: place.lat, weight });
  });
  if (problems.length > 0) return { ok: false, problems };
  const layer: PointLayer = {
    ids: points.map((p) => p.id),
    x: Float64Array.from(points, (p) => p.lon),
    y: Float64Array.from(points, (p) => p.lat),
    weight: Float64Array.from(points, (p) => p.weight),
    crs: 'wgs84',
  };
  return {
    ok: true,
    layer,
    report: {
      rows: fc.features.length,
      cells: points.length,
      withheld: withheldIds.length,
      withheldIds,
      skipped,
      totalPopulation: points.reduce((sum, p) => sum + p.weight, 0),
    },
  };
}
