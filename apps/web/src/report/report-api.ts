import { request } from '../api/client.ts';

/** Published records of each kind (deleted ones left out). */
export interface KindCounts {
  service: number;
  vacancy: number;
  brownfield: number;
  need: number;
}

export interface CategoryCount {
  category: string;
  service: number;
  need: number;
}

export interface QuarterFigures {
  id: string;
  name: string;
  records: KindCounts;
  /** Residents' needs waiting for moderation. */
  pending: number;
  byCategory: CategoryCount[];
  /** `und` when the language is not known. */
  needsByLanguage: Array<{ lang: string; count: number }>;
  /** A need for two groups counts in both. */
  needsByTargetGroup: Array<{ group: string; count: number }>;
}

export interface SessionFigures {
  id: string;
  title: string;
  kind: string;
  quarterId: string;
  startedAt: string;
  endedAt: string | null;
  records: KindCounts;
}

/** Shares are 0 … 1, null when nobody of the demand group lives there. */
export interface CoverageArea {
  population: number;
  coverageShare: number | null;
  servedShare: number | null;
  deficit: number;
}

export interface CoverageFigures extends CoverageArea {
  category: string;
  analysisId: string;
  method: string;
  finishedAt: string;
  stale: boolean;
  supplyPer1000: number | null;
  quarters: Array<CoverageArea & { id: string; name: string }>;
}

/** `GET /api/v1/reports/overview`: the figures of the overview and the printed report. */
export interface OverviewReport {
  generatedAt: string;
  quarters: QuarterFigures[];
  sessions: SessionFigures[];
  /** The newest finished analysis per category; categories never analysed are absent. */
  coverage: CoverageFigures[];
}

export interface DemandLayer {
  id: string;
  name: string;
  sourceNote: string;
  cellCount: number;
  population: number;
  demo: boolean;
  createdAt: string;
}

/** The measures of one H3 cell the report map can show (see packages/gap units.ts). */
export interface CellMeasures {
  population: number;
  coverageShare: number | null;
  deficit: number;
  priority: number;
}

export interface AnalysisGrid {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    id: string;
    geometry: { type: 'Polygon'; coordinates: Array<Array<[number, number]>> };
    properties: CellMeasures;
  }>;
}

export interface AnalysisParameters {
  category: { id: string; demandGroup: string; catchmentM: number } | string;
  method: string;
  cutoff?: number;
  target?: number;
  weights?: { deficit: number; needs: number; access: number };
}

/** An analysis job as `GET /api/v1/analyses/:id` answers it; `result` only when done. */
export interface AnalysisJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  stale: boolean;
  parameters: AnalysisParameters & Record<string, unknown>;
  createdAt: string;
  finishedAt: string | null;
  result?: { grid: AnalysisGrid; parameters: AnalysisParameters };
}

export function fetchOverview(signal: AbortSignal): Promise<OverviewReport> {
  return request<OverviewReport>('/api/v1/reports/overview', { signal });
}

export async function fetchDemandLayers(signal: AbortSignal): Promise<DemandLayer[]> {
  return (await request<{ demandLayers: DemandLayer[] }>('/api/v1/demand-layers', { signal })).demandLayers;
}

export function fetchAnalysis(id: string, signal: AbortSignal): Promise<AnalysisJob> {
  return request<AnalysisJob>(`/api/v1/analyses/${encodeURIComponent(id)}`, { signal });
}

/** The analysis list carries no results; enough to offer finished ones for export. */
export async function fetchAnalyses(signal: AbortSignal): Promise<AnalysisJob[]> {
  return (await request<{ analyses: AnalysisJob[] }>('/api/v1/analyses', { signal })).analyses;
}

/** The category slug of an analysis, whether its parameters echo the category object or only its id. */
export function analysisCategory(parameters: AnalysisParameters): string {
  return typeof parameters.category === 'string' ? parameters.category : parameters.category.id;
}
