import { parentPort, workerData } from 'node:worker_threads';
import { analyzeGaps, buildNetwork, type CostMatrix, type GapProgressFn, networkMatrix } from '@quartiersatlas/gap';
import type { WorkerMessage, WorkerRequest } from './runner.ts';

// Runs one gap analysis off the API's request thread and reports progress as it goes.
const request = workerData as WorkerRequest;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const onProgress: GapProgressFn = (stage, done, total) =>
  post({ type: 'progress', stage, progress: total > 0 ? done / total : 0 });

interface NetworkCosts {
  matrix: CostMatrix;
  neighbors?: CostMatrix;
  /** What the result tells about the network: which one, and who it could not reach. */
  echo: Record<string, unknown>;
}

/**
 * Walking distances on the street network: demand → supply within the cutoff (and demand →
 * demand for the floating catchment ratio). Points over 500 m from every street reach nothing;
 * the result says how many there were, so a network that misses the area shows.
 */
function networkCosts(): NetworkCosts | null {
  const { network: stored, demand, supply } = request.data;
  if (!stored) return null;
  const network = buildNetwork(JSON.parse(stored.lines) as number[][][]);
  const maxCost = request.parameters.cutoff;
  const result = networkMatrix(network, demand, supply, {
    maxCost,
    onProgress: (done, total) => onProgress('costs', done, total),
  });
  const neighbors =
    request.parameters.method === 'fca' ? networkMatrix(network, demand, demand, { maxCost }).matrix : undefined;
  return {
    matrix: result.matrix,
    ...(neighbors ? { neighbors } : {}),
    echo: {
      id: stored.id,
      name: stored.name,
      maxSnapM: result.demandSnap.maxSnap,
      demandUnsnapped: result.demandSnap.unsnapped.length,
      supplyUnsnapped: result.supplySnap.unsnapped.length,
      demandOffMain: result.disconnected.demand,
      supplyOffMain: result.disconnected.supply,
    },
  };
}

try {
  const costs = networkCosts();
  const result = analyzeGaps(
    {
      category: {
        id: request.parameters.category,
        demandGroup: request.parameters.demandGroup,
        catchmentM: request.parameters.catchmentM,
      },
      method: request.parameters.method,
      cutoff: request.parameters.cutoff,
      decay: request.decay,
      detour: request.parameters.detour,
      target: request.parameters.target,
      weights: request.parameters.weights,
      h3Resolution: request.parameters.h3Resolution,
      potentialsCount: request.parameters.potentials,
      demand: request.data.demand,
      supply: request.data.supply,
      needs: request.data.needs,
      sites: request.data.sites,
      quarters: request.data.quarters,
      ...(costs ? { matrix: costs.matrix } : {}),
      ...(costs?.neighbors ? { neighbors: costs.neighbors } : {}),
    },
    onProgress,
  );
  // The engine only knows "a matrix was given"; the result names the network it came from.
  const output = costs
    ? { ...result, parameters: { ...result.parameters, costs: 'network', network: costs.echo } }
    : { ...result, parameters: { ...result.parameters, network: null } };
  post({ type: 'done', result: JSON.stringify(output) });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
