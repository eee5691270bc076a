import { createHash } from 'node:crypto';
import { type Category, findCategory, Slug, StringEnum, type Taxonomy, Uuid } from '@quartiersatlas/domain';
import { type DecaySpec, effectiveDecay, formatDecay, METHODS, type Method, parseDecay } from '@quartiersatlas/gap';
import Type, { type Static } from 'typebox';
import { AppError } from '../errors.ts';

export const PRIORITY_WEIGHTS = { deficit: 0.5, needs: 0.3, access: 0.2 } as const;
// Streets are rarely straight: 1.3 turns crow-flight metres into a fair estimate of walking metres
// where no street network is loaded.
export const DEFAULT_DETOUR = 1.3;

const Weight = Type.Number({ minimum: 0, maximum: 1 });

export const COSTS = ['network', 'straight-line'] as const;

/** A stored street network, as an analysis names the one it walks on. */
export interface NetworkRef {
  id: string;
  name: string;
}

export const AnalysisRequestSchema = Type.Object(
  {
    category: Slug,
    method: StringEnum(METHODS),
    parameters: Type.Optional(
      Type.Object(
        {
          cutoff: Type.Optional(
            Type.Number({ minimum: 50, maximum: 20_000, description: 'metres; default: the category catchment' }),
          ),
          decay: Type.Optional(
            Type.String({
              maxLength: 200,
              description:
                'binary, linear, exponential:<beta per metre>, power:<beta>, gaussian:<sigma metres> or steps:<d1>=<w1>,<d2>=<w2>,…',
            }),
          ),
          detour: Type.Optional(
            Type.Number({ minimum: 1, maximum: 3, description: `straight line × detour; default ${DEFAULT_DETOUR}` }),
          ),
          target: Type.Optional(
            Type.Number({
              exclusiveMinimum: 0,
              maximum: 100_000,
              description: 'units per 1,000 people; default: the category target',
            }),
          ),
          weights: Type.Optional(
            Type.Object(
              { deficit: Weight, needs: Weight, access: Weight },
              { additionalProperties: false, description: 'priority index weights' },
            ),
          ),
          h3Resolution: Type.Optional(
            Type.Integer({
              minimum: 6,
              maximum: 11,
              description: 'H3 grid resolution; default 9 (about 0.1 km² per cell)',
            }),
          ),
          potentials: Type.Optional(
            Type.Integer({ minimum: 0, maximum: 50, description: 'how many sites to pick; default 5' }),
          ),
          costs: Type.Optional(
            StringEnum(COSTS, {
              description:
                'network (default): walking distances on the newest imported street network, straight line × detour while none is imported; straight-line: straight line × detour even when a network exists',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    area: Type.Optional(
      Type.Object(
        {
          quarters: Type.Array(Slug, {
            minItems: 1,
            maxItems: 50,
            uniqueItems: true,
            description: 'default: all quarters',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    demandLayer: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type AnalysisRequest = Static<typeof AnalysisRequestSchema>;

/** Every parameter with its default filled in: what the job runs with and what the result echoes. */
export interface ResolvedParameters {
  category: string;
  method: Method;
  cutoff: number;
  decay: string;
  detour: number;
  target: number;
  supplyUnit: Category['supplyUnit'];
  demandGroup: Category['demandGroup'];
  catchmentM: number;
  weights: { deficit: number; needs: number; access: number };
  h3Resolution: number;
  potentials: number;
  quarters: string[];
  demandLayer: string;
  /** `network`: walking distances on the street network; `straight-line`: distance × detour. */
  costs: (typeof COSTS)[number];
  /** The street network chosen when the job was created; absent with `network`: the newest when it runs. */
  network?: NetworkRef;
}

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { summary: `${field} ${message}` }, [
    { field, code: 'INVALID_PARAMETER', message },
  ]);
}

/**
 * `context.network` is the newest street network (null: none imported). A caller that leaves it
 * out lets the job take the newest network when it runs.
 */
export function resolveParameters(
  request: AnalysisRequest,
  taxonomy: Taxonomy,
  context: { quarters: string[]; demandLayer: string; network?: NetworkRef | null },
): { parameters: ResolvedParameters; decay: DecaySpec } {
  const category = findCategory(taxonomy, request.category);
  if (!category) {
    throw new AppError('UNKNOWN_CATEGORY', { summary: `category "${request.category}" is not in the taxonomy` }, [
      { field: 'category', code: 'UNKNOWN_CATEGORY', message: `"${request.category}" is not in the taxonomy` },
    ]);
  }
  const p = request.parameters ?? {};
  // Without a decay each method gets the engine's own default (Gaussian for gravity, zones for
  // E2SFCA/3SFCA, binary for the rest), written out so the job's parameters say what ran.
  const cutoff = p.cutoff ?? category.catchmentM;
  const fallback = effectiveDecay(request.method, undefined, cutoff);
  const decayText = p.decay ?? (fallback && fallback.kind !== 'gravity' ? formatDecay(fallback) : 'binary');
  const decay = parseDecay(decayText);
  if (!decay.ok) throw invalid('parameters.decay', decay.error);
  const weights = p.weights ?? PRIORITY_WEIGHTS;
  if (weights.deficit + weights.needs + weights.access <= 0)
    throw invalid('parameters.weights', 'at least one weight must be above 0');
  const unknownQuarter = request.area?.quarters.find((q) => !context.quarters.includes(q));
  if (unknownQuarter) {
    throw new AppError('UNKNOWN_QUARTER', { quarterId: unknownQuarter }, [
      { field: 'area.quarters', code: 'UNKNOWN_QUARTER', message: `there is no quarter "${unknownQuarter}"` },
    ]);
  }
  const parameters: ResolvedParameters = {
    category: category.id,
    method: request.method,
    cutoff,
    decay: decayText,
    detour: p.detour ?? DEFAULT_DETOUR,
    target: p.target ?? category.targetPer1000,
    supplyUnit: category.supplyUnit,
    demandGroup: category.demandGroup,
    catchmentM: category.catchmentM,
    weights,
    h3Resolution: p.h3Resolution ?? 9,
    potentials: p.potentials ?? 5,
    quarters: [...(request.area?.quarters ?? context.quarters)].sort(),
    demandLayer: context.demandLayer,
    costs: p.costs === 'straight-line' || context.network === null ? 'straight-line' : 'network',
  };
  // Part of the input hash: a newly imported network gives a new analysis rather than the old result.
  if (parameters.costs === 'network' && context.network)
    parameters.network = { id: context.network.id, name: context.network.name };
  return { parameters, decay: decay.decay };
}

/** The decay of stored parameters, which were checked when the job was created. */
export function resolveDecay(text: string): DecaySpec {
  const parsed = parseDecay(text);
  if (!parsed.ok) throw new Error(`stored decay "${text}" is invalid: ${parsed.error}`);
  return parsed.decay;
}

/** Same parameters on the same demand layer → same hash; record changes are checked separately (staleness). */
export function inputHash(parameters: ResolvedParameters): string {
  return createHash('sha256').update(canonicalJson(parameters)).digest('hex');
}

/** JSON with object keys in sorted order at every depth, so equal inputs hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
