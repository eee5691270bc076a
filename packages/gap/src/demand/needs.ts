import type { PointLayer } from '../types.ts';
import { placeGeometry } from './centroid.ts';

/** A need record as the API and the exports give it (a GeoJSON Feature with the record's fields). */
export interface NeedFeature {
  id?: string | number | null;
  geometry: unknown;
  properties: {
    kind?: string;
    category?: string | null;
    supporters?: number | null;
    status?: string;
    deleted?: boolean;
  } | null;
}

/**
 * The needs residents voiced for one category as a demand layer: each need weighs 1 plus its
 * supporters (the +1 votes at a Quartierszirkel). Needs that are deleted, or not published
 * (waiting for moderation or rejected), do not count; other kinds and categories are ignored.
 */
export function needsLayer(needFeatures: readonly NeedFeature[], categoryId: string): PointLayer {
  const ids: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const weights: number[] = [];
  needFeatures.forEach((feature, k) => {
    const p = feature.properties;
    if (!p || p.category !== categoryId || p.deleted === true) return;
    if (p.kind !== undefined && p.kind !== 'need') return;
    if (p.status !== undefined && p.status !== 'published') return;
    const place = placeGeometry(feature.geometry);
    if (!place.ok) return;
    const supporters = typeof p.supporters === 'number' && p.supporters > 0 ? Math.floor(p.supporters) : 0;
    ids.push(feature.id === undefined || feature.id === null ? `need-${k}` : String(feature.id));
    xs.push(place.lon);
    ys.push(place.lat);
    weights.push(1 + supporters);
  });
  return {
    ids,
    x: Float64Array.from(xs),
    y: Float64Array.from(ys),
    weight: Float64Array.from(weights),
    crs: 'wgs84',
  };
}
