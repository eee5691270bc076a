// Walking-distance matrix on a real city network: Cologne's street sections (KoelnAPI/data, CC-BY
// Stadt Köln), 500 services on the network and a 100 m demand grid over the network's extent,
// bounded at 2 km. The target (< 3 s) is for networkMatrix: snapping both layers, one bounded
// Dijkstra per service, building and sorting the CSR matrix. Reading the shapefile and building the
// graph are reported separately: an app builds the network once per import, not per analysis.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildNetwork,
  type NetworkMatrixResult,
  networkMatrix,
  type PointLayer,
  type StreetNetwork,
  snapPoints,
} from '@quartiersatlas/gap';
import proj4 from 'proj4';
import { openShp } from 'shapefile';
import { type BenchResult, median, mulberry32 } from './util.ts';

type Position = number[];

const SHP = fileURLToPath(
  new URL('../../../shared/data/koeln/strassenabschnitte_shp/Strassenabschnitt.shp', import.meta.url),
);
const SERVICES = 500;
const GRID = 100;
const MAX_COST = 2000;
const RUNS = 3;
// The .prj says UTM 32N with false easting 2,500,000, but the x values are EPSG:25832 eastings
// + 2,000,000 (see ../shared/data/README.md).
const EASTING_SHIFT = 2_000_000;
const toWgs84 = proj4('+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs', 'WGS84');

const log = (line: string) => process.stderr.write(`[bench] network: ${line}\n`);
const mb = (bytes: number) => bytes / 2 ** 20;

function project(line: ReadonlyArray<Position>): Position[] {
  return line.map((p) => toWgs84.forward([(p[0] as number) - EASTING_SHIFT, p[1] as number]));
}

/** Street lines in WGS84 and the network's extent in EPSG:25832 metres. */
async function loadStreets(): Promise<{ lines: Position[][]; box: [number, number, number, number] }> {
  const source = await openShp(SHP);
  const lines: Position[][] = [];
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (line: ReadonlyArray<Position>) => {
    for (const [x, y] of line as Array<[number, number]>) {
      box[0] = Math.min(box[0], x - EASTING_SHIFT);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x - EASTING_SHIFT);
      box[3] = Math.max(box[3], y);
    }
    lines.push(project(line));
  };
  for (let r = await source.read(); !r.done; r = await source.read()) {
    const g = r.value;
    if (g.type === 'LineString') grow(g.coordinates);
    else if (g.type === 'MultiLineString') for (const part of g.coordinates) grow(part);
  }
  return { lines, box };
}

function layer(points: Position[]): PointLayer {
  return {
    ids: points.map((_, i) => String(i)),
    x: Float64Array.from(points, (p) => p[0] as number),
    y: Float64Array.from(points, (p) => p[1] as number),
    weight: new Float64Array(points.length).fill(1),
    crs: 'wgs84',
  };
}

/** Bytes of the typed arrays an app keeps: the network with its index, the snap reports, the matrix. */
function retainedBytes(network: StreetNetwork, result: NetworkMatrixResult): number {
  const arrays = (value: object): number =>
    Object.values(value).reduce<number>((sum, v) => sum + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);
  return (
    arrays(network) +
    arrays(network.segments) +
    arrays(network.components) +
    (network.segments.index?.data.byteLength ?? 0) +
    arrays(result.demandSnap) +
    arrays(result.supplySnap) +
    arrays(result.matrix)
  );
}

function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

export default async function (): Promise<BenchResult[]> {
  if (!existsSync(SHP)) {
    log(`skipped: ${SHP} not found (the shared data folder is not mounted)`);
    return [];
  }
  const loadStart = performance.now();
  const { lines, box } = await loadStreets();
  const loadMs = performance.now() - loadStart;

  // Memory first, on a single build + matrix, before the timing runs add their garbage.
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sample = () => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  };
  const network = buildNetwork(lines);
  sample();

  // Services: a seeded sample of network nodes, moved up to ~50 m off the street as real
  // entrances are; demand: the centres of a 100 m grid (in EPSG:25832) over the network's extent.
  const random = mulberry32(7);
  const services: Position[] = Array.from({ length: SERVICES }, () => {
    const n = Math.floor(random() * network.nodeCount);
    return [
      (network.nodeX[n] as number) + (random() - 0.5) * 0.001,
      (network.nodeY[n] as number) + (random() - 0.5) * 0.0006,
    ];
  });
  const cells: Position[] = [];
  for (let y = Math.floor(box[1] / GRID) * GRID + GRID / 2; y < box[3]; y += GRID)
    for (let x = Math.floor(box[0] / GRID) * GRID + GRID / 2; x < box[2]; x += GRID)
      cells.push(toWgs84.forward([x, y]));
  const demand = layer(cells);
  const supply = layer(services);
  const cold = time(() => networkMatrix(network, demand, supply, { maxCost: MAX_COST, onProgress: sample }));
  const result = cold.value;
  sample();
  const retained = retainedBytes(network, result);

  const builds = Array.from({ length: RUNS }, () => time(() => buildNetwork(lines)));
  const snaps = Array.from({ length: RUNS }, () =>
    time(() => {
      snapPoints(network, demand);
      snapPoints(network, supply);
    }),
  );
  const runs = Array.from({ length: RUNS }, () =>
    time(() => networkMatrix(network, demand, supply, { maxCost: MAX_COST })),
  );

  const buildMs = median(builds.map((b) => b.ms));
  const snapMs = median(snaps.map((s) => s.ms));
  const matrixMs = median(runs.map((r) => r.ms));
  const { components } = network;
  log(
    `${lines.length} lines → ${network.nodeCount} nodes, ${network.edgeCount} edges, ${network.segments.count} segments, ` +
      `${components.count} components (largest ${components.sizes[0]} nodes, ${(((components.sizes[0] ?? 0) / network.nodeCount) * 100).toFixed(1)} %)`,
  );
  log(
    `${demand.x.length} grid cells (${result.demandSnap.unsnapped.length} farther than 500 m from a street, ` +
      `${result.disconnected.demand} on a small part), ${SERVICES} services (${result.disconnected.supply} on a small part), ` +
      `${result.matrix.supply.length} pairs ≤ ${MAX_COST} m`,
  );
  log(
    `build ${buildMs.toFixed(0)} ms, snap ${snapMs.toFixed(0)} ms, matrix ${matrixMs.toFixed(0)} ms (median of ${RUNS})`,
  );

  return [
    { name: 'network: read shapefile + reproject', value: loadMs, unit: 'ms' },
    { name: 'network: build graph + index (Köln)', value: buildMs, unit: 'ms' },
    { name: 'network: snap 500 services + 100 m grid', value: snapMs, unit: 'ms' },
    { name: 'network: Dijkstra + matrix assembly (matrix − snap)', value: Math.max(0, matrixMs - snapMs), unit: 'ms' },
    {
      name: 'network: 500 services × 100 m grid, 2 km (snap + Dijkstra + CSR)',
      value: matrixMs,
      unit: 'ms',
      target: 3000,
    },
    { name: 'network: same, first (cold) run', value: cold.ms, unit: 'ms', target: 3000 },
    { name: 'network: peak RSS growth (one build + matrix)', value: mb(rssPeak - rssBefore), unit: 'MB' },
    { name: 'network: typed arrays kept (network + snaps + matrix)', value: mb(retained), unit: 'MB' },
    { name: 'network: nodes', value: network.nodeCount, unit: 'nodes' },
    { name: 'network: edges', value: network.edgeCount, unit: 'edges' },
    { name: 'network: components', value: components.count, unit: 'components' },
    { name: 'network: demand cells', value: demand.x.length, unit: 'cells' },
    { name: 'network: pairs ≤ 2 km', value: result.matrix.supply.length, unit: 'pairs' },
  ];
}
