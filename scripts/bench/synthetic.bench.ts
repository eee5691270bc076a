// Synthetic city benchmark of the gap analysis (issue #3): 60,000 inhabited 100 m cells,
// 5,000 services over 10 categories, 2 km cutoff; the full analysis (straight-line costs, 2SFCA,
// gap measures, H3 and quarter aggregation, potentials) for all 10 categories in a row, as an
// analysis worker would run them. Time is wall clock; memory is the process's peak RSS
// (getrusage maxrss, which also catches peaks between samples) and the heap before/after.
import { analyzeGaps, type GapAnalysisInput, type GapStage, type PointLayer } from '@quartiersatlas/gap';
import { type BenchResult, mulberry32 } from './util.ts';

const COLUMNS = 300;
const ROWS = 200; // 300 × 200 cells of 100 m: a 30 × 20 km city
const CELL_M = 100;
const SERVICES = 5000;
const CATEGORIES = 10;
const CUTOFF_M = 2000;
const NEEDS = 2000;
const SITES = 300;
// South-west corner near Dortmund; metres to degrees by a local equirectangular projection.
const LNG0 = 7.25;
const LAT0 = 51.42;
const M_PER_DEG_LAT = 111_195;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);

/** Demand groups with the share of residents they hold, one per category. */
const GROUPS: Array<{ id: string; group: string; share: number; target: number; places: boolean }> = [
  { id: 'groceries', group: 'all', share: 1, target: 0.25, places: false },
  { id: 'pharmacy', group: 'all', share: 1, target: 0.22, places: false },
  { id: 'gp', group: 'all', share: 1, target: 0.62, places: false },
  { id: 'bakery', group: 'all', share: 1, target: 0.3, places: false },
  { id: 'kita', group: 'children_0_6', share: 0.06, target: 600, places: true },
  { id: 'paediatrician', group: 'children_0_6', share: 0.06, target: 1, places: false },
  { id: 'youth_centre', group: 'youth_10_18', share: 0.08, target: 1, places: false },
  { id: 'senior_day_care', group: 'seniors_80', share: 0.06, target: 40, places: true },
  { id: 'household_help', group: 'seniors_65', share: 0.21, target: 0.5, places: false },
  { id: 'library', group: 'all', share: 1, target: 0.05, places: false },
];

function lng(xM: number): number {
  return LNG0 + xM / M_PER_DEG_LNG;
}
function lat(yM: number): number {
  return LAT0 + yM / M_PER_DEG_LAT;
}

function layer(prefix: string, xs: number[], ys: number[], weights: number[]): PointLayer {
  return {
    ids: xs.map((_, i) => `${prefix}${i}`),
    x: Float64Array.from(xs, lng),
    y: Float64Array.from(ys, lat),
    weight: Float64Array.from(weights),
    crs: 'wgs84',
  };
}

/** Residents per cell: a dense centre, two sub-centres and noise — deterministic. */
function population(): { xs: number[]; ys: number[]; people: number[] } {
  const random = mulberry32(3);
  const centres = [
    { x: 15_000, y: 10_000, r: 6000, peak: 160 },
    { x: 5000, y: 15_000, r: 3000, peak: 90 },
    { x: 24_000, y: 5000, r: 3500, peak: 100 },
  ];
  const xs: number[] = [];
  const ys: number[] = [];
  const people: number[] = [];
  for (let row = 0; row < ROWS; row++)
    for (let col = 0; col < COLUMNS; col++) {
      const x = (col + 0.5) * CELL_M;
      const y = (row + 0.5) * CELL_M;
      let density = 4;
      for (const c of centres) density += c.peak * Math.exp(-((x - c.x) ** 2 + (y - c.y) ** 2) / (2 * c.r * c.r));
      xs.push(x);
      ys.push(y);
      people.push(Math.max(3, Math.round(density * (0.5 + random()))));
    }
  return { xs, ys, people };
}

/** Points spread over the city, denser where people live (rejection sampling against the density). */
function spread(count: number, seed: number, people: number[]): { xs: number[]; ys: number[] } {
  const random = mulberry32(seed);
  const max = Math.max(...people);
  const xs: number[] = [];
  const ys: number[] = [];
  while (xs.length < count) {
    const cell = Math.floor(random() * people.length);
    if (random() * max > (people[cell] as number) * 2) continue;
    xs.push(((cell % COLUMNS) + random()) * CELL_M);
    ys.push((Math.floor(cell / COLUMNS) + random()) * CELL_M);
  }
  return { xs, ys };
}

function quarters(): Array<{ id: string; name: string; geometry: unknown }> {
  // 6 × 4 districts of 5 × 5 km.
  const out: Array<{ id: string; name: string; geometry: unknown }> = [];
  for (let qx = 0; qx < 6; qx++)
    for (let qy = 0; qy < 4; qy++) {
      const [w, s, e, n] = [qx * 5000, qy * 5000, (qx + 1) * 5000, (qy + 1) * 5000];
      const ring = [
        [lng(w), lat(s)],
        [lng(e), lat(s)],
        [lng(e), lat(n)],
        [lng(w), lat(n)],
        [lng(w), lat(s)],
      ];
      out.push({ id: `d${qx}${qy}`, name: `District ${qx}/${qy}`, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  return out;
}

function inputs(): GapAnalysisInput[] {
  const city = population();
  // One population grid for all categories: the coordinates are shared and only the weights (the
  // demand group's people) differ, so its spatial index and H3 cells are built once for the batch.
  const cityLayer = layer('cell', city.xs, city.ys, city.people);
  const services = spread(SERVICES, 11, city.people);
  const needs = spread(NEEDS, 12, city.people);
  const sites = spread(SITES, 13, city.people);
  const random = mulberry32(14);
  const districts = quarters();
  return GROUPS.map((g, c) => {
    // Every 10th service belongs to this category.
    const sx = services.xs.filter((_, i) => i % CATEGORIES === c);
    const sy = services.ys.filter((_, i) => i % CATEGORIES === c);
    const capacity = sx.map(() => (g.places ? 40 + Math.floor(random() * 80) : 1));
    const nx = needs.xs.filter((_, i) => i % CATEGORIES === c);
    const ny = needs.ys.filter((_, i) => i % CATEGORIES === c);
    return {
      category: { id: g.id, demandGroup: g.group, catchmentM: CUTOFF_M },
      method: '2sfca',
      cutoff: CUTOFF_M,
      detour: 1.3,
      target: g.target,
      weights: { deficit: 0.5, needs: 0.3, access: 0.2 },
      h3Resolution: 9,
      demand: { ...cityLayer, weight: Float64Array.from(city.people, (p) => p * g.share) },
      supply: layer(`${g.id}-`, sx, sy, capacity),
      needs: layer(
        'need',
        nx,
        ny,
        nx.map(() => 1 + Math.floor(random() * 4)),
      ),
      sites: {
        ...layer(
          'site',
          sites.xs,
          sites.ys,
          sites.xs.map(() => 1),
        ),
        kinds: sites.xs.map((_, i) => (i % 3 ? 'vacancy' : 'brownfield')),
      },
      potentialsCount: 5,
      quarters: districts,
    } satisfies GapAnalysisInput;
  });
}

const MB = 2 ** 20;

export default async function (): Promise<BenchResult[]> {
  const all = inputs();
  // One warm-up run of one category on a copy of the grid, so that the timed runs measure
  // steady-state code, not the JIT, while the grid's index and H3 cells are still built in them.
  const first = all[0] as GapAnalysisInput;
  analyzeGaps({ ...first, demand: { ...first.demand, x: first.demand.x.slice(), y: first.demand.y.slice() } });

  const stageMs: Record<GapStage, number> = { costs: 0, measure: 0, aggregate: 0, potentials: 0 };
  // An object, not two lets: TypeScript does not see the callback assign them.
  const clock: { stage: GapStage | null; start: number } = { stage: null, start: 0 };
  let peakSampled = process.memoryUsage.rss();
  const heapBefore = process.memoryUsage().heapUsed;
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  const start = performance.now();
  let cells = 0;
  let jsonBytes = 0;
  let serialiseMs = 0;
  for (const input of all) {
    const result = analyzeGaps(input, (s) => {
      if (s === clock.stage) return;
      // Sampled at stage ends only: reading RSS costs ~0.1 ms, and getrusage's maxRSS below
      // catches any peak between samples anyway.
      peakSampled = Math.max(peakSampled, process.memoryUsage.rss());
      const now = performance.now();
      if (clock.stage) stageMs[clock.stage] += now - clock.start;
      clock.stage = s;
      clock.start = now;
    });
    if (clock.stage) stageMs[clock.stage] += performance.now() - clock.start;
    clock.stage = null;
    cells += result.grid.features.length;
    if (jsonBytes === 0) {
      // What the API stores and sends per analysis; measured once, outside the timed stages.
      const before = performance.now();
      jsonBytes = Buffer.byteLength(JSON.stringify(result));
      serialiseMs = performance.now() - before;
    }
  }
  const total = performance.now() - start - serialiseMs;
  const heapAfter = process.memoryUsage().heapUsed;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stderr.write(
    `[bench] synthetic: ${all.length} categories, ${cells} hexagons in all; peak RSS before the runs ${(maxRssBefore / MB).toFixed(0)} MB\n`,
  );
  return [
    {
      name: 'gap analysis, 10 categories × (60,000 cells, 500 services, 2 km), total',
      value: total,
      unit: 'ms',
      target: 1000,
    },
    { name: '… of which straight-line costs', value: stageMs.costs, unit: 'ms' },
    { name: '… of which 2SFCA', value: stageMs.measure, unit: 'ms' },
    { name: '… of which gap measures, H3 and quarters', value: stageMs.aggregate, unit: 'ms' },
    { name: '… of which potentials (300 sites, k = 5)', value: stageMs.potentials, unit: 'ms' },
    { name: 'gap analysis, peak RSS (process)', value: Math.max(maxRss, peakSampled) / MB, unit: 'MB', target: 512 },
    {
      name: 'gap analysis, heap growth over the 10 runs (no forced GC)',
      value: (heapAfter - heapBefore) / MB,
      unit: 'MB',
    },
    { name: 'one result as JSON (6,600 hexagons, 24 quarters, 300 sites)', value: jsonBytes / MB, unit: 'MB' },
    { name: '… JSON.stringify of it', value: serialiseMs, unit: 'ms' },
  ];
}
