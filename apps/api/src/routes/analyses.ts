import { findCategory } from '@quartiersatlas/domain';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { AnalysisRequestSchema, inputHash, resolveParameters } from '../analysis/params.ts';
import type { AnalysisRunner } from '../analysis/runner.ts';
import { MAX_WHAT_IF_SERVICES, runWhatIf, type WhatIfRequest, WhatIfRequestSchema } from '../analysis/what-if.ts';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { requireCaller, STAFF } from '../plugins/auth.ts';
import { type AnalysisJob, createJob, findReusable, getJob, getResult, isStale, listJobs } from '../store/analyses.ts';
import { defaultDemandLayer, listDemandLayers } from '../store/demand.ts';
import { newestNetwork } from '../store/networks.ts';
import { listQuarters } from '../store/quarters.ts';
import { getTaxonomy } from '../store/taxonomy.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

async function view(db: Db, job: AnalysisJob) {
  return {
    id: job.id,
    status: job.status,
    stage: job.stage,
    progress: job.progress,
    stale: job.status === 'done' ? await isStale(db, job) : false,
    error: job.error,
    parameters: job.parameters,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    links: { self: `/api/v1/analyses/${job.id}` },
  };
}

export async function analysisRoutes(
  app: FastifyInstance,
  { db, runner }: { db: Db; runner: AnalysisRunner },
): Promise<void> {
  app.post<{ Body: Static<typeof AnalysisRequestSchema> }>(
    '/api/v1/analyses',
    {
      config: { access: STAFF },
      schema: {
        tags: ['analyses'],
        summary: 'Start a gap analysis for one category (runs in the background)',
        description:
          'Answers 202 with the job; poll its link for progress and the result. The same parameters on unchanged data answer 200 with the stored result.',
        body: AnalysisRequestSchema,
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const [taxonomy, quarters, layers] = await Promise.all([getTaxonomy(db), listQuarters(db), listDemandLayers(db)]);
      const wanted = request.body.demandLayer;
      // Without a chosen layer, the newest one that counts the category's people (an over-80 grid
      // must not become the population of a groceries analysis).
      const layer = wanted
        ? layers.find((l) => l.id === wanted)
        : await defaultDemandLayer(db, taxonomy, request.body.category);
      if (!layer) {
        if (wanted) {
          throw new AppError('UNKNOWN_DEMAND_LAYER', { id: wanted }, [
            { field: 'demandLayer', code: 'UNKNOWN_DEMAND_LAYER', message: `there is no population layer ${wanted}` },
          ]);
        }
        if (layers.length === 0) throw new AppError('NO_DEMAND_LAYER');
        const group = findCategory(taxonomy, request.body.category)?.demandGroup ?? 'all';
        throw new AppError('NO_DEMAND_LAYER_FOR_GROUP', { group });
      }
      // The network is part of the parameters, so an analysis after a network import computes anew.
      const { parameters } = resolveParameters(request.body, taxonomy, {
        quarters: quarters.map((q) => q.id),
        demandLayer: layer.id,
        network: (await newestNetwork(db)) ?? null,
      });
      const hash = inputHash(parameters);
      const existing = await findReusable(db, hash);
      if (existing && (existing.status !== 'done' || !(await isStale(db, existing)))) {
        reply.code(existing.status === 'done' ? 200 : 202).header('location', `/api/v1/analyses/${existing.id}`);
        return view(db, existing);
      }
      const job = await createJob(db, {
        inputHash: hash,
        category: parameters.category,
        method: parameters.method,
        parameters: parameters as unknown as Record<string, unknown>,
        createdBy: caller.account.id,
      });
      runner.kick();
      reply.code(202).header('location', `/api/v1/analyses/${job.id}`);
      return view(db, job);
    },
  );

  app.get(
    '/api/v1/analyses',
    {
      config: { access: STAFF },
      schema: { tags: ['analyses'], summary: 'The 50 most recent analyses, without results' },
    },
    async () => ({ analyses: await Promise.all((await listJobs(db, 50)).map((job) => view(db, job))) }),
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/v1/analyses/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['analyses'],
        summary:
          'An analysis: its progress, and when done the H3 grid (GeoJSON), the per-quarter table and the potentials',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const job = await getJob(db, request.params.id);
      if (!job) throw new AppError('ANALYSIS_NOT_FOUND', { id: request.params.id });
      const body = await view(db, job);
      const result = job.status === 'done' ? await getResult(db, job.id) : null;
      if (result === null) return body;
      // The stored result is already JSON: splice it in rather than parse and re-serialise megabytes.
      const head = JSON.stringify(body);
      return reply.type('application/json; charset=utf-8').send(`${head.slice(0, -1)},"result":${result}}`);
    },
  );

  app.post<{ Params: Static<typeof IdParams>; Body: WhatIfRequest }>(
    '/api/v1/analyses/:id/what-if',
    {
      config: { access: STAFF },
      schema: {
        tags: ['analyses'],
        summary: 'What if: the analysis again with hypothetical services added, without storing anything',
        description: `Up to ${MAX_WHAT_IF_SERVICES} services at a site or anywhere; the result has the stored result's shape, the hypothetical services appear as what-if-1, what-if-2, …. It runs on the data as it is now, with the analysis's parameters. 409 ANALYSIS_NOT_DONE while the analysis has no result.`,
        params: IdParams,
        body: WhatIfRequestSchema,
      },
    },
    async (request, reply) => {
      const body = await runWhatIf(db, runner, request.params.id, request.body);
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  app.get(
    '/api/v1/demand-layers',
    {
      config: { access: STAFF },
      schema: { tags: ['analyses'], summary: 'Population layers available as demand, newest first' },
    },
    async () => ({ demandLayers: await listDemandLayers(db) }),
  );
}
