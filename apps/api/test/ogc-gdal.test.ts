import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, loadDemoPopulation } from '../src/seed.ts';
import { featureCount, gdal, gdalUnavailable, runAnalysis } from './gis-helpers.ts';
import { createTestApp, DATABASES, type TestApp } from './helpers.ts';

const unavailable = gdalUnavailable();
if (unavailable) console.warn(`[skip] GDAL client tests of the OGC API skipped: ${unavailable}`);

/**
 * GDAL's OGC API client (what QGIS builds on) against the real server on a port: the collections
 * it lists, every feature copied page by page, and filters it passes on.
 */
describe.skipIf(unavailable !== null).each(DATABASES)('GDAL reads the OGC API on %s', (kind) => {
  let t: TestApp;
  let root: string;
  let analysisId: string;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadDemoData(t.database.db);
    await loadDemoPopulation(t.database.db);
    analysisId = await runAnalysis(t, { category: 'groceries', method: '2sfca' });
    root = `OAPIF:${await t.app.listen({ port: 0, host: '127.0.0.1' })}/ogc`;
    dir = mkdtempSync(join(tmpdir(), 'qa-gdal-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const token = (role: 'planner' | 'resident') => t.accounts[role].token;
  const apiCount = async (query: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records?limit=10000&${query}`,
      headers: t.as('planner'),
    });
    return (response.json() as { features: unknown[] }).features.length;
  };

  it('lists the record collections; with a planner token also the analysis results', async () => {
    const anonymous = await gdal('ogrinfo', ['-ro', '-so', root]);
    expect(anonymous.status, anonymous.stderr).toBe(0);
    for (const name of ['1: services', '2: vacancies', '3: brownfields', '4: needs'])
      expect(anonymous.stdout).toContain(name);
    expect(anonymous.stdout).not.toContain('analysis-');
    expect((await gdal('ogrinfo', ['-ro', '-so', root], token('resident'))).stdout).not.toContain('analysis-');

    const planner = await gdal('ogrinfo', ['-ro', '-so', root], token('planner'));
    expect(planner.status, planner.stderr).toBe(0);
    expect(planner.stdout).toContain(`analysis-${analysisId} (title: Gap analysis groceries, 2sfca`);
    expect(planner.stdout).toContain(`analysis-${analysisId}-potentials`);
  });

  it('copies every published service with ogr2ogr, ten per page, with typed columns', async () => {
    const out = join(dir, 'services.gpkg');
    const copy = await gdal('ogr2ogr', ['-f', 'GPKG', out, root, 'services']);
    expect(copy.status, copy.stderr).toBe(0);
    const info = await gdal('ogrinfo', ['-ro', '-so', out, 'services']);
    expect(featureCount(info.stdout)).toBe(await apiCount('kind=service'));
    expect(featureCount(info.stdout)).toBe(300);
    expect(info.stdout).toContain('ID["EPSG",4326]');
    expect(info.stdout).toMatch(/capacity: Integer/);
    expect(info.stdout).toMatch(/updatedAt: DateTime/);
    // The public view has no internal notes or authors.
    expect(info.stdout).not.toMatch(/createdBy:/);
  });

  it('gives the public the needs only at their cell centres, without text', async () => {
    const out = join(dir, 'needs.geojson');
    const copy = await gdal('ogr2ogr', ['-f', 'GeoJSON', out, root, 'needs', '-oo', 'PAGE_SIZE=37']);
    expect(copy.status, copy.stderr).toBe(0);
    const needs = JSON.parse(readFileSync(out, 'utf8')) as {
      features: Array<{ geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }>;
    };
    expect(needs.features).toHaveLength(250);
    for (const need of needs.features) {
      // Unapproved text travels as an empty field, never as the resident's words.
      expect(need.properties.text ?? null).toBeNull();
      const [lon, lat] = need.geometry.coordinates;
      const [centreLat, centreLon] = cellToLatLng(latLngToCell(lat, lon, 8));
      expect(lon).toBeCloseTo(centreLon, 9);
      expect(lat).toBeCloseTo(centreLat, 9);
    }
  });

  it('passes a map extent and a date filter on to the server', async () => {
    const spatial = await gdal('ogrinfo', ['-ro', '-so', '-spat', '7.44', '51.53', '7.47', '51.55', root, 'services']);
    expect(spatial.status, spatial.stderr).toBe(0);
    expect(featureCount(spatial.stdout)).toBe(await apiCount('kind=service&bbox=7.44,51.53,7.47,51.55'));

    const old = (
      await t.database.db
        .selectFrom('records')
        .select('id')
        .where('kind', '=', 'brownfield')
        .orderBy('id')
        .limit(4)
        .execute()
    ).map((r) => r.id);
    await t.database.db
      .updateTable('records')
      .set({ updated_at: '2020-06-15T10:00:00.000Z' })
      .where('id', 'in', old)
      .execute();
    const dated = await gdal('ogrinfo', ['-ro', '-so', '-where', "updatedAt < '2021-01-01'", root, 'brownfields']);
    expect(dated.status, dated.stderr).toBe(0);
    expect(featureCount(dated.stdout)).toBe(4);
  });

  it('copies an analysis grid with the planner token', async () => {
    const stored = await t.app.inject({
      method: 'GET',
      url: `/api/v1/analyses/${analysisId}`,
      headers: t.as('planner'),
    });
    const cells = (stored.json() as { result: { grid: { features: unknown[] } } }).result.grid.features.length;
    const out = join(dir, 'grid.gpkg');
    const copy = await gdal(
      'ogr2ogr',
      ['-f', 'GPKG', out, root, `analysis-${analysisId}`, '-oo', 'PAGE_SIZE=50'],
      token('planner'),
    );
    expect(copy.status, copy.stderr).toBe(0);
    const info = await gdal('ogrinfo', ['-ro', '-so', out, `analysis-${analysisId}`]);
    expect(featureCount(info.stdout)).toBe(cells);
    expect(info.stdout).toContain('Geometry: Polygon');
    expect(info.stdout).toMatch(/priority: Real/);
  });
});
