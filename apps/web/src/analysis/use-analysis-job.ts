import type { GapAnalysisResult } from '@quartiersatlas/gap';
import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../api/client.ts';
import { type AnalysisJob, fetchAnalysis } from './api.ts';

/** How often a running analysis is asked for its progress. */
export const POLL_MS = 500;

export type JobState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'running'; job: AnalysisJob }
  | { status: 'done'; job: AnalysisJob; result: GapAnalysisResult }
  | { status: 'failed'; job: AnalysisJob }
  /** The job could not be read (offline, signed out …); `retry` asks again. */
  | { status: 'error'; error: ApiError };

/** The next state for an answer of GET /api/v1/analyses/:id, and whether to ask again. */
export function stateOf(job: AnalysisJob): { state: JobState; poll: boolean } {
  if (job.status === 'done' && job.result) return { state: { status: 'done', job, result: job.result }, poll: false };
  if (job.status === 'failed') return { state: { status: 'failed', job }, poll: false };
  return { state: { status: 'running', job }, poll: true };
}

/**
 * Follows one analysis job: reads it, and while it is queued or running reads it again every
 * POLL_MS until it is done or failed. Stops when the id changes or the view unmounts.
 */
export function useAnalysisJob(id: string | null): { state: JobState; retry: () => void } {
  const [state, setState] = useState<JobState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` restarts the polling after an error
  useEffect(() => {
    if (id === null) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    let timer: number | undefined;
    setState((previous) =>
      previous.status === 'running' && previous.job.id === id ? previous : { status: 'loading' },
    );
    const read = async () => {
      try {
        const job = await fetchAnalysis(id, controller.signal);
        if (controller.signal.aborted) return;
        const next = stateOf(job);
        setState(next.state);
        if (next.poll) timer = window.setTimeout(read, POLL_MS);
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: toApiError(error) });
      }
    };
    void read();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [id, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
