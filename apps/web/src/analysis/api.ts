import type { DemandGroup, SupplyUnit } from '@quartiersatlas/domain';
import type { GapAnalysisResult, Method } from '@quartiersatlas/gap';
import { request } from '../api/client.ts';

/** Every parameter with its default filled in, as the API stores and echoes it (apps/api/src/analysis/params.ts). */
export interface AnalysisParameters {
  category: string;
  method: Method;
  cutoff: number;
  /** `binary`, `linear`, `exponential:<beta>`, `power:<beta>`, `gaussian:<sigma>` or `steps:<d>=<w>,…`. */
  decay: string;
  detour: number;
  target: number;
  supplyUnit: SupplyUnit;
  demandGroup: DemandGroup;
  catchmentM: number;
  weights: PriorityWeights;
  h3Resolution: number;
  potentials: number;
  quarters: string[];
  demandLayer: string;
}

export interface PriorityWeights {
  deficit: number;
  needs: number;
  access: number;
}

export type AnalysisStatus = 'queued' | 'running' | 'done' | 'failed';

export interface AnalysisJob {
  id: string;
  status: AnalysisStatus;
  /** `loading`, `costs`, `measure`, `aggregate`, `potentials` while running; `done` at the end. */
  stage: string | null;
  progress: number;
  /** Records that feed the analysis changed after it ran. */
  stale: boolean;
  error: { code: string; message: string } | null;
  parameters: AnalysisParameters;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Only on GET /api/v1/analyses/:id of a finished job. */
  result?: GapAnalysisResult;
}

/** What the form sends: the API fills in what is left out from the category. */
export interface AnalysisRequest {
  category: string;
  method: Method;
  parameters: {
    cutoff: number;
    decay?: string;
    detour: number;
    target: number;
    weights: PriorityWeights;
    potentials: number;
  };
}

export interface HypotheticalService {
  lon: number;
  lat: number;
  capacity?: number;
  /** The vacancy or brownfield it stands on, when placed at a potential site. */
  siteId?: string;
}

export interface WhatIfAnswer {
  analysisId: string;
  result: GapAnalysisResult;
}

/** 202 with a new job, or 200 with the stored one when the same parameters ran on unchanged data. */
export function startAnalysis(body: AnalysisRequest): Promise<AnalysisJob> {
  return request<AnalysisJob>('/api/v1/analyses', { method: 'POST', body });
}

export function fetchAnalysis(id: string, signal?: AbortSignal): Promise<AnalysisJob> {
  return request<AnalysisJob>(`/api/v1/analyses/${encodeURIComponent(id)}`, { signal });
}

/** The 50 newest analyses, without their results. */
export async function fetchAnalyses(signal?: AbortSignal): Promise<AnalysisJob[]> {
  const { analyses } = await request<{ analyses: AnalysisJob[] }>('/api/v1/analyses', { signal });
  return analyses;
}

/** Recomputes a finished analysis with hypothetical services added; nothing is stored. */
export function runWhatIf(id: string, services: HypotheticalService[], signal?: AbortSignal): Promise<WhatIfAnswer> {
  return request<WhatIfAnswer>(`/api/v1/analyses/${encodeURIComponent(id)}/what-if`, {
    method: 'POST',
    body: { services },
    signal,
  });
}
