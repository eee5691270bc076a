import { randomUUID } from 'node:crypto';
import type { DatabaseKind } from '../db/database.ts';
import type { AnalysesTable, Db } from '../db/schema.ts';
import { now } from './time.ts';

export type AnalysisStatus = 'queued' | 'running' | 'done' | 'failed';

export interface AnalysisJob {
  id: string;
  inputHash: string;
  category: string;
  method: string;
  parameters: Record<string, unknown>;
  status: AnalysisStatus;
  stage: string | null;
  progress: number;
  error: { code: string; message: string } | null;
  dataVersion: number;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

function fromRow(row: Omit<AnalysesTable, 'result'>): AnalysisJob {
  return {
    id: row.id,
    inputHash: row.input_hash,
    category: row.category,
    method: row.method,
    parameters: JSON.parse(row.parameters) as Record<string, unknown>,
    status: row.status as AnalysisStatus,
    stage: row.stage,
    progress: Number(row.progress),
    error: row.error ? (JSON.parse(row.error) as AnalysisJob['error']) : null,
    dataVersion: Number(row.data_version),
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

const JOB_COLUMNS = [
  'id',
  'input_hash',
  'category',
  'method',
  'parameters',
  'status',
  'stage',
  'progress',
  'error',
  'data_version',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
  'claimed_by',
  'heartbeat_at',
] as const;

/** The record counter now: everything written so far has a version at or below it. */
export async function currentDataVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', 'records').executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function createJob(
  db: Db,
  job: {
    inputHash: string;
    category: string;
    method: string;
    parameters: Record<string, unknown>;
    createdBy: string | null;
  },
): Promise<AnalysisJob> {
  const row: AnalysesTable = {
    id: randomUUID(),
    input_hash: job.inputHash,
    category: job.category,
    method: job.method,
    parameters: JSON.stringify(job.parameters),
    status: 'queued',
    stage: null,
    progress: 0,
    error: null,
    result: null,
    data_version: await currentDataVersion(db),
    created_by: job.createdBy,
    created_at: now(),
    started_at: null,
    finished_at: null,
    claimed_by: null,
    heartbeat_at: null,
  };
  await db.insertInto('analyses').values(row).execute();
  return fromRow(row);
}

export async function getJob(db: Db, id: string): Promise<AnalysisJob | undefined> {
  const row = await db.selectFrom('analyses').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function getResult(db: Db, id: string): Promise<string | null> {
  const row = await db.selectFrom('analyses').select('result').where('id', '=', id).executeTakeFirst();
  return row?.result ?? null;
}

export async function listJobs(db: Db, limit: number): Promise<AnalysisJob[]> {
  const rows = await db.selectFrom('analyses').select(JOB_COLUMNS).orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map(fromRow);
}

/** The newest job for this input that is queued, running or done (failed ones are retried). */
export async function findReusable(db: Db, inputHash: string): Promise<AnalysisJob | undefined> {
  const row = await db
    .selectFrom('analyses')
    .select(JOB_COLUMNS)
    .where('input_hash', '=', inputHash)
    .where('status', 'in', ['queued', 'running', 'done'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/**
 * Whether records that feed this analysis changed after it read its data: services and needs of
 * its category, and any vacancy or brownfield (the candidate sites).
 */
export async function isStale(db: Db, job: AnalysisJob): Promise<boolean> {
  const changed = await db
    .selectFrom('records')
    .select('id')
    .where('version', '>', job.dataVersion)
    .where((eb) => eb.or([eb('category', '=', job.category), eb('kind', 'in', ['vacancy', 'brownfield'])]))
    .limit(1)
    .executeTakeFirst();
  if (changed) return true;
  if (!job.startedAt) return false;
  const quarters = await db
    .selectFrom('quarters')
    .select('id')
    .where('updated_at', '>', job.startedAt)
    .limit(1)
    .executeTakeFirst();
  return quarters !== undefined;
}

/**
 * Takes the oldest queued job for this process. On PostgreSQL several API processes may poll at
 * once; SKIP LOCKED lets each take a different job without waiting on the others.
 */
export async function claimNextJob(db: Db, kind: DatabaseKind, worker: string): Promise<AnalysisJob | undefined> {
  return db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('analyses').select('id').where('status', '=', 'queued').orderBy('created_at').limit(1);
    if (kind === 'postgres') query = query.forUpdate().skipLocked();
    const next = await query.executeTakeFirst();
    if (!next) return undefined;
    const time = now();
    // data_version is read at claim time: the job reads the records right after this.
    const version = await trx
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'records')
      .executeTakeFirstOrThrow();
    const row = await trx
      .updateTable('analyses')
      .set({
        status: 'running',
        claimed_by: worker,
        started_at: time,
        heartbeat_at: time,
        data_version: Number(version.value),
      })
      .where('id', '=', next.id)
      .where('status', '=', 'queued')
      .returning(JOB_COLUMNS)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  });
}

export async function reportProgress(db: Db, id: string, stage: string, progress: number): Promise<void> {
  await db.updateTable('analyses').set({ stage, progress, heartbeat_at: now() }).where('id', '=', id).execute();
}

export async function finishJob(db: Db, id: string, result: string): Promise<void> {
  await db
    .updateTable('analyses')
    .set({ status: 'done', stage: 'done', progress: 1, result, finished_at: now(), heartbeat_at: now() })
    .where('id', '=', id)
    .execute();
}

export async function failJob(db: Db, id: string, error: { code: string; message: string }): Promise<void> {
  await db
    .updateTable('analyses')
    .set({ status: 'failed', error: JSON.stringify(error), finished_at: now() })
    .where('id', '=', id)
    .execute();
}

/** Puts running jobs whose process stopped sending heartbeats back in the queue. */
export async function requeueAbandoned(db: Db, olderThanMs: number): Promise<number> {
  const limit = new Date(Date.now() - olderThanMs).toISOString();
  const result = await db
    .updateTable('analyses')
    .set({ status: 'queued', claimed_by: null, stage: null, progress: 0 })
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('heartbeat_at', '<', limit), eb('heartbeat_at', 'is', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
