// The gap analysis on the demo data (data/demo), which was generated with deliberate gaps: a single
// Kita in Eving's north, no library in Marten (see data/demo/README.md).
import { readFileSync } from 'node:fs';
import { cellToLatLng } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { pointLayer } from '../cost-matrix.ts';
import { type DemandGroup, needsLayer, parseZensusGrid } from '../demand/index.ts';
import { analyzeGaps } from './analyze.ts';
import { containsPoint, parseQuarterShape } from './polygon.ts';

const data = new URL('../../../../data/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, data), 'utf8');

interface Feature {
  id: string;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown> & { kind: string; category?: string; name?: string };
}
const records = (JSON.parse(read('demo/records.geojson')) as { features: Feature[] }).features;
const quarters = (JSON.parse(read('demo/quarters.geojson')) as { features: Feature[] }).features.map((f) => ({
  id: f.id,
  name: String(f.properties.name),
  geometry: f.geometry,
}));
const taxonomy = JSON.parse(read('taxonomy.json')) as {
  categories: Array<{
    id: string;
    demandGroup: DemandGroup;
    catchmentM: number;
    supplyUnit: string;
    targetPer1000: number;
  }>;
};

/** A polygon site enters as the mean of its outer ring's vertices: close enough for a few-hundred-m² site. */
function placeOf(g: Feature['geometry']): [number, number] {
  if (g.type === 'Point') return g.coordinates as [number, number];
  const ring = (g.coordinates as number[][][])[0]?.slice(0, -1) ?? [];
  return [
    ring.reduce((s, p) => s + (p[0] ?? 0), 0) / ring.length,
    ring.reduce((s, p) => s + (p[1] ?? 0), 0) / ring.length,
  ];
}

function analyse(categoryId: string) {
  const category = taxonomy.categories.find((c) => c.id === categoryId);
  if (!category) throw new Error(`no category ${categoryId}`);
  const grid = parseZensusGrid(read('demo/population-100m.csv'), { group: category.demandGroup });
  if (!grid.ok) throw new Error(JSON.stringify(grid.problems));
  const services = records.filter((r) => r.properties.kind === 'service' && r.properties.category === categoryId);
  const supply = pointLayer(
    services.map((r) => {
      const [x, y] = placeOf(r.geometry);
      const capacity = typeof r.properties.capacity === 'number' ? r.properties.capacity : 1;
      return { id: r.id, x, y, weight: category.supplyUnit === 'places' ? capacity : 1 };
    }),
  );
  const siteRecords = records.filter((r) => r.properties.kind === 'vacancy' || r.properties.kind === 'brownfield');
  const sites = {
    ...pointLayer(
      siteRecords.map((r) => {
        const [x, y] = placeOf(r.geometry);
        return { id: r.id, x, y };
      }),
    ),
    kinds: siteRecords.map((r) => r.properties.kind),
  };
  return analyzeGaps({
    category,
    method: '2sfca',
    cutoff: category.catchmentM,
    detour: 1.3,
    target: category.targetPer1000,
    demand: grid.layer,
    supply,
    needs: needsLayer(records, categoryId),
    sites,
    potentialsCount: 5,
    quarters,
  });
}

describe('gap analysis on the demo data', () => {
  const kita = analyse('kita');
  const eving = parseQuarterShape(quarters.find((q) => q.id === 'eving')?.geometry);
  if (!eving) throw new Error('no Eving outline');
  // Kemminghausen, Eving's north: north of about 51.558° (the quarter reaches 51.567°).
  const NORTH = 51.558;
  const evingCells = kita.grid.features.filter((f) => {
    const [lat, lng] = cellToLatLng(f.properties.h3);
    return containsPoint(eving, lng, lat);
  });
  const isNorth = (h3: string) => (cellToLatLng(h3)[0] as number) > NORTH;

  it('counts the children under 6 of both quarters', () => {
    // data/demo/README.md: unter6 is 1,000 in Eving and 589 in Marten.
    expect(kita.summary.population).toBe(1589);
    expect(kita.quarters.map((q) => [q.id, q.population])).toEqual([
      ['eving', 1000],
      ['marten', 589],
    ]);
    expect(kita.summary.populationOutsideQuarters).toBe(0);
    expect(kita.grid.features.reduce((s, f) => s + f.properties.population, 0)).toBe(1589);
  });

  it("finds a Kita deficit in Eving's north, larger per child than in the rest of Eving", () => {
    const share = (cells: typeof evingCells) =>
      cells.reduce((s, f) => s + f.properties.deficit, 0) / cells.reduce((s, f) => s + f.properties.population, 0);
    const north = evingCells.filter((f) => isNorth(f.properties.h3));
    const rest = evingCells.filter((f) => !isNorth(f.properties.h3));
    expect(north.length).toBeGreaterThan(5);
    expect(share(north)).toBeGreaterThan(0.05);
    expect(share(north)).toBeGreaterThan(3 * share(rest));
  });

  it("puts Eving's highest-priority cell in the north, where residents asked for Kita places", () => {
    const top = [...evingCells].sort((a, b) => b.properties.priority - a.properties.priority)[0];
    expect(top && isNorth(top.properties.h3)).toBe(true);
    expect(top?.properties.needsCount).toBeGreaterThan(0);
  });

  it('picks sites that each reach children no Kita reaches, in order', () => {
    const picked = kita.potentials.filter((p) => p.rank !== null);
    expect(picked.map((p) => p.rank)).toEqual(picked.map((_, i) => i + 1));
    for (const p of picked) expect(p.newPeople).toBeGreaterThan(0);
    const shares = picked.map((p) => p.cumulativeCoveredShare ?? 0);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(kita.summary.potentials.finalCoveredShare).toBeGreaterThan(kita.summary.potentials.initialCoveredShare ?? 1);
  });

  it('has no library within reach anywhere in Marten', () => {
    const library = analyse('library');
    const marten = library.quarters.find((q) => q.id === 'marten');
    expect(marten).toMatchObject({
      coverageShare: 0,
      accessibility: null,
      supplyPer1000: null,
      nearestDistanceM: null,
    });
    expect(marten?.deficit).toBe(marten?.population);
    expect(marten?.population).toBe(9688);
  });
});
