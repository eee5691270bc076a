// Gap analysis on real Dortmund data (issue #3): the 88 primary schools (Grundschule, capacity =
// pupils, column `Anzahl`) of the NRW school list against the children under 10 of the Zensus 2011
// 100 m grid, in the cells whose centre lies in a Dortmund district. 2SFCA and E2SFCA (default
// zones) over 1,500 m straight-line distance; each measure is timed together with building the
// cost matrix it needs, as a planner's request would run. Reading and parsing the files is timed
// separately. The data lives beside the repository in ../shared/data (not copied into it).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  computeMeasure,
  type Method,
  type PointLayer,
  parseZensusGrid,
  pointLayer,
  straightLineMatrix,
} from '@quartiersatlas/gap';
import { type BenchResult, median } from './util.ts';

const DATA = fileURLToPath(new URL('../../../shared/data/dortmund/', import.meta.url));
const SCHOOLS = `${DATA}dortmund_schools_nrw_sozialindex.csv`;
const UNDER_10 = `${DATA}zensus2011_100m_unter10_dortmund.csv`;
const CUTOFF = 1500;
const RUNS = 9;
const TARGET_MS = 100;

/** Fields of one CSV line with double-quoted fields (the school list quotes addresses with commas). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

function primarySchools(text: string): PointLayer {
  const [head = '', ...lines] = text.trimEnd().split(/\r?\n/);
  const header = splitCsvLine(head);
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${SCHOOLS}: no column ${name}`);
    return i;
  };
  const [form, number, pupils, lat, lon] = ['Schulform', 'Schulnummer', 'Anzahl', 'latitude', 'longitude'].map(col);
  const points = lines
    .map(splitCsvLine)
    .filter((f) => f[form as number] === 'Grundschule')
    .map((f) => ({
      id: f[number as number] as string,
      x: Number(f[lon as number]),
      y: Number(f[lat as number]),
      weight: Number(f[pupils as number]),
    }));
  return pointLayer(points);
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export default async function dortmundSchools(): Promise<BenchResult[]> {
  if (!existsSync(SCHOOLS) || !existsSync(UNDER_10)) {
    process.stderr.write(`[bench] dortmund-schools skipped: the real data in ${DATA} is absent\n`);
    return [];
  }
  let schools: PointLayer | undefined;
  let children: PointLayer | undefined;
  const parseMs = time(() => {
    schools = primarySchools(readFileSync(SCHOOLS, 'utf8'));
    const grid = parseZensusGrid(readFileSync(UNDER_10, 'utf8'), {
      column: 'unter10',
      keep: (f) => f.stadtbezirk_do !== '',
    });
    if (!grid.ok) throw new Error(`${UNDER_10}: ${JSON.stringify(grid.problems)}`);
    children = grid.layer;
  });
  if (!schools || !children) throw new Error('unreachable: layers not read');
  const demand = children;
  const supply = schools;

  const matrixOnly = () => straightLineMatrix(demand, supply, { maxCost: CUTOFF });
  const measure = (method: Method) => () => {
    const matrix = straightLineMatrix(demand, supply, { maxCost: CUTOFF });
    return computeMeasure(method, matrix, demand.weight, supply.weight, { cutoff: CUTOFF });
  };
  const timed = (run: () => unknown) => {
    run(); // warm-up: JIT and first allocations
    return median(Array.from({ length: RUNS }, () => time(run)));
  };
  // The first run also builds the spatial index of the population cells (kept for later runs on
  // the same layer, as in an analysis of several categories): reported on its own, cold.
  const coldMs = time(() => measure('2sfca')());
  const matrix = matrixOnly();
  const reachable = (method: Method) => measure(method)().values.filter((v) => !Number.isNaN(v)).length;
  process.stderr.write(
    `[bench] dortmund-schools: ${demand.ids.length} cells (${demand.weight.reduce((a, b) => a + b, 0)} children under 10), ` +
      `${supply.ids.length} primary schools (${supply.weight.reduce((a, b) => a + b, 0)} pupils), ` +
      `${matrix.cost.length} pairs within ${CUTOFF} m, ${reachable('2sfca')} cells reach a school\n`,
  );
  const size = `${demand.ids.length} cells × ${supply.ids.length} schools, ${CUTOFF} m`;
  return [
    { name: `Dortmund: parse Zensus 100 m grid + school list`, value: parseMs, unit: 'ms' },
    {
      name: `Dortmund: 2SFCA, first run incl. building the cell index (${size})`,
      value: coldMs,
      unit: 'ms',
      target: TARGET_MS,
    },
    { name: `Dortmund: straight-line matrix only (${size})`, value: timed(matrixOnly), unit: 'ms' },
    {
      name: `Dortmund: 2SFCA incl. matrix (${size})`,
      value: timed(measure('2sfca')),
      unit: 'ms',
      target: TARGET_MS,
    },
    {
      name: `Dortmund: E2SFCA incl. matrix (${size})`,
      value: timed(measure('e2sfca')),
      unit: 'ms',
      target: TARGET_MS,
    },
  ];
}
