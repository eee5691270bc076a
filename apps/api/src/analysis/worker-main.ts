import { parentPort, workerData } from 'node:worker_threads';
import { analyzeGaps } from '@quartiersatlas/gap';
import type { WorkerMessage, WorkerRequest } from './runner.ts';

// Runs one gap analysis off the API's request thread and reports progress as it goes.
const request = workerData as WorkerRequest;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

try {
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
    },
    (stage, done, total) => post({ type: 'progress', stage, progress: total > 0 ? done / total : 0 }),
  );
  post({ type: 'done', result: JSON.stringify(result) });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
