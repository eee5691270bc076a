import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelCell } from '../src/exports/excel-csv.ts';
import { brownfieldFeature, createTestApp, DATABASES, needFeature, serviceFeature, type TestApp } from './helpers.ts';

describe('Excel cells', () => {
  it('writes decimal commas, joins lists and defuses formulas', () => {
    expect(excelCell(51.5535)).toBe('51,5535');
    expect(excelCell(['de', 'tr'])).toBe('de, tr');
    expect(excelCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(excelCell('-1+2')).toBe("'-1+2");
    expect(excelCell(-3.5)).toBe('-3,5');
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
    for (const [feature, role] of [
      [service, 'field'],
      [site, 'field'],
      [need, 'resident'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: t.as(role),
        payload: feature,
      });
      expect(response.statusCode).toBe(201);
    }
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

  it('shows a role only what it may see: residents no needs, the field team no pending records', async () => {
    const resident = (await download('format=geojson', 'resident')).json();
    expect(resident.features.some((f: { properties: { kind: string } }) => f.properties.kind === 'need')).toBe(false);
    const field = (await download('format=geojson&status=pending', 'field')).json();
    expect(field.features.map((f: { id: string }) => f.id)).not.toContain(need.id);
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
});
