/**
 * A synthetic 100 m population grid in the layout of the Zensus 2011 grid files: cells named by
 * their lower-left corner in EPSG:3035 (`100mN31629E41455`), centre coordinates, inhabitants and
 * age groups. Only inhabited cells whose centre lies in a quarter are listed, as in the Zensus files.
 */
import { fromEpsg3035, toEpsg3035 } from './epsg3035.ts';
import { pointInRing } from './geo.ts';
import { densityAt, type QuarterContext } from './placement.ts';
import { createRng, type Rng } from './prng.ts';

export const POPULATION_HEADER = 'Gitter_ID_100m;x_mp_100m;y_mp_100m;Einwohner;unter6;6bis10;10bis18;ab65;ab80';

const MAX_PER_CELL = 250;

export interface GridCell {
  id: string;
  x: number;
  y: number;
  inhabitants: number;
  under6: number;
  age6to10: number;
  age10to18: number;
  over65: number;
  over80: number;
}

function share(rng: Rng, mean: number): number {
  return mean * rng.range(0.6, 1.4);
}

function ageGroups(inhabitants: number, rng: Rng, familyBias: number) {
  // Shares near the Dortmund averages, shifted towards families or older people per cell.
  const under6 = Math.round(inhabitants * share(rng, 0.058 * familyBias));
  const age6to10 = Math.round(inhabitants * share(rng, 0.04 * familyBias));
  const age10to18 = Math.round(inhabitants * share(rng, 0.082 * familyBias));
  const young = under6 + age6to10 + age10to18;
  const over65 = Math.min(Math.round(inhabitants * share(rng, 0.21 / familyBias)), Math.max(inhabitants - young, 0));
  const over80 = Math.round(over65 * rng.range(0.22, 0.38));
  return { under6, age6to10, age10to18, over65, over80 };
}

/** The inhabited 100 m cells of one quarter; nobody lives on the brownfield sites. */
export function populationCells(ctx: QuarterContext): GridCell[] {
  const projected = ctx.ring.map(([lon, lat]) => toEpsg3035(lon, lat));
  const xs = projected.map(([x]) => x);
  const ys = projected.map(([, y]) => y);
  const minX = Math.floor(Math.min(...xs) / 100) * 100;
  const minY = Math.floor(Math.min(...ys) / 100) * 100;
  const maxX = Math.ceil(Math.max(...xs) / 100) * 100;
  const maxY = Math.ceil(Math.max(...ys) / 100) * 100;
  const avoid = ctx.avoid.map((ring) => ring.map(([lon, lat]) => toEpsg3035(lon, lat)));
  const cells: GridCell[] = [];
  for (let y = minY; y < maxY; y += 100) {
    for (let x = minX; x < maxX; x += 100) {
      const centre: [number, number] = [x + 50, y + 50];
      if (!pointInRing(centre, projected) || avoid.some((ring) => pointInRing(centre, ring))) continue;
      // One stream per cell: a cell's numbers do not change when the outline gains or loses others.
      const rng = createRng(`population:${ctx.quarter.id}:${x}:${y}`);
      if (rng.chance(0.08)) continue; // a park, a school yard, a cemetery
      const density = densityAt(ctx.quarter, fromEpsg3035(centre[0], centre[1]));
      const inhabitants = Math.min(MAX_PER_CELL, Math.round(density * rng.range(0.55, 1.45)));
      if (inhabitants <= 0) continue;
      cells.push({
        id: `100mN${String(y / 100).padStart(5, '0')}E${String(x / 100).padStart(5, '0')}`,
        x: centre[0],
        y: centre[1],
        inhabitants,
        ...ageGroups(inhabitants, rng, rng.range(0.8, 1.25)),
      });
    }
  }
  return cells;
}

export function populationCsv(cells: readonly GridCell[]): string {
  const rows = cells.map((c) =>
    [c.id, c.x, c.y, c.inhabitants, c.under6, c.age6to10, c.age10to18, c.over65, c.over80].join(';'),
  );
  return `${[POPULATION_HEADER, ...rows].join('\n')}\n`;
}
