import { findCategory, type Taxonomy } from '@quartiersatlas/domain';
import { request } from '../api/client.ts';
import type { MapRecord, MapRecordKind, PointGeometry, PolygonGeometry } from '../map/index.ts';

/** The OGC API collection of each kind; anyone may read them, needs arrive coarsened to H3 cell centres. */
export const PUBLIC_COLLECTIONS: Record<MapRecordKind, string> = {
  service: 'services',
  vacancy: 'vacancies',
  brownfield: 'brownfields',
  need: 'needs',
};

/** The OGC API answers with up to this many features per page; the quarters hold far fewer. */
const LIMIT = 10_000;

export interface PublicFeature {
  id: string;
  kind: MapRecordKind;
  geometry: PointGeometry | PolygonGeometry | { type: 'MultiPolygon'; coordinates: number[][][][] };
  properties: Record<string, unknown>;
}

interface OgcCollection {
  features: Array<{
    id: string | number;
    geometry: PublicFeature['geometry'] | null;
    properties: Record<string, unknown>;
  }>;
}

/**
 * Everything published, from the public OGC API without any token (a planner's device must not
 * see more here than the public does).
 */
export async function fetchPublicFeatures(signal?: AbortSignal): Promise<PublicFeature[]> {
  const kinds = Object.keys(PUBLIC_COLLECTIONS) as MapRecordKind[];
  const pages = await Promise.all(
    kinds.map((kind) =>
      request<OgcCollection>(`/ogc/collections/${PUBLIC_COLLECTIONS[kind]}/items?limit=${LIMIT}`, {
        signal,
        token: null,
      }),
    ),
  );
  return kinds.flatMap((kind, index) =>
    (pages[index]?.features ?? []).flatMap((feature): PublicFeature[] =>
      feature.geometry
        ? [{ id: String(feature.id), kind, geometry: feature.geometry, properties: feature.properties }]
        : [],
    ),
  );
}

/** The map's view of the features: pictogram by category, the record's own name where it has one. */
export function toMapRecords(
  features: readonly PublicFeature[],
  taxonomy: Taxonomy,
  title: (feature: PublicFeature) => string,
): MapRecord[] {
  return features.flatMap((feature): MapRecord[] => {
    const { geometry } = feature;
    if (geometry.type === 'MultiPolygon') return [];
    const category = typeof feature.properties.category === 'string' ? feature.properties.category : undefined;
    return [
      {
        id: feature.id,
        kind: feature.kind,
        category,
        icon: (category && findCategory(taxonomy, category)?.icon) || feature.kind,
        label: title(feature),
        geometry,
        pending: false,
      },
    ];
  });
}
