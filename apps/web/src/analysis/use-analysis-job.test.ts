import { describe, expect, it } from 'vitest';
import type { AnalysisJob } from './api.ts';
import { stageOf } from './job-progress.tsx';
import { SCENE_PARAMETERS, sceneResult } from './test-result.ts';
import { stateOf } from './use-analysis-job.ts';

const job: AnalysisJob = {
  id: '0196f3a2-7c1e-7d40-9a51-3f0c2b8e4d17',
  status: 'running',
  stage: 'measure',
  progress: 0.4,
  stale: false,
  error: null,
  parameters: SCENE_PARAMETERS,
  createdAt: '2026-11-21T10:00:00.000Z',
  startedAt: '2026-11-21T10:00:01.000Z',
  finishedAt: null,
};

describe('following an analysis job', () => {
  it('keeps asking while the job is queued or running', () => {
    expect(stateOf({ ...job, status: 'queued', stage: null }).poll).toBe(true);
    expect(stateOf(job)).toEqual({ state: { status: 'running', job }, poll: true });
  });

  it('stops with the result when done, and with the error when failed', () => {
    const result = sceneResult();
    const done = stateOf({ ...job, status: 'done', result });
    expect(done.poll).toBe(false);
    expect(done.state).toMatchObject({ status: 'done', result });
    const failed = stateOf({ ...job, status: 'failed', error: { code: 'ANALYSIS_FAILED', message: 'x' } });
    expect(failed).toMatchObject({ state: { status: 'failed' }, poll: false });
  });

  it('names the stage a person reads while waiting', () => {
    expect(stageOf({ ...job, status: 'queued', stage: null })).toBe('queued');
    expect(stageOf(job)).toBe('measure');
    expect(stageOf({ ...job, stage: 'something-new' })).toBe('loading');
  });
});
