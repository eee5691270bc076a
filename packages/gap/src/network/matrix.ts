import { matrixFromPairs, sortRowsByCost } from '../cost-matrix.ts';
import type { CostMatrix, PointLayer, ProgressFn } from '../types.ts';
import type { StreetNetwork } from './build.ts';
import { boundedSearch } from './search.ts';
import { DEFAULT_MAX_SNAP, type SnapReport, snapPoints } from './snap.ts';

export interface NetworkMatrixOptions {
  /** Largest cost kept, in metres (snap distances included). */
  maxCost: number;
  /** Points farther than this from every street are unsnapped and reach nothing. Default 500 m. */
  maxSnap?: number;
  /** Progress over the Dijkstra runs (one unit per point of the side searched from). */
  onProgress?: ProgressFn;
}

export interface NetworkMatrixResult {
  matrix: CostMatrix;
  demandSnap: SnapReport;
  supplySnap: SnapReport;
  /** Snapped points on a part of the network not connected to the main one (see SnapReport.offMain). */
  disconnected: { demand: number; supply: number };
}

/**
 * Walking costs demand → supply on the street network, bounded by maxCost. Both layers are snapped
 * to the nearest street; the cost of a pair is demand snap distance + shortest path along the streets
 * + supply snap distance — walking to the street counts, so a service 300 m off the network is not
 * "0 m" away from its neighbours. Unsnapped points and points on other network parts get no pairs
 * (unreachable). Rows are ordered by cost, as from straightLineMatrix.
 */
export function networkMatrix(
  network: StreetNetwork,
  demand: PointLayer,
  supply: PointLayer,
  options: NetworkMatrixOptions,
): NetworkMatrixResult {
  const { maxCost } = options;
  if (!(maxCost >= 0)) throw new Error(`maxCost must be a number ≥ 0, got ${maxCost}`);
  const maxSnap = options.maxSnap ?? DEFAULT_MAX_SNAP;
  const demandSnap = snapPoints(network, demand, maxSnap);
  const supplySnap = snapPoints(network, supply, maxSnap);
  // One Dijkstra per point of the smaller side: usually the services.
  const fromSupply = supply.x.length - supplySnap.unsnapped.length <= demand.x.length - demandSnap.unsnapped.length;
  const pairs = fromSupply
    ? boundedSearch(network, supplySnap, demandSnap, maxCost, options.onProgress)
    : boundedSearch(network, demandSnap, supplySnap, maxCost, options.onProgress);
  const matrix = matrixFromPairs(
    demand.x.length,
    supply.x.length,
    fromSupply ? pairs.target : pairs.source,
    fromSupply ? pairs.source : pairs.target,
    pairs.cost,
    maxCost,
  );
  sortRowsByCost(matrix);
  return {
    matrix,
    demandSnap,
    supplySnap,
    disconnected: { demand: demandSnap.offMain.length, supply: supplySnap.offMain.length },
  };
}
