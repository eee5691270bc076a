import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { excelCell } from '../src/exports/excel-csv.ts';
import { loadDemoData, loadDemoPopulation } from '../src/seed.ts';
import { createJob, failJob } from '../src/store/analyses.ts';
import { featureCount, gdal, gdalUnavailable, runAnalysis } from './gis-helpers.ts';
import {
  brownfieldFeature,
  createTestApp,
  DATABASES,
  needFeature,
  residentSubmits,
  serviceFeature,
  type TestApp,
} from './helpers.ts';

const noGdal = gdalUnavailable();
if (noGdal) console.warn(`[skip] export checks with ogrinfo skipped: ${noGdal}`);

const scratch = mkdtempSync(join(tmpdir(), 'qa-export-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Saves a downloaded GeoPackage and opens it read-only with SQLite. */
function openDownload(body: Buffer, name: string): { file: string; db: Database.Database } {
  const file = join(scratch, name);
  writeFileSync(file, body);
  return { file, db: new Database(file, { readonly: true }) };
}

const tempExports = () => readdirSync(tmpdir()).filter((name) => name.startsWith('qa-gpkg-'));

describe('Excel cells', () => {
  it('writes decimal commas, joins lists and defuses formulas', () => {
    expect(excelCell(51.5535)).toBe('51,5535');
    expect(excelCell(['de', 'tr'])).toBe('de, tr');
    expect(excelCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(excelCell('-1+2')).toBe("'-1+2");
    expect(excelCell(-3.5)).toBe('-3,5');
    expect(excelCell(['=1+1', 'b'])).toBe("'=1+1, b");
    for (const start of ['+', '@', '\t', '\r']) expect(excelCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(excelCell(null)).toBe('');
  });
});

describe.each(DATABASES)('record exports on %s', (kind) => {
  let t: TestApp;
  const service = serviceFeature({ properties: { name: 'Bäckerei Özdemir', note: '=1+1', languages: ['de', 'tr'] } });
  const site = brownfieldFeature();
  const need = needFeature({ text: 'نحتاج إلى روضة أطفال' });

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const feature of [service, site]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: t.as('field'),
        payload: feature,
      });
      expect(response.statusCode).toBe(201);
    }
    expect((await residentSubmits(t, need)).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const download = (query: string, role: Parameters<TestApp['as']>[0] = 'planner') =>
    t.app.inject({ method: 'GET', url: `/api/v1/exports/records?${query}`, headers: t.as(role) });

  it('gives a CSV that Excel with German settings opens: BOM, semicolons, decimal commas, WKT', async () => {
    const response = await download('format=csv&status=published,pending');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="quartiersatlas-records-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const body = response.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(body.slice(1), {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const byId = new Map(parsed.data.map((row) => [row.id, row]));
    expect(byId.size).toBe(3);
    expect(byId.get(service.id)).toMatchObject({
      kind: 'service',
      name: 'Bäckerei Özdemir',
      note: "'=1+1",
      languages: 'de, tr',
      lon: '7,465',
      lat: '51,552',
      geometryWkt: 'POINT (7.465 51.552)',
      status: 'published',
    });
    expect(byId.get(site.id)?.geometryWkt).toMatch(/^POLYGON \(\(7\.462 51\.551, /);
    expect(byId.get(site.id)?.lon).toBe('7,463');
    expect(byId.get(need.id)).toMatchObject({ text: 'نحتاج إلى روضة أطفال', status: 'pending' });
  });

  it('gives GeoJSON with the same filters as the records list', async () => {
    const response = await download('format=geojson&kind=service,brownfield');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const body = response.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f: { id: string }) => f.id).sort()).toEqual([service.id, site.id].sort());
  });

  it('shows a role only what it may see: residents nothing, the field team no pending records', async () => {
    const resident = await download('format=geojson', 'resident');
    expect(resident.statusCode).toBe(403);
    expect(resident.json().code).toBe('FORBIDDEN');
    const field = (await download('format=geojson&status=pending', 'field')).json();
    expect(field.features.map((f: { id: string }) => f.id)).not.toContain(need.id);
  });

  it('gives a GeoPackage with one typed layer per record kind, and leaves no temp file behind', async () => {
    const before = tempExports();
    const response = await download('format=gpkg&status=published,pending');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/geopackage+sqlite3');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="quartiersatlas-records-\d{4}-\d\d-\d\d\.gpkg"$/,
    );
    // The file is removed once the download stream has closed.
    await vi.waitFor(() => expect(tempExports()).toEqual(before));
    const { file, db } = openDownload(response.rawPayload, `records-${kind}.gpkg`);
    try {
      const tables = db.prepare('SELECT table_name FROM gpkg_contents ORDER BY table_name').all();
      expect(tables).toEqual([{ table_name: 'brownfields' }, { table_name: 'needs' }, { table_name: 'services' }]);
      expect(db.prepare('SELECT id, name, languages, note, stepFree FROM services').all()).toEqual([
        { id: service.id, name: 'Bäckerei Özdemir', languages: '["de","tr"]', note: '=1+1', stepFree: null },
      ]);
      expect(db.prepare('SELECT id, text, status FROM needs').get()).toEqual({
        id: need.id,
        text: 'نحتاج إلى روضة أطفال',
        status: 'pending',
      });
      const site = db.prepare('SELECT areaM2 FROM brownfields').get() as { areaM2: number };
      expect(site.areaM2).toBeGreaterThan(5000);
    } finally {
      db.close();
    }
    if (noGdal === null) {
      const info = await gdal('ogrinfo', ['-ro', '-so', file, 'brownfields']);
      expect(featureCount(info.stdout)).toBe(1);
      expect(info.stdout).toContain('Geometry: Polygon');
      expect(info.stdout).toContain('ID["EPSG",4326]');
    }

    // The field team's file holds what is published: the need still waits for moderation.
    const field = await download('format=gpkg', 'field');
    const fieldFile = openDownload(field.rawPayload, `field-${kind}.gpkg`);
    try {
      const tables = fieldFile.db.prepare('SELECT table_name FROM gpkg_contents ORDER BY table_name').all();
      expect(tables).toEqual([{ table_name: 'brownfields' }, { table_name: 'services' }]);
    } finally {
      fieldFile.db.close();
    }
  });

  it('still gives a GeoPackage with the asked-for layer when nothing matches', async () => {
    const response = await download('format=gpkg&kind=vacancy');
    const { db } = openDownload(response.rawPayload, `empty-${kind}.gpkg`);
    try {
      expect(db.prepare('SELECT table_name FROM gpkg_contents').all()).toEqual([{ table_name: 'vacancies' }]);
      expect(db.prepare('SELECT count(*) AS n FROM vacancies').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('names the wrong parameter and writes nothing when asked badly', async () => {
    const noFormat = await download('kind=service');
    expect(noFormat.statusCode).toBe(400);
    expect(noFormat.json().details).toEqual([expect.objectContaining({ field: 'format' })]);
    const badKind = await download('format=csv&kind=shop');
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().details).toEqual([expect.objectContaining({ field: 'kind' })]);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/exports/records?format=csv' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('defuses formulas a record brings into the CSV, but keeps numbers numbers', async () => {
    const hostile = serviceFeature({
      coordinates: [7.4651, 51.5521],
      properties: { name: '=HYPERLINK("http://x")', note: "@SUM(1+1)*cmd|' /C calc'!A0" },
    });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: t.as('field'),
      payload: hostile,
    });
    expect(created.statusCode).toBe(201);
    const body = (await download('format=csv&kind=service')).rawPayload.toString('utf8');
    const rows = Papa.parse<Record<string, string>>(body.slice(1), {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    });
    const row = rows.data.find((r) => r.id === hostile.id);
    expect(row).toMatchObject({
      name: '\'=HYPERLINK("http://x")',
      note: "'@SUM(1+1)*cmd|' /C calc'!A0",
      lon: '7,4651',
      lat: '51,5521',
    });
    expect(body).not.toMatch(/(^|;)=HYPERLINK/m);
  });
});

describe.each(DATABASES)('analysis result exports on %s', (kind) => {
  let t: TestApp;
  let id: string;
  let stored: {
    finishedAt: string;
    result: { grid: { features: Array<{ id: string }> }; quarters: unknown[]; potentials: Array<{ id: string }> };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadDemoData(t.database.db);
    await loadDemoPopulation(t.database.db);
    id = await runAnalysis(t, { category: 'kita', method: '2sfca' });
    stored = (await t.app.inject({ method: 'GET', url: `/api/v1/analyses/${id}`, headers: t.as('planner') })).json();
  });
  afterAll(() => t.close());

  const download = (query: string, role: Parameters<TestApp['as']>[0] = 'planner', analysis = id) =>
    t.app.inject({ method: 'GET', url: `/api/v1/analyses/${analysis}/export?${query}`, headers: t.as(role) });
  const day = () => stored.finishedAt.slice(0, 10);

  it('gives the H3 grid as GeoJSON by default, with every measure per cell', async () => {
    const response = await download('format=geojson');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="quartiersatlas-analyse-kita-${day()}-grid.geojson"`,
    );
    const body = response.json();
    expect(body.features.map((f: { id: string }) => f.id)).toEqual(stored.result.grid.features.map((f) => f.id));
    expect(body.features[0].geometry.type).toBe('Polygon');
    expect(Object.keys(body.features[0].properties)).toEqual(expect.arrayContaining(['h3', 'deficit', 'priority']));
  });

  it('gives each layer as a CSV that Excel with German settings opens', async () => {
    const response = await download('format=csv&layer=potentials');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="quartiersatlas-analyse-kita-${day()}-potentials.csv"`,
    );
    const body = response.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(body.slice(1), {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    });
    expect(rows.data.map((r) => r.id)).toEqual(stored.result.potentials.map((p) => p.id));
    expect(rows.data[0]?.rank).toBe('1');
    expect(rows.data[0]?.lat).toMatch(/^51,\d+$/);

    const grid = Papa.parse<Record<string, string>>(
      (await download('format=csv')).rawPayload.toString('utf8').slice(1),
      {
        header: true,
        delimiter: ';',
        skipEmptyLines: true,
      },
    );
    expect(grid.data).toHaveLength(stored.result.grid.features.length);
    expect(grid.data[0]?.geometryWkt).toMatch(/^POLYGON \(\(7\.\d+ 51\.\d+, /);
    expect(grid.data[0]?.lon).toMatch(/^7,\d+$/);
    const quarters = (await download('format=csv&layer=quarters')).rawPayload.toString('utf8');
    expect(quarters.split('\r\n')[1]).toMatch(/^eving;Eving;/);
  });

  it('gives one GeoPackage with grid, quarters and potentials', async () => {
    const response = await download('format=gpkg&layer=quarters');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="quartiersatlas-analyse-kita-${day()}.gpkg"`,
    );
    const { file, db } = openDownload(response.rawPayload, `analysis-${kind}.gpkg`);
    try {
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count('grid')).toBe(stored.result.grid.features.length);
      expect(count('quarters')).toBe(stored.result.quarters.length);
      expect(count('potentials')).toBe(stored.result.potentials.length);
      const identifiers = db.prepare('SELECT identifier FROM gpkg_contents ORDER BY table_name').all();
      expect(identifiers).toEqual([
        { identifier: `Gap analysis kita, 2sfca, ${day()}: H3 grid` },
        { identifier: `Gap analysis kita, 2sfca, ${day()}: potential sites` },
        { identifier: `Gap analysis kita, 2sfca, ${day()}: quarters` },
      ]);
    } finally {
      db.close();
    }
    if (noGdal === null) {
      for (const [layer, n] of [
        ['grid', stored.result.grid.features.length],
        ['quarters', stored.result.quarters.length],
        ['potentials', stored.result.potentials.length],
      ] as const) {
        const info = await gdal('ogrinfo', ['-ro', '-so', file, layer]);
        expect(featureCount(info.stdout), layer).toBe(n);
        expect(info.stdout).toContain('ID["EPSG",4326]');
      }
    }
  });

  it('answers 404 for an unknown analysis, 409 before it is done, and only to planners', async () => {
    const unknown = await download('format=csv', 'planner', '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('ANALYSIS_NOT_FOUND');
    const job = await createJob(t.database.db, {
      inputHash: 'export-test',
      category: 'kita',
      method: '2sfca',
      parameters: {},
      createdBy: null,
    });
    await failJob(t.database.db, job.id, { code: 'TEST', message: 'stopped for the test' });
    const failed = await download('format=gpkg', 'planner', job.id);
    expect(failed.statusCode).toBe(409);
    expect(failed.json()).toMatchObject({ code: 'ANALYSIS_NOT_DONE', message: expect.stringContaining('failed') });
    expect((await download('format=csv', 'field')).statusCode).toBe(403);
    const badLayer = await download('format=csv&layer=cells');
    expect(badLayer.statusCode).toBe(400);
    expect(badLayer.json().details).toEqual([expect.objectContaining({ field: 'layer' })]);
    const badFormat = await download('format=shp');
    expect(badFormat.json().details).toEqual([expect.objectContaining({ field: 'format' })]);
  });
});
