import type { Taxonomy } from '@quartiersatlas/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type AnalysisJob, type AnalysisRequest, type PriorityWeights, startAnalysis } from './api.ts';
import { initialValues } from './form-values.ts';
import { appliedWeights, DEFAULT_WEIGHTS } from './priority.ts';
import { useRecentAnalyses } from './recent-analyses.tsx';
import { useAnalysisJob } from './use-analysis-job.ts';

/** The request that runs a stored analysis again (after it failed, or on changed data). */
export function rerunRequest(job: AnalysisJob, weights: PriorityWeights): AnalysisRequest {
  const p = job.parameters;
  return {
    category: p.category,
    method: p.method,
    parameters: {
      cutoff: p.cutoff,
      decay: p.decay,
      detour: p.detour,
      target: p.target,
      weights,
      potentials: p.potentials,
    },
  };
}

/**
 * Which analysis the view shows and how it gets there: starting one, following its job, the list
 * of earlier ones, the form's starting values and the priority weights on the map. `onResult`
 * runs (during render) when another analysis has finished, to clear what belonged to the last.
 */
export function useAnalysisSession(taxonomy: Taxonomy, onResult: () => void) {
  const [jobId, setJobId] = useState<string | null>(null);
  const { state, retry } = useAnalysisJob(jobId);
  const [starting, setStarting] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const recent = useRecentAnalyses(refresh);
  const job = state.status === 'running' || state.status === 'done' || state.status === 'failed' ? state.job : null;
  const result = state.status === 'done' ? state.result : null;

  const [weights, setWeights] = useState<PriorityWeights>(DEFAULT_WEIGHTS);
  // While every weight is 0 there is no index; the map keeps the last one that was.
  const appliedNow = useMemo(() => appliedWeights(weights), [weights]);
  const lastApplied = useRef<PriorityWeights>(DEFAULT_WEIGHTS);
  if (appliedNow) lastApplied.current = appliedNow;
  const applied = appliedNow ?? lastApplied.current;

  // A finished analysis brings its parameters into the form and its weights onto the map, once
  // per analysis (adjusted while rendering, not in an effect, so the first frame already shows them).
  const doneId = result && job ? job.id : null;
  const [formSeed, setFormSeed] = useState(() => initialValues(taxonomy, undefined));
  const [seenDone, setSeenDone] = useState<string | null>(null);
  if (doneId && job && doneId !== seenDone) {
    setSeenDone(doneId);
    setFormSeed(initialValues(taxonomy, job.parameters));
    setWeights(job.parameters.weights);
    setRefresh((n) => n + 1);
    onResult();
  }

  // Coming back to the view: the newest finished analysis is on the map at once.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || jobId !== null || recent.resource.status !== 'ready') return;
    opened.current = true;
    const newest = recent.resource.data.find((item) => item.status === 'done');
    if (newest) setJobId(newest.id);
  }, [recent.resource, jobId]);

  const start = useCallback(async (request: AnalysisRequest) => {
    setStarting(true);
    try {
      const started = await startAnalysis(request);
      opened.current = true;
      setJobId(started.id);
      setRefresh((n) => n + 1);
    } finally {
      setStarting(false);
    }
  }, []);

  return {
    jobId,
    open: setJobId,
    state,
    retry,
    job,
    result,
    /** The parameters of the shown result (none while another runs). */
    parameters: result ? job?.parameters : undefined,
    doneId,
    recent,
    starting,
    start,
    weights,
    setWeights,
    applied,
    formSeed,
  };
}
