import { UuidPattern } from '@quartiersatlas/domain';
import type { PointLayer } from '@quartiersatlas/gap';
import Type, { type Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { getJob } from '../store/analyses.ts';
import { listQuarters } from '../store/quarters.ts';
import { type AnalysisData, loadAnalysisData } from './inputs.ts';
import { type ResolvedParameters, resolveDecay } from './params.ts';
import type { AnalysisRunner } from './runner.ts';

export const MAX_WHAT_IF_SERVICES = 20;

export const WhatIfRequestSchema = Type.Object(
  {
    services: Type.Array(
      Type.Object(
        {
          lon: Type.Number({ minimum: -180, maximum: 180 }),
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          capacity: Type.Optional(
            Type.Number({
              exclusiveMinimum: 0,
              maximum: 100_000,
              description:
                'places, for categories counted in places; default: the median of the services counted so far',
            }),
          ),
          siteId: Type.Optional(
            Type.String({
              pattern: UuidPattern,
              description: 'a vacancy or brownfield of the analysed area the service would use',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_WHAT_IF_SERVICES },
    ),
  },
  { additionalProperties: false },
);
export type WhatIfRequest = Static<typeof WhatIfRequestSchema>;

/** The ids hypothetical services carry in the result (e.g. as a cell's nearest service). */
export const whatIfServiceId = (index: number) => `what-if-${index + 1}`;

function median(values: Float64Array): number {
  if (values.length === 0) return 1;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function appendPoints(layer: PointLayer, points: Array<{ id: string; x: number; y: number; weight: number }>) {
  return {
    ...layer,
    ids: [...layer.ids, ...points.map((p) => p.id)],
    x: Float64Array.from([...layer.x, ...points.map((p) => p.x)]),
    y: Float64Array.from([...layer.y, ...points.map((p) => p.y)]),
    weight: Float64Array.from([...layer.weight, ...points.map((p) => p.weight)]),
  };
}

/**
 * The analysis data with the hypothetical services added to the supply. A site a service is placed
 * at is no longer a candidate for the potentials: it is taken.
 */
export function withHypotheticalServices(
  data: AnalysisData,
  parameters: ResolvedParameters,
  services: WhatIfRequest['services'],
): AnalysisData {
  const siteIndex = new Map(data.sites.ids.map((id, i) => [id, i]));
  services.forEach((service, i) => {
    if (service.siteId !== undefined && !siteIndex.has(service.siteId.toLowerCase())) {
      const message = 'is not a vacancy or brownfield in the analysed area';
      throw new AppError('VALIDATION_FAILED', { summary: `services[${i}].siteId ${message}` }, [
        { field: `services[${i}].siteId`, code: 'UNKNOWN_SITE', message },
      ]);
    }
  });
  // A place-counted service without a given capacity counts like a typical one, as in loadAnalysisData.
  const typical = median(data.supply.weight);
  const supply = appendPoints(
    data.supply,
    services.map((service, i) => ({
      id: whatIfServiceId(i),
      x: service.lon,
      y: service.lat,
      weight: parameters.supplyUnit === 'places' ? (service.capacity ?? typical) : 1,
    })),
  );
  const taken = new Set(services.flatMap((s) => (s.siteId ? [s.siteId.toLowerCase()] : [])));
  const keep = data.sites.ids.map((id) => !taken.has(id));
  const pick = <T>(values: ArrayLike<T>) => Array.from(values).filter((_, i) => keep[i]);
  const sites = {
    ...data.sites,
    ids: pick(data.sites.ids),
    x: Float64Array.from(pick(data.sites.x)),
    y: Float64Array.from(pick(data.sites.y)),
    weight: Float64Array.from(pick(data.sites.weight)),
    kinds: pick(data.sites.kinds),
  };
  return { ...data, supply, sites };
}

/**
 * Runs a stored analysis again with hypothetical services, on the data as it is now, and answers
 * `{analysisId, parameters, result}` as JSON text. Nothing is stored.
 */
export async function runWhatIf(db: Db, runner: AnalysisRunner, id: string, request: WhatIfRequest): Promise<string> {
  const job = await getJob(db, id);
  if (!job) throw new AppError('ANALYSIS_NOT_FOUND', { id });
  if (job.status !== 'done') throw new AppError('ANALYSIS_NOT_DONE', { id, status: job.status });
  const parameters = job.parameters as unknown as ResolvedParameters;
  const data = await loadAnalysisData(db, parameters, await listQuarters(db));
  const changed = withHypotheticalServices(data, parameters, request.services);
  let result: string;
  try {
    result = await runner.whatIf({ parameters, decay: resolveDecay(parameters.decay), data: changed });
  } catch (err) {
    throw new AppError('ANALYSIS_FAILED', { reason: err instanceof Error ? err.message : String(err) });
  }
  // The result is JSON already: splice it in rather than parse and re-serialise megabytes.
  return `{"analysisId":${JSON.stringify(job.id)},"parameters":${JSON.stringify(job.parameters)},"result":${result}}`;
}
