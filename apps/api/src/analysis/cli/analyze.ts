import { readFileSync } from 'node:fs';
import {
  buildNetwork,
  type CostMatrix,
  computeMeasure,
  type LineFeatureCollection,
  networkMatrix,
  type PointLayer,
  straightLineMatrix,
} from '@quartiersatlas/gap';
import type { AnalyzeOptions } from './args.ts';
import { matrixFromCostTable } from './costs.ts';
import { loadDemand } from './demand.ts';
import { resultCsv, writeAtomically } from './output.ts';
import { loadPoints } from './points.ts';
import { progressLines } from './progress.ts';
import { UsageError } from './usage-error.ts';

function readInput(argument: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    throw new UsageError(`${argument}: cannot read "${path}" (${reason})`);
  }
}

interface Costs {
  matrix: CostMatrix;
  /** Demand → demand costs, only for `fca`. */
  neighbors?: CostMatrix;
  notes: string[];
}

function networkCosts(
  options: AnalyzeOptions,
  path: string,
  demand: PointLayer,
  supply: PointLayer,
  stage: ReturnType<typeof progressLines>,
): Costs {
  let json: unknown;
  try {
    json = JSON.parse(readInput('--network', path));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--network ${path}: not valid JSON (${(err as Error).message})`);
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (typeof fc !== 'object' || fc === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new UsageError(`--network ${path}: not a GeoJSON FeatureCollection`);
  }
  const network = buildNetwork(fc as LineFeatureCollection, { crs: options.crs ? 'planar' : 'wgs84' });
  if (network.edgeCount === 0) throw new UsageError(`--network ${path}: has no LineString streets`);
  const maxCost = options.cutoff;
  const result = networkMatrix(network, demand, supply, { maxCost, onProgress: stage('walking distances') });
  const notes: string[] = [];
  const far = [
    result.demandSnap.unsnapped.length > 0 ? `${result.demandSnap.unsnapped.length} demand` : '',
    result.supplySnap.unsnapped.length > 0 ? `${result.supplySnap.unsnapped.length} supply` : '',
  ].filter(Boolean);
  if (far.length > 0) notes.push(`${far.join(' and ')} points lie over ${result.demandSnap.maxSnap} m from any street`);
  const neighbors = options.method === 'fca' ? networkMatrix(network, demand, demand, { maxCost }).matrix : undefined;
  return { matrix: result.matrix, ...(neighbors ? { neighbors } : {}), notes };
}

/** Runs one analysis from parsed options; returns the summary lines for stderr. */
export function analyze(options: AnalyzeOptions, log: (line: string) => void): string[] {
  const stage = progressLines(log);
  const usesCosts = options.costs !== undefined;
  if (usesCosts && options.method === 'fca') {
    throw new UsageError('--method fca needs demand-to-demand distances, which --costs does not give');
  }
  const common = { idField: options.idField, coordinatesOptional: usesCosts, crs: options.crs };
  const supply = loadPoints(options.supply, readInput('--supply', options.supply), {
    ...common,
    source: `--supply ${options.supply}`,
    weightField: options.supplyWeight,
    idsRequired: usesCosts,
  });
  const demand = loadDemand(options.demand, readInput('--demand', options.demand), {
    ...common,
    source: `--demand ${options.demand}`,
    weightField: options.demandWeight,
    idsRequired: true,
  });
  const maxCost = options.cutoff;
  let costs: Costs;
  if (options.costs !== undefined) {
    const text = readInput('--costs', options.costs);
    const matrix = matrixFromCostTable(text, `--costs ${options.costs}`, demand.layer.ids, supply.ids, maxCost);
    costs = { matrix, notes: [] };
  } else if (options.network !== undefined) {
    costs = networkCosts(options, options.network, demand.layer, supply, stage);
  } else {
    const straight = { maxCost, detour: options.detour ?? 1 };
    const matrix = straightLineMatrix(demand.layer, supply, { ...straight, onProgress: stage('distances') });
    const neighbors = options.method === 'fca' ? straightLineMatrix(demand.layer, demand.layer, straight) : undefined;
    costs = { matrix, ...(neighbors ? { neighbors } : {}), notes: [] };
  }
  const result = computeMeasure(
    options.method,
    costs.matrix,
    demand.layer.weight,
    supply.weight,
    {
      cutoff: options.cutoff,
      ...(options.decay ? { decay: options.decay } : {}),
      ...(costs.neighbors ? { neighbors: costs.neighbors } : {}),
    },
    stage(options.method),
  );
  writeAtomically(options.out, resultCsv(demand.layer.ids, result.values));
  const unreachable = result.values.reduce((n, v) => (Number.isNaN(v) ? n + 1 : n), 0);
  return [
    `demand: ${demand.note}`,
    `supply: ${supply.ids.length} points`,
    ...costs.notes,
    `${options.method}: wrote ${demand.layer.ids.length} rows to ${options.out} (${unreachable} with nothing within ${options.cutoff})`,
  ];
}
