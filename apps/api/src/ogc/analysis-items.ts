import type { GapAnalysisResult } from '@quartiersatlas/gap';
import type { Db } from '../db/schema.ts';
import { type AnalysisFeature, type AnalysisLayer, gridLayer, potentialsLayer } from '../exports/analysis-layers.ts';
import { envelopeOf } from '../exports/gpkg-geometry.ts';
import { type AnalysisJob, getJob, getResult, listJobs } from '../store/analyses.ts';
import { type Page, type PageRequest, pageOf } from './paging.ts';
import { type Bbox, inRange, type TimeRange, touches } from './params.ts';

/**
 * Stored analysis results as OGC collections, for planners only: `analysis-<id>` (the H3 grid
 * with every measure) and `analysis-<id>-potentials` (the ranked candidate sites).
 */

export type AnalysisCollectionLayer = 'grid' | 'potentials';

export interface AnalysisCollectionRef {
  analysisId: string;
  layer: AnalysisCollectionLayer;
}

const COLLECTION_ID = /^analysis-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(-potentials)?$/;

/** Planners keep their analyses; GIS clients list the newest finished ones. */
export const MAX_ANALYSIS_COLLECTIONS = 100;

export function analysisCollectionId(analysisId: string, layer: AnalysisCollectionLayer): string {
  return layer === 'grid' ? `analysis-${analysisId}` : `analysis-${analysisId}-potentials`;
}

export function parseAnalysisCollectionId(id: string): AnalysisCollectionRef | undefined {
  const match = COLLECTION_ID.exec(id);
  if (!match?.[1]) return undefined;
  return { analysisId: match[1], layer: match[2] ? 'potentials' : 'grid' };
}

/** The newest finished analyses, newest first. */
export async function finishedAnalyses(db: Db): Promise<AnalysisJob[]> {
  const jobs = await listJobs(db, MAX_ANALYSIS_COLLECTIONS * 2);
  return jobs.filter((job) => job.status === 'done').slice(0, MAX_ANALYSIS_COLLECTIONS);
}

export async function finishedAnalysis(db: Db, id: string): Promise<AnalysisJob | undefined> {
  const job = await getJob(db, id);
  return job?.status === 'done' ? job : undefined;
}

interface Item extends AnalysisFeature {
  extent: [number, number, number, number];
}

interface LoadedLayer {
  items: Item[];
  extent: [number, number, number, number] | undefined;
}

interface Loaded {
  grid: LoadedLayer;
  potentials: LoadedLayer;
}

function load(layer: AnalysisLayer): LoadedLayer {
  const items: Item[] = layer.features
    .flatMap((f) => (f.geometry ? [{ ...f, extent: envelopeOf(f.geometry) }] : []))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let extent: LoadedLayer['extent'];
  for (const { extent: e } of items) {
    extent = extent
      ? [Math.min(extent[0], e[0]), Math.min(extent[1], e[1]), Math.max(extent[2], e[2]), Math.max(extent[3], e[3])]
      : [...e];
  }
  return { items, extent };
}

// A GIS client pages through a grid in many requests; parsing a result of several megabytes for
// each would be most of the work. Finished results never change, so a few stay parsed.
const CACHE_SIZE = 3;
const cache = new Map<string, Loaded>();

async function loaded(db: Db, job: AnalysisJob): Promise<Loaded | undefined> {
  const hit = cache.get(job.id);
  if (hit) {
    cache.delete(job.id);
    cache.set(job.id, hit);
    return hit;
  }
  const raw = await getResult(db, job.id);
  if (raw === null) return undefined;
  const result = JSON.parse(raw) as GapAnalysisResult;
  const entry = { grid: load(gridLayer(job, result)), potentials: load(potentialsLayer(job, result)) };
  cache.set(job.id, entry);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return entry;
}

// Extents are asked for every listed analysis; they are small, so they are kept for good.
const extents = new Map<string, Record<AnalysisCollectionLayer, LoadedLayer['extent']>>();

export async function analysisExtent(
  db: Db,
  job: AnalysisJob,
  layer: AnalysisCollectionLayer,
): Promise<[number, number, number, number] | undefined> {
  let known = extents.get(job.id);
  if (!known) {
    const entry = await loaded(db, job);
    if (!entry) return undefined;
    known = { grid: entry.grid.extent, potentials: entry.potentials.extent };
    extents.set(job.id, known);
  }
  return known[layer];
}

export interface AnalysisQuery {
  bbox?: Bbox;
  time?: TimeRange;
}

/**
 * A page of a result layer. A result describes the data at the time it was computed, so a
 * `datetime` filter keeps all of it or none, by the time the analysis finished.
 */
export async function analysisItems(
  db: Db,
  job: AnalysisJob,
  layer: AnalysisCollectionLayer,
  q: AnalysisQuery,
  page: PageRequest,
): Promise<(Page<AnalysisFeature> & { numberMatched: number }) | undefined> {
  const entry = await loaded(db, job);
  if (!entry) return undefined;
  const box = q.bbox;
  const inTime = !q.time || inRange(q.time, job.finishedAt ?? job.createdAt);
  const matching = inTime
    ? box
      ? entry[layer].items.filter((item) => touches(box, item.extent))
      : entry[layer].items
    : [];
  const result = pageOf(matching, page);
  return { ...result, items: result.items.map(({ extent: _, ...feature }) => feature), numberMatched: matching.length };
}

export async function analysisItem(
  db: Db,
  job: AnalysisJob,
  layer: AnalysisCollectionLayer,
  featureId: string,
): Promise<AnalysisFeature | undefined> {
  const entry = await loaded(db, job);
  const item = entry?.[layer].items.find((candidate) => candidate.id === featureId);
  if (!item) return undefined;
  const { extent: _, ...feature } = item;
  return feature;
}
