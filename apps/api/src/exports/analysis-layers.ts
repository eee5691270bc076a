import type { MultiPolygon, Point, Polygon, Quarter } from '@quartiersatlas/domain';
import type {
  GapAnalysisResult,
  HexProperties,
  PotentialSite,
  QuarterMeasures,
  UnitMeasures,
} from '@quartiersatlas/gap';
import { cellToLatLng } from 'h3-js';
import type { AnalysisJob } from '../store/analyses.ts';
import type { Column, ColumnType } from './columns.ts';
import { type GpkgLayer, layerGeometryType } from './geopackage.ts';
import { wkt } from './record-table.ts';

export const ANALYSIS_LAYERS = ['grid', 'quarters', 'potentials'] as const;
export type AnalysisLayerName = (typeof ANALYSIS_LAYERS)[number];

// Typed as Records over the engine's own types, so a measure added there fails to compile here
// until it has a column.
const UNIT_COLUMNS: Record<keyof UnitMeasures, ColumnType> = {
  population: 'real',
  unreachablePopulation: 'real',
  coverageShare: 'real',
  accessibility: 'real',
  supplyPer1000: 'real',
  deficit: 'real',
  servedShare: 'real',
  needsCount: 'integer',
  needsWeighted: 'real',
  needDensity: 'real',
  nearestDistanceM: 'real',
  nearestServiceId: 'text',
  deficitScore: 'real',
  needScore: 'real',
  accessScore: 'real',
  priority: 'real',
};

const GRID_COLUMNS: Record<keyof HexProperties, ColumnType> = { h3: 'text', areaKm2: 'real', ...UNIT_COLUMNS };

const QUARTER_COLUMNS: Record<keyof QuarterMeasures, ColumnType> = {
  id: 'text',
  name: 'text',
  areaKm2: 'real',
  ...UNIT_COLUMNS,
  needsPer1000: 'real',
};

const POTENTIAL_COLUMNS: Record<keyof PotentialSite, ColumnType> = {
  id: 'text',
  kind: 'text',
  rank: 'integer',
  lng: 'real',
  lat: 'real',
  alonePeople: 'real',
  aloneNeeds: 'real',
  aloneNeedsCount: 'integer',
  newPeople: 'real',
  newNeeds: 'real',
  newNeedsCount: 'integer',
  cumulativeCoveredShare: 'real',
};

function columns(types: Record<string, ColumnType>): Column[] {
  return Object.entries(types).map(([name, type]) => ({ name, type }));
}

export const ANALYSIS_COLUMNS: Record<AnalysisLayerName, Column[]> = {
  grid: columns(GRID_COLUMNS),
  quarters: columns(QUARTER_COLUMNS),
  potentials: columns(POTENTIAL_COLUMNS),
};

const LAYER_TITLES: Record<AnalysisLayerName, string> = {
  grid: 'H3 grid',
  quarters: 'quarters',
  potentials: 'potential sites',
};

function pick(source: object, cols: readonly Column[]): Record<string, unknown> {
  const values = source as Record<string, unknown>;
  return Object.fromEntries(cols.map((c) => [c.name, values[c.name] ?? null]));
}

export interface AnalysisFeature {
  type: 'Feature';
  id: string;
  geometry: Point | Polygon | MultiPolygon | null;
  properties: Record<string, unknown>;
}

export interface AnalysisLayer extends GpkgLayer {
  features: AnalysisFeature[];
}

/** "groceries, 2sfca, 2026-11-21": what planners need to tell two analyses apart. */
export function analysisLabel(job: AnalysisJob): string {
  return `${job.category}, ${job.method}, ${(job.finishedAt ?? job.createdAt).slice(0, 10)}`;
}

export function analysisLayerTitle(job: AnalysisJob, layer: AnalysisLayerName): string {
  return `Gap analysis ${analysisLabel(job)}: ${LAYER_TITLES[layer]}`;
}

export function analysisDescription(job: AnalysisJob): string {
  const p = job.parameters as { cutoff?: number; target?: number; decay?: string; h3Resolution?: number };
  return `Gap analysis (Versorgungsanalyse) ${job.id}: category ${job.category}, method ${job.method}, cutoff ${p.cutoff} m, decay ${p.decay}, target ${p.target} per 1,000, H3 resolution ${p.h3Resolution}, computed ${job.finishedAt}.`;
}

/** The H3 grid cells with every measure. */
export function gridLayer(job: AnalysisJob, result: GapAnalysisResult): AnalysisLayer {
  const cols = ANALYSIS_COLUMNS.grid;
  return {
    name: 'grid',
    title: analysisLayerTitle(job, 'grid'),
    description: analysisDescription(job),
    geometryType: 'POLYGON',
    columns: cols,
    features: result.grid.features.map((cell) => ({
      type: 'Feature',
      id: cell.properties.h3,
      geometry: cell.geometry,
      properties: pick(cell.properties, cols),
    })),
  };
}

/** The per-quarter table, with the quarters' outlines (null for a quarter removed since). */
export function quartersLayer(
  job: AnalysisJob,
  result: GapAnalysisResult,
  outlines: readonly Quarter[],
): AnalysisLayer {
  const cols = ANALYSIS_COLUMNS.quarters;
  const outline = new Map(outlines.map((q) => [q.id, q.geometry]));
  const features: AnalysisFeature[] = result.quarters.map((q) => ({
    type: 'Feature',
    id: q.id,
    geometry: outline.get(q.id) ?? null,
    properties: pick(q, cols),
  }));
  return {
    name: 'quarters',
    title: analysisLayerTitle(job, 'quarters'),
    description: analysisDescription(job),
    geometryType: layerGeometryType(features, 'GEOMETRY'),
    columns: cols,
    features,
  };
}

/** Candidate sites ranked by the unmet demand a new service there would serve. */
export function potentialsLayer(job: AnalysisJob, result: GapAnalysisResult): AnalysisLayer {
  const cols = ANALYSIS_COLUMNS.potentials;
  return {
    name: 'potentials',
    title: analysisLayerTitle(job, 'potentials'),
    description: analysisDescription(job),
    geometryType: 'POINT',
    columns: cols,
    features: result.potentials.map((site) => ({
      type: 'Feature',
      id: site.id,
      geometry: { type: 'Point', coordinates: [site.lng, site.lat] },
      properties: pick(site, cols),
    })),
  };
}

/**
 * A layer as a table for the CSV export. Grid rows also get the cell centre and the outline as
 * WKT, so QGIS can load the CSV as a layer and Excel users can still sort by measure.
 */
export function layerTable(layer: AnalysisLayer): { header: string[]; rows: unknown[][] } {
  const names = layer.columns.map((c) => c.name);
  if (layer.name !== 'grid') {
    return { header: names, rows: layer.features.map((f) => names.map((n) => f.properties[n])) };
  }
  const header = [names[0] ?? 'h3', 'lon', 'lat', ...names.slice(1), 'geometryWkt'];
  const rows = layer.features.map((f) => {
    const [lat, lon] = cellToLatLng(f.id);
    const values = names.map((n) => f.properties[n]);
    return [values[0], lon, lat, ...values.slice(1), f.geometry?.type === 'Polygon' ? wkt(f.geometry) : null];
  });
  return { header, rows };
}
