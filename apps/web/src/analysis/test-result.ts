/**
 * For tests only: real results of the gap engine on a small scene in Eving, so the view's
 * figures are checked against what the API would answer, not against numbers typed by hand.
 */
import { analyzeGaps, type GapAnalysisInput, type GapAnalysisResult, type PointLayer } from '@quartiersatlas/gap';
import type { AnalysisParameters, PriorityWeights } from './api.ts';

const ORIGIN = { lng: 7.47, lat: 51.55 };
const M_PER_DEG_LAT = 111_195;

function at(east: number, north: number): [number, number] {
  return [
    ORIGIN.lng + east / (M_PER_DEG_LAT * Math.cos((ORIGIN.lat * Math.PI) / 180)),
    ORIGIN.lat + north / M_PER_DEG_LAT,
  ];
}

function square(west: number, south: number, east: number, north: number) {
  const ring = [at(west, south), at(east, south), at(east, north), at(west, north), at(west, south)];
  return { type: 'Polygon' as const, coordinates: [ring] };
}

function layer(prefix: string, points: ReadonlyArray<[number, number, number]>): PointLayer {
  const placed = points.map(([e, n]) => at(e, n));
  return {
    ids: points.map((_, i) => `${prefix}${i}`),
    x: Float64Array.from(placed, (p) => p[0]),
    y: Float64Array.from(placed, (p) => p[1]),
    weight: Float64Array.from(points, (p) => p[2]),
    crs: 'wgs84',
  };
}

/**
 * One grocery store at the origin, people in three clusters (near, at the edge, far), voiced
 * needs far away, near the store and where nobody lives, two candidate sites. 800 m catchment,
 * target 0.5 stores per 1,000 people (more than the one store gives, so everybody has some deficit).
 */
export function sceneInput(options: { weights?: PriorityWeights; extraStores?: Array<[number, number]> } = {}) {
  const stores: Array<[number, number, number]> = [
    [0, 0, 1],
    ...(options.extraStores ?? []).map(([e, n]) => [e, n, 1] as [number, number, number]),
  ];
  const input: GapAnalysisInput = {
    category: { id: 'groceries', demandGroup: 'all', catchmentM: 800 },
    method: '2sfca',
    cutoff: 800,
    detour: 1.3,
    target: 0.5,
    weights: options.weights ?? { deficit: 0.5, needs: 0.3, access: 0.2 },
    demand: layer('cell', [
      [100, 0, 900],
      [200, 150, 700],
      [500, 0, 1200],
      [2500, 0, 800],
      [2600, 200, 650],
    ]),
    supply: layer('store', stores),
    needs: layer('need', [
      [2500, 20, 3],
      [2550, 180, 1],
      [150, 20, 2],
      [1200, 900, 1],
    ]),
    sites: {
      ...layer('site', [
        [2550, 100, 1],
        [-1500, 0, 1],
      ]),
      kinds: ['vacancy', 'brownfield'],
    },
    quarters: [
      { id: 'near', name: 'Nahbereich', geometry: square(-300, -300, 800, 400) },
      { id: 'far', name: 'Außenbereich', geometry: square(2000, -300, 3000, 400) },
    ],
  };
  return input;
}

export function sceneResult(options: Parameters<typeof sceneInput>[0] = {}): GapAnalysisResult {
  return analyzeGaps(sceneInput(options));
}

/** The parameters the API would echo for the scene. */
export const SCENE_PARAMETERS: AnalysisParameters = {
  category: 'groceries',
  method: '2sfca',
  cutoff: 800,
  decay: 'binary',
  detour: 1.3,
  target: 0.5,
  supplyUnit: 'facilities',
  demandGroup: 'all',
  catchmentM: 800,
  weights: { deficit: 0.5, needs: 0.3, access: 0.2 },
  h3Resolution: 9,
  potentials: 5,
  quarters: [],
  demandLayer: '00000000-0000-4000-8000-000000000000',
};
