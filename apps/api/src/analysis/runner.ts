import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { DecaySpec } from '@quartiersatlas/gap';
import type { FastifyBaseLogger } from 'fastify';
import pLimit from 'p-limit';
import type { Database } from '../db/database.ts';
import { claimNextJob, failJob, finishJob, reportProgress, requeueAbandoned } from '../store/analyses.ts';
import { listQuarters } from '../store/quarters.ts';
import { type AnalysisData, loadAnalysisData } from './inputs.ts';
import { type ResolvedParameters, resolveDecay } from './params.ts';

export interface WorkerRequest {
  parameters: ResolvedParameters;
  decay: DecaySpec;
  data: AnalysisData;
}

export type WorkerMessage =
  | { type: 'progress'; stage: string; progress: number }
  | { type: 'done'; result: string }
  | { type: 'failed'; message: string };

// The analysis stages weigh differently; progress is reported as one 0…1 figure over all of them.
const STAGES = ['loading', 'costs', 'measure', 'aggregate', 'potentials'] as const;
const HEARTBEAT_MS = 5_000;
// A job whose process sent no heartbeat for this long is taken over by another process.
const ABANDONED_MS = 60_000;
const PROGRESS_WRITE_MS = 250;
// What-ifs run beside the queue, each in its own worker; more at once would only share the same cores.
const WHAT_IFS_AT_ONCE = 2;

/**
 * Runs queued analyses one at a time in a worker thread, so the API keeps answering while an
 * analysis computes. Several API processes on one PostgreSQL database share the queue. What-ifs
 * (an analysis with hypothetical services, never stored) run beside it, so they never wait for
 * a long job, nor hold it up.
 */
export class AnalysisRunner {
  private readonly id = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private running: Promise<void> | null = null;
  private readonly workers = new Set<Worker>();
  private readonly whatIfGate = pLimit(WHAT_IFS_AT_ONCE);
  private closed = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: Database,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Starts polling: takes over abandoned jobs and runs queued ones. */
  async start(): Promise<void> {
    const requeued = await requeueAbandoned(this.database.db, this.database.kind === 'sqlite' ? 0 : ABANDONED_MS);
    if (requeued > 0) this.log.info({ requeued }, 'analysis jobs of a stopped process queued again');
    this.timer = setInterval(() => this.kick(), HEARTBEAT_MS);
    this.timer.unref();
    this.kick();
  }

  /** Looks for work now (called after a job was queued). */
  kick(): void {
    if (this.closed || this.running) return;
    this.running = this.drain()
      .catch((err: unknown) => this.log.error({ err }, 'analysis runner failed'))
      .finally(() => {
        this.running = null;
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
    await this.running;
  }

  /** Runs one analysis now, beside the queue, and returns its result as JSON without storing it. */
  whatIf(request: WorkerRequest): Promise<string> {
    return this.whatIfGate(() => {
      if (this.closed) return Promise.reject(new Error('the analysis runner is closed'));
      return this.spawn(request, () => {});
    });
  }

  private async drain(): Promise<void> {
    const { db, kind } = this.database;
    if (kind === 'postgres') await requeueAbandoned(db, ABANDONED_MS);
    for (;;) {
      if (this.closed) return;
      const job = await claimNextJob(db, kind, this.id);
      if (!job) return;
      const started = performance.now();
      try {
        await reportProgress(db, job.id, 'loading', 0);
        const parameters = job.parameters as unknown as ResolvedParameters;
        const data = await loadAnalysisData(db, parameters, await listQuarters(db));
        const result = await this.runWorker(job.id, { parameters, decay: resolveDecay(parameters.decay), data });
        if (this.closed) return;
        await finishJob(db, job.id, result);
        this.log.info({ analysis: job.id, ms: Math.round(performance.now() - started) }, 'analysis done');
      } catch (err) {
        if (this.closed) return;
        this.log.error({ err, analysis: job.id }, 'analysis failed');
        await failJob(db, job.id, {
          code: 'ANALYSIS_FAILED',
          message: err instanceof Error ? err.message : String(err),
        });
      }
    }
  }

  private async runWorker(jobId: string, request: WorkerRequest): Promise<string> {
    const { db } = this.database;
    let lastWrite = 0;
    let lastProgress = 0;
    let writing: Promise<void> = Promise.resolve();
    const heartbeat = setInterval(() => {
      writing = writing.then(() => reportProgress(db, jobId, 'running', lastProgress)).catch(() => {});
    }, HEARTBEAT_MS);
    try {
      return await this.spawn(request, (stage, progress) => {
        lastProgress = progress;
        const time = Date.now();
        if (time - lastWrite < PROGRESS_WRITE_MS) return;
        lastWrite = time;
        writing = writing.then(() => reportProgress(db, jobId, stage, progress)).catch(() => {});
      });
    } finally {
      clearInterval(heartbeat);
      // The last progress write must not land after the job was marked done.
      await writing;
    }
  }

  /** One analysis in a new worker thread; `onProgress` gets the overall 0…1 figure (never 1 before the end). */
  private spawn(request: WorkerRequest, onProgress: (stage: string, progress: number) => void): Promise<string> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: request });
      this.workers.add(worker);
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        this.workers.delete(worker);
        fn();
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          const index = Math.max(0, STAGES.indexOf(message.stage as (typeof STAGES)[number]));
          onProgress(message.stage, Math.min(0.99, (index + message.progress) / STAGES.length));
        } else if (message.type === 'done') {
          settle(() => resolve(message.result));
        } else {
          settle(() => reject(new Error(message.message)));
        }
      });
      worker.on('error', (err) => settle(() => reject(err)));
      worker.on('exit', (code) => settle(() => reject(new Error(`the analysis worker stopped (exit code ${code})`))));
    });
  }
}
