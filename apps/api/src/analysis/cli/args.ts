import { parseArgs } from 'node:util';
import { type DecaySpec, METHODS, type Method, parseDecay } from '@quartiersatlas/gap';
import { UsageError } from './usage-error.ts';

export const USAGE = `usage: npm run analyze -- --supply <geojson|csv> --demand <geojson|csv> --method <method> --cutoff <metres> --out <csv>
  [--decay <decay>] [--detour <factor>] [--network <geojson> | --costs <csv>]
  [--supply-weight <field>] [--demand-weight <field>] [--id-field <field>] [--crs EPSG:3035|EPSG:25832]
methods: ${METHODS.join(', ')}
decays:  binary, linear, exponential:<beta per metre>, power:<beta>, gaussian:<sigma metres>, steps:<d1>=<w1>,<d2>=<w2>,…
see docs/analysis-cli.md`;

/** Planar CRSs the CLI takes x/y coordinates in; distances are Euclidean metres in them. */
export const PLANAR_CRSS = ['EPSG:3035', 'EPSG:25832'] as const;
export type PlanarCrs = (typeof PLANAR_CRSS)[number];

export interface AnalyzeOptions {
  supply: string;
  demand: string;
  method: Method;
  cutoff: number;
  out: string;
  decay?: DecaySpec;
  detour?: number;
  network?: string;
  costs?: string;
  supplyWeight?: string;
  demandWeight?: string;
  idField: string;
  crs?: PlanarCrs;
}

const OPTIONS = {
  supply: { type: 'string' },
  demand: { type: 'string' },
  method: { type: 'string' },
  cutoff: { type: 'string' },
  decay: { type: 'string' },
  detour: { type: 'string' },
  network: { type: 'string' },
  costs: { type: 'string' },
  'supply-weight': { type: 'string' },
  'demand-weight': { type: 'string' },
  'id-field': { type: 'string' },
  crs: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

function positiveNumber(text: string, name: string, what: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`--${name}: "${text}" is not ${what}`);
  }
  return value;
}

/** The command line as options, or `help`; throws UsageError naming the argument that is wrong. */
export function readArgs(argv: readonly string[]): AnalyzeOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    // node:util names the offending argument; keep its first sentence.
    throw new UsageError((err as Error).message.split('\n')[0] ?? String(err));
  }
  if (values.help) return 'help';
  const method = required(values, 'method').trim().toLowerCase();
  if (!(METHODS as readonly string[]).includes(method)) {
    throw new UsageError(`--method: "${method}" is not one of ${METHODS.join(', ')}`);
  }
  const options: AnalyzeOptions = {
    supply: required(values, 'supply'),
    demand: required(values, 'demand'),
    method: method as Method,
    cutoff: positiveNumber(required(values, 'cutoff'), 'cutoff', 'a distance in metres > 0'),
    out: required(values, 'out'),
    idField: typeof values['id-field'] === 'string' ? values['id-field'] : 'id',
  };
  if (typeof values.decay === 'string') {
    const parsed = parseDecay(values.decay);
    if (!parsed.ok) throw new UsageError(`--decay: ${parsed.error}`);
    options.decay = parsed.decay;
  }
  if (typeof values.network === 'string') options.network = values.network;
  if (typeof values.costs === 'string') options.costs = values.costs;
  if (options.network !== undefined && options.costs !== undefined) {
    throw new UsageError('--network and --costs exclude each other: costs come from one or the other');
  }
  if (typeof values.detour === 'string') {
    if (options.network !== undefined || options.costs !== undefined) {
      throw new UsageError('--detour applies to straight-line distances only, not to --network or --costs');
    }
    options.detour = positiveNumber(values.detour, 'detour', 'a factor ≥ 1');
    if (options.detour < 1) throw new UsageError(`--detour: "${values.detour}" is not a factor ≥ 1`);
  }
  if (typeof values['supply-weight'] === 'string') options.supplyWeight = values['supply-weight'];
  if (typeof values['demand-weight'] === 'string') options.demandWeight = values['demand-weight'];
  if (typeof values.crs === 'string') {
    const crs = values.crs.trim().toUpperCase();
    if (!(PLANAR_CRSS as readonly string[]).includes(crs)) {
      throw new UsageError(`--crs: "${values.crs}" is not one of ${PLANAR_CRSS.join(', ')}`);
    }
    options.crs = crs as PlanarCrs;
  }
  return options;
}
