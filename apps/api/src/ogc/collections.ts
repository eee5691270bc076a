import { RECORD_KINDS, type RecordKind } from '@quartiersatlas/domain';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { ANALYSIS_COLUMNS, analysisDescription, analysisLayerTitle } from '../exports/analysis-layers.ts';
import type { Column } from '../exports/columns.ts';
import { kindOfLayer, RECORD_LAYERS } from '../exports/record-layers.ts';
import type { Caller } from '../plugins/auth.ts';
import type { AnalysisJob } from '../store/analyses.ts';
import { COARSE_H3_RESOLUTION } from '../store/coarsen.ts';
import {
  type AnalysisCollectionLayer,
  analysisCollectionId,
  analysisExtent,
  finishedAnalyses,
  finishedAnalysis,
  parseAnalysisCollectionId,
} from './analysis-items.ts';
import { GEOJSON_TYPE, JSON_TYPE, type Link, link, SCHEMA_TYPE } from './links.ts';
import { CRS84 } from './params.ts';
import { collectionColumns, type Extent, recordExtents, seesCoarseNeeds } from './record-items.ts';

const GREGORIAN = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian';

export type Collection =
  | { type: 'records'; id: string; kind: RecordKind }
  | { type: 'analysis'; id: string; job: AnalysisJob; layer: AnalysisCollectionLayer };

function isStaff(caller: Caller | null): boolean {
  return caller?.account.role === 'admin' || caller?.account.role === 'planner';
}

/**
 * The collection with this id as the caller may see it. Analyses are for planners; anybody else
 * gets the same 404 as for an id that does not exist, so their existence is not revealed.
 */
export async function findCollection(db: Db, caller: Caller | null, id: string): Promise<Collection> {
  const kind = kindOfLayer(id);
  if (kind) return { type: 'records', id, kind };
  const ref = parseAnalysisCollectionId(id);
  if (ref && isStaff(caller)) {
    const job = await finishedAnalysis(db, ref.analysisId);
    if (job) return { type: 'analysis', id, job, layer: ref.layer };
  }
  throw new AppError('COLLECTION_NOT_FOUND', { id });
}

export async function listCollections(db: Db, caller: Caller | null): Promise<Collection[]> {
  const records: Collection[] = RECORD_KINDS.map((kind) => ({ type: 'records', id: RECORD_LAYERS[kind].name, kind }));
  if (!isStaff(caller)) return records;
  const analyses = (await finishedAnalyses(db)).flatMap((job): Collection[] =>
    (['grid', 'potentials'] as const).map((layer) => ({
      type: 'analysis',
      id: analysisCollectionId(job.id, layer),
      job,
      layer,
    })),
  );
  return [...records, ...analyses];
}

const GEOMETRY_OF_KIND: Record<RecordKind, string> = {
  service: 'GeoJSON Point',
  vacancy: 'GeoJSON Point or Polygon',
  brownfield: 'GeoJSON Polygon (a Point while the outline is a draft)',
  need: 'GeoJSON Point',
};

/** Title, description, attribute columns and geometry of a collection, as the caller sees it. */
export function collectionInfo(
  collection: Collection,
  caller: Caller | null,
): { title: string; description: string; columns: Column[]; geometry: string } {
  if (collection.type === 'records') {
    const { kind } = collection;
    const layer = RECORD_LAYERS[kind];
    const coarse =
      kind === 'need' && seesCoarseNeeds(caller)
        ? ` Public view: each need is shown at the centre of its H3 cell (resolution ${COARSE_H3_RESOLUTION}, about 0.7 km²), without photos or author, and without free text and its language unless a planner approved showing the text; dates are to the day.`
        : '';
    return {
      title: layer.title,
      description: `${layer.description} Published records only.${coarse}`,
      columns: collectionColumns(kind, caller),
      geometry: GEOMETRY_OF_KIND[kind],
    };
  }
  const { job, layer } = collection;
  return {
    title: analysisLayerTitle(job, layer),
    description: analysisDescription(job),
    columns: ANALYSIS_COLUMNS[layer],
    geometry: layer === 'grid' ? 'GeoJSON Polygon (an H3 cell)' : 'GeoJSON Point',
  };
}

function extentDoc(bbox: Extent['bbox'] | undefined, interval: Extent['interval'] | undefined) {
  if (!bbox) return undefined;
  return {
    spatial: { bbox: [bbox], crs: CRS84 },
    ...(interval ? { temporal: { interval: [interval], trs: GREGORIAN } } : {}),
  };
}

/** Spatial and temporal extents of the collections, computed once for a listing. */
export async function extentsFor(
  db: Db,
  caller: Caller | null,
  collections: readonly Collection[],
): Promise<Map<string, ReturnType<typeof extentDoc>>> {
  const out = new Map<string, ReturnType<typeof extentDoc>>();
  const records = collections.some((c) => c.type === 'records') ? await recordExtents(db, caller) : undefined;
  for (const c of collections) {
    if (c.type === 'records') {
      const extent = records?.get(c.kind);
      out.set(c.id, extentDoc(extent?.bbox, extent?.interval));
    } else {
      const at = c.job.finishedAt ?? c.job.createdAt;
      out.set(c.id, extentDoc(await analysisExtent(db, c.job, c.layer), [at, at]));
    }
  }
  return out;
}

export function collectionDoc(
  collection: Collection,
  caller: Caller | null,
  root: string,
  extent: ReturnType<typeof extentDoc>,
): Record<string, unknown> {
  const info = collectionInfo(collection, caller);
  const base = `${root}/collections/${collection.id}`;
  const links: Link[] = [
    link('self', JSON_TYPE, base, 'this collection'),
    link('items', GEOJSON_TYPE, `${base}/items`, 'the features'),
    link('describedby', SCHEMA_TYPE, `${base}/schema`, 'JSON Schema of a feature'),
    // The same link for GDAL up to 3.x, which matches this relation case-sensitively as
    // "describedBy" (RFC 8288 compares relation types case-insensitively, so both are valid).
    link('describedBy', SCHEMA_TYPE, `${base}/schema`, 'JSON Schema of a feature'),
  ];
  return {
    id: collection.id,
    title: info.title,
    description: info.description,
    itemType: 'feature',
    crs: [CRS84],
    storageCrs: CRS84,
    ...(extent ? { extent } : {}),
    links,
  };
}
