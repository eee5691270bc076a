import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Quarter } from '@quartiersatlas/domain';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../src/seed.ts';
import { defaultDemandLayer } from '../src/store/demand.ts';
import { listQuarters } from '../src/store/quarters.ts';
import { getTaxonomy } from '../src/store/taxonomy.ts';
import { createTestApp, DATABASES, type TestApp } from './helpers.ts';
import { imported, postImport } from './import-helpers.ts';

// Real public data beside the repository (see ../shared/data/README.md): never copied into it.
const shared = fileURLToPath(new URL('../../../../shared/data/dortmund/', import.meta.url));
const haveShared = existsSync(`${shared}zensus2011_1km_dortmund.csv`);
if (!haveShared)
  console.warn(
    `[skip] Dortmund import tests skipped because ${shared} is absent (/work/shared is not beside the repo)`,
  );

const read = (name: string) => readFileSync(`${shared}${name}`);
const rowsOf = (name: string) =>
  Papa.parse<Record<string, string>>(read(name).toString('utf8'), { header: true, skipEmptyLines: true }).data;

/** Points the import should keep: inside a quarter or at most 2 km outside one. */
function near(quarters: Quarter[], lon: number, lat: number): boolean {
  return quarters.some((q) => pointToPolygonDistance([lon, lat], q.geometry, { units: 'meters' }) <= 2000);
}

describe.runIf(haveShared).each(DATABASES)('imports of the Dortmund files on %s', (kind) => {
  let t: TestApp;
  let quarters: Quarter[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadDemoData(t.database.db);
    quarters = await listQuarters(t.database.db);
  });
  afterAll(() => t.close());

  it('imports the Lidl stores (Overpass GeoJSON) as groceries, those far from the quarters skipped', async () => {
    const file = JSON.parse(read('dortmund_area_lidl_osm.geojson').toString('utf8')) as {
      features: Array<{ geometry: { coordinates: [number, number] } }>;
    };
    const expected = file.features.filter((f) => near(quarters, ...f.geometry.coordinates)).length;
    expect(expected).toBeGreaterThan(0);
    const result = imported(
      await postImport(t, { format: 'geojson', fileName: 'lidl.geojson' }, read('dortmund_area_lidl_osm.geojson')),
    );
    expect(result.report).toMatchObject({ created: expected, updated: 0, rejected: [] });
    expect(result.report.categories).toEqual({ groceries: expected });
    expect(result.report.skipped).toHaveLength(file.features.length - expected);
    expect(new Set(result.report.skipped.map((s) => s.code))).toEqual(new Set(['OUTSIDE_QUARTERS']));
  });

  it('imports the VRR stops (CSV) as bus and tram stops', async () => {
    const rows = rowsOf('stops/vrr_dortmund_stations.csv');
    const expected = rows.filter((r) => near(quarters, Number(r.lon), Number(r.lat))).length;
    const result = imported(
      await postImport(
        t,
        { format: 'csv', fileName: 'vrr_dortmund_stations.csv', category: 'bus_tram_stop' },
        read('stops/vrr_dortmund_stations.csv'),
      ),
    );
    expect(result).toMatchObject({ rowsTotal: rows.length, rowsImported: expected });
    expect(result.report).toMatchObject({ created: expected, rejected: [] });
    expect(result.report.skipped).toHaveLength(rows.length - expected);
    const again = imported(
      await postImport(
        t,
        { format: 'csv', fileName: 'haltestellen-kopie.csv', category: 'bus_tram_stop' },
        read('stops/vrr_dortmund_stations.csv'),
      ),
    );
    expect(again.report).toMatchObject({ created: 0, updated: 0, unchanged: expected });
  });

  it('imports the three Zensus grids as population layers with the demand groups their columns give', async () => {
    const oneKm = rowsOf('zensus2011_1km_dortmund.csv');
    const known = oneKm.filter((r) => Number(r.Einwohner) >= 0);
    const grid = imported(
      await postImport(
        t,
        { format: 'zensus', fileName: 'zensus2011_1km_dortmund.csv' },
        read('zensus2011_1km_dortmund.csv'),
      ),
    );
    expect(grid).toMatchObject({ rowsTotal: oneKm.length, rowsImported: known.length });
    // Withheld head counts (-1) are skipped and listed, never read as nobody living there.
    expect(grid.report.skipped.map((s) => [s.row, s.code])).toEqual(
      oneKm.flatMap((r, i) => (Number(r.Einwohner) < 0 ? [[i + 1, 'WITHHELD']] : [])),
    );
    const layer = grid.report.layer as { population: number; cellSize: number; groups: Array<{ group: string }> };
    expect(layer.population).toBe(known.reduce((sum, r) => sum + Number(r.Einwohner), 0));
    expect(layer.cellSize).toBe(1000);
    expect(layer.groups.map((g) => g.group)).toEqual([
      'all',
      'children_0_6',
      'children_6_10',
      'youth_10_18',
      'seniors_65',
      'families',
    ]);

    const under10 = rowsOf('zensus2011_100m_unter10_dortmund.csv');
    const children = imported(
      await postImport(
        t,
        { format: 'zensus', fileName: 'zensus2011_100m_unter10_dortmund.csv', name: 'Kinder unter 10 (100 m)' },
        read('zensus2011_100m_unter10_dortmund.csv'),
      ),
    );
    expect(children.report).toMatchObject({ created: under10.length, skipped: [], rejected: [] });
    expect(children.report.layer).toMatchObject({
      name: 'Kinder unter 10 (100 m)',
      cellCount: under10.length,
      population: null,
    });
    const childGroups = (children.report.layer as { groups: Array<{ group: string; people: number }> }).groups;
    const total = under10.reduce((sum, r) => sum + Number(r.unter10), 0);
    expect(childGroups.map((g) => g.group)).toEqual(['children_0_6', 'children_6_10']);
    expect(childGroups[0]?.people).toBeCloseTo(total * 0.6, 6);

    const over80 = rowsOf('zensus2011_100m_ab80_dortmund.csv');
    const seniors = imported(
      await postImport(t, { format: 'zensus', fileName: 'ab80.csv' }, read('zensus2011_100m_ab80_dortmund.csv')),
    );
    expect(seniors.report.created).toBe(over80.length);
    expect((seniors.report.layer as { groups: Array<{ group: string; people: number }> }).groups).toEqual([
      expect.objectContaining({ group: 'seniors_80', people: over80.reduce((sum, r) => sum + Number(r.ab80), 0) }),
    ]);

    // The newest layer with the category's people: the over-80 grid must not feed a groceries analysis.
    const taxonomy = await getTaxonomy(t.database.db);
    const layerFor = async (category: string) => (await defaultDemandLayer(t.database.db, taxonomy, category))?.id;
    expect(await layerFor('groceries')).toBe((grid.report.layer as { id: string }).id);
    expect(await layerFor('kita')).toBe((children.report.layer as { id: string }).id);
    expect(await layerFor('senior_day_care')).toBe((seniors.report.layer as { id: string }).id);
  });
});
