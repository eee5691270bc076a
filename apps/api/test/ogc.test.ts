import { cellToLatLng, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, loadDemoPopulation } from '../src/seed.ts';
import { runAnalysis } from './gis-helpers.ts';
import { createTestApp, DATABASES, needFeature, residentSubmits, type TestApp } from './helpers.ts';

interface Link {
  rel: string;
  type: string;
  href: string;
}
interface Feature {
  id: string;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}
interface Items {
  numberMatched?: number;
  numberReturned: number;
  features: Feature[];
  links: Link[];
}
type Role = Parameters<TestApp['as']>[0];

/** Where a resident's need is shown to the public: the centre of its resolution-8 H3 cell. */
function cellCentre([lon, lat]: [number, number]): [number, number] {
  const [centreLat, centreLon] = cellToLatLng(latLngToCell(lat, lon, 8));
  return [centreLon, centreLat];
}

const path = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};
const linkOf = (body: { links: Link[] }, rel: string) => body.links.find((l) => l.rel === rel);

describe.each(DATABASES)('OGC API – Features on %s', (kind) => {
  let t: TestApp;
  let analysisId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadDemoData(t.database.db);
    await loadDemoPopulation(t.database.db);
    analysisId = await runAnalysis(t, { category: 'groceries', method: '2sfca' });
  });
  afterAll(() => t.close());

  const get = (url: string, role: Role = 'anonymous', via: 'cookie' | 'token' = 'cookie') =>
    t.app.inject({ method: 'GET', url, headers: t.as(role, via) });
  const items = async (url: string, role: Role = 'anonymous', via: 'cookie' | 'token' = 'cookie') => {
    const response = await get(url, role, via);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    return response.json() as Items;
  };
  const apiIds = async (query: string) => {
    const response = await get(`/api/v1/records?limit=10000&${query}`, 'planner');
    return (response.json() as { features: Feature[] }).features.map((f) => f.id).sort();
  };

  it('has a landing page, conformance classes and one collection per record kind', async () => {
    const landing = (await get('/ogc')).json() as { links: Link[] };
    for (const rel of ['self', 'service-desc', 'conformance', 'data']) expect(linkOf(landing, rel)).toBeDefined();
    expect(linkOf(landing, 'data')?.href).toBe('http://localhost:80/ogc/collections');
    const docs = await get(path(linkOf(landing, 'service-desc')?.href ?? ''));
    expect(docs.json().paths).toHaveProperty('/ogc/collections/{collectionId}/items');

    const conformance = (await get('/ogc/conformance')).json() as { conformsTo: string[] };
    expect(conformance.conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      ]),
    );

    const list = (await get('/ogc/collections')).json() as {
      collections: Array<{ id: string; extent: { spatial: { bbox: number[][] } }; links: Link[] }>;
    };
    expect(list.collections.map((c) => c.id)).toEqual(['services', 'vacancies', 'brownfields', 'needs']);
    const [minLon, minLat, maxLon, maxLat] = list.collections[0]?.extent.spatial.bbox[0] ?? [];
    // Eving and Marten lie north-west of Dortmund's centre.
    expect([minLon, minLat, maxLon, maxLat].every((v) => typeof v === 'number')).toBe(true);
    expect(minLon).toBeGreaterThan(7.3);
    expect(maxLat).toBeLessThan(51.6);
    expect(linkOf(list.collections[0] ?? { links: [] }, 'items')?.href).toBe(
      'http://localhost:80/ogc/collections/services/items',
    );

    const staff = (await get('/ogc/collections', 'planner')).json() as { collections: Array<{ id: string }> };
    expect(staff.collections.map((c) => c.id)).toEqual(
      expect.arrayContaining([`analysis-${analysisId}`, `analysis-${analysisId}-potentials`]),
    );
  });

  it('pages through a whole collection with next links and back with prev', async () => {
    const pages: Items[] = [];
    let url: string | undefined = '/ogc/collections/services/items?limit=64';
    while (url) {
      const page: Items = await items(url);
      pages.push(page);
      const next = linkOf(page, 'next');
      url = next ? path(next.href) : undefined;
    }
    expect(pages[0]?.numberMatched).toBe(300);
    expect(pages[0]?.numberReturned).toBe(64);
    expect(linkOf(pages[0] as Items, 'prev')).toBeUndefined();
    expect(pages.map((p) => p.numberReturned)).toEqual([64, 64, 64, 64, 44]);
    const ids = pages.flatMap((p) => p.features.map((f) => f.id));
    expect(ids).toEqual(await apiIds('kind=service'));

    const prev = linkOf(pages[2] as Items, 'prev');
    const back = await items(path(prev?.href ?? ''));
    expect(back.features.map((f) => f.id)).toEqual(pages[1]?.features.map((f) => f.id));
    expect(linkOf(back, 'next')).toBeDefined();
  });

  it('filters by bbox exactly like the records API', async () => {
    const bbox = '7.44,51.53,7.47,51.55';
    const page = await items(`/ogc/collections/services/items?limit=10000&bbox=${bbox}`);
    const expected = await apiIds(`kind=service&bbox=${bbox}`);
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(300);
    expect(page.features.map((f) => f.id)).toEqual(expected);
    expect(page.numberMatched).toBe(expected.length);
    // Six numbers (with heights) are allowed; a box over the antimeridian finds nothing here.
    const withHeights = await items(`/ogc/collections/services/items?limit=10000&bbox=7.44,51.53,0,7.47,51.55,100`);
    expect(withHeights.numberMatched).toBe(expected.length);
    expect((await items('/ogc/collections/services/items?bbox=179,-10,-179,10')).numberMatched).toBe(0);
    for (const bad of ['1,2,3', '7.5,51.6,7.4,51.5x', '7,52,8,51', '7,-91,8,51']) {
      const response = await get(`/ogc/collections/services/items?bbox=${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().details).toEqual([expect.objectContaining({ field: 'bbox' })]);
    }
  });

  it('filters by datetime on the time of the last change', async () => {
    const ids = (await apiIds('kind=vacancy')).slice(0, 3);
    const times = ['2020-02-01T08:00:00.000Z', '2020-02-01T18:30:00.000Z', '2020-05-10T12:00:00.000Z'];
    for (const [i, id] of ids.entries()) {
      await t.database.db
        .updateTable('records')
        .set({ updated_at: times[i] as string })
        .where('id', '=', id)
        .execute();
    }
    const matched = async (datetime: string) =>
      (await items(`/ogc/collections/vacancies/items?limit=10000&datetime=${encodeURIComponent(datetime)}`)).features
        .map((f) => f.id)
        .sort();
    expect(await matched('2020-02-01T18:30:00Z')).toEqual([ids[1]]);
    expect(await matched('2020-02-01T19:30:00+01:00')).toEqual([ids[1]]);
    expect(await matched('2020-02-01')).toEqual(ids.slice(0, 2).sort());
    expect(await matched('2020-02-01T12:00:00Z/2020-06-01T00:00:00Z')).toEqual(ids.slice(1).sort());
    expect(await matched('../2020-03-01T00:00:00Z')).toEqual(ids.slice(0, 2).sort());
    expect((await matched('2020-03-01T00:00:00Z/..')).length).toBe(60 - 2);
    expect((await matched('../..')).length).toBe(60);
    for (const bad of ['yesterday', '2020-02-30', '2020-06-01T00:00:00Z/2020-01-01T00:00:00Z', 'a/b/c']) {
      const response = await get(`/ogc/collections/vacancies/items?datetime=${encodeURIComponent(bad)}`);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().details).toEqual([expect.objectContaining({ field: 'datetime' })]);
    }
  });

  it('refuses a limit out of range, unknown parameters and mixed paging, naming the parameter', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=10001', 'limit'],
      ['limit=100001', 'limit'],
      ['limit=ten', 'limit'],
      ['sortby=name', 'sortby'],
      ['f=html', 'f'],
      ['crs=http://www.opengis.net/def/crs/EPSG/0/25832', 'crs'],
      [`after=${'a'.repeat(8)}&before=${'b'.repeat(8)}`, 'before'],
    ] as const) {
      const response = await get(`/ogc/collections/services/items?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().details).toEqual([expect.objectContaining({ field })]);
    }
    expect((await items('/ogc/collections/services/items?limit=10000&f=json')).numberReturned).toBe(300);
    const crs84 = await get(
      '/ogc/collections/services/items?crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84&bbox-crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84',
    );
    expect(crs84.statusCode).toBe(200);
    expect(crs84.headers['content-crs']).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
    expect((await get('/ogc/collections?page=2')).statusCode).toBe(400);
  });

  it('shows the public only published needs, moved to their cell centre, without text', async () => {
    const published = needFeature({ text: 'Frau K. aus Nr. 12 braucht Hilfe', supporters: 4321 });
    const pending = needFeature({ text: 'Noch nicht moderiert' });
    const created = [
      await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: t.as('field'), payload: published }),
      await residentSubmits(t, pending),
    ];
    expect(created.map((r) => r.statusCode)).toEqual([201, 201]);
    const exact = published.geometry.coordinates as [number, number];
    const centre = cellCentre(exact);

    for (const [role, via] of [
      ['anonymous', 'cookie'],
      ['resident', 'token'],
    ] as const) {
      const all = await items('/ogc/collections/needs/items?limit=10000', role, via);
      expect(all.numberMatched).toBe(251);
      const ids = all.features.map((f) => f.id);
      expect(ids).not.toContain(published.id);
      expect(ids).not.toContain(pending.id);
      for (const feature of all.features) {
        expect(Object.keys(feature.properties).sort()).toEqual(
          ['category', 'kind', 'lang', 'quarterId', 'supporters', 'targetGroups', 'text', 'urgency'].sort(),
        );
        // Nobody approved showing a text here (see publication.test.ts for approved ones).
        expect([feature.properties.text, feature.properties.lang]).toEqual([null, null]);
        const point = feature.geometry.coordinates as [number, number];
        expect(point).toEqual(cellCentre(point));
      }
      expect(JSON.stringify(all)).not.toContain('Frau K.');
      const mine = all.features.find((f) => f.properties.supporters === 4321);
      expect(mine?.geometry.coordinates).toEqual(centre);
      expect(mine?.geometry.coordinates).not.toEqual(exact);

      const one = await get(`/ogc/collections/needs/items/${mine?.id}`, role, via);
      expect(one.statusCode).toBe(200);
      expect(one.json().geometry.coordinates).toEqual(centre);
      const byRecordId = await get(`/ogc/collections/needs/items/${published.id}`, role, via);
      expect(byRecordId.statusCode).toBe(404);
      expect(byRecordId.json().code).toBe('FEATURE_NOT_FOUND');
    }

    // A box around the exact spot, not around the cell centre, finds nothing: narrow boxes cannot
    // be used to find where a resident stood.
    const [lon, lat] = exact;
    const aroundExact = `${lon - 0.0002},${lat - 0.0002},${lon + 0.0002},${lat + 0.0002}`;
    expect((await items(`/ogc/collections/needs/items?bbox=${aroundExact}`)).numberMatched).toBe(0);
    const [cLon, cLat] = centre;
    const aroundCentre = `${cLon - 0.0001},${cLat - 0.0001},${cLon + 0.0001},${cLat + 0.0001}`;
    expect((await items(`/ogc/collections/needs/items?bbox=${aroundCentre}`)).numberMatched).toBeGreaterThan(0);

    const schema = (await get('/ogc/collections/needs/schema')).json();
    expect(Object.keys(schema.properties.properties.properties)).not.toContain('note');
    expect(Object.keys(schema.properties.properties.properties)).not.toContain('media');

    // The field team sees the needs as the records API shows them: exact, with text, published only.
    const field = await items('/ogc/collections/needs/items?limit=10000', 'field', 'token');
    const seen = field.features.find((f) => f.id === published.id);
    expect(seen?.geometry.coordinates).toEqual(exact);
    expect(seen?.properties.text).toBe('Frau K. aus Nr. 12 braucht Hilfe');
    expect(field.features.map((f) => f.id)).not.toContain(pending.id);
  });

  it('keeps analysis results to planners and serves their cells and sites', async () => {
    const grid = `/ogc/collections/analysis-${analysisId}`;
    for (const role of ['anonymous', 'resident', 'field'] as const) {
      for (const url of [grid, `${grid}/items`, `${grid}-potentials/items`]) {
        const response = await get(url, role, 'token');
        expect(response.statusCode, `${role} ${url}`).toBe(404);
        expect(response.json().code).toBe('COLLECTION_NOT_FOUND');
      }
    }
    const stored = (await get(`/api/v1/analyses/${analysisId}`, 'planner')).json() as {
      result: { grid: { features: Feature[] }; potentials: unknown[] };
    };
    const cells = await items(`${grid}/items?limit=10000`, 'planner');
    expect(cells.numberMatched).toBe(stored.result.grid.features.length);
    expect(cells.features[0]?.geometry.type).toBe('Polygon');
    expect(cells.features[0]?.properties).toHaveProperty('priority');
    expect(cells.features[0]?.id).toBe(cells.features[0]?.properties.h3);

    const first = cells.features[0] as Feature;
    const one = await get(`${grid}/items/${first.id}`, 'planner');
    expect(one.json().properties.h3).toBe(first.id);
    const [[x, y] = []] = (first.geometry.coordinates as number[][][])[0] ?? [];
    const narrow = await items(`${grid}/items?bbox=${x},${y},${x},${y}`, 'planner');
    expect(narrow.numberMatched).toBeGreaterThanOrEqual(1);
    expect(narrow.numberMatched).toBeLessThan(cells.numberMatched ?? 0);

    const sites = await items(`${grid}-potentials/items`, 'planner');
    expect(sites.numberMatched).toBe(stored.result.potentials.length);
    expect(sites.features.every((f) => f.geometry.type === 'Point')).toBe(true);

    const filtered = await get(`${grid}/items?category=groceries`, 'planner');
    expect(filtered.statusCode).toBe(400);
    expect(filtered.json().details).toEqual([expect.objectContaining({ field: 'category' })]);
    const other = await get('/ogc/collections/analysis-00000000-0000-4000-8000-000000000000', 'planner');
    expect(other.statusCode).toBe(404);
  });

  it('answers 404 for unknown collections and features', async () => {
    const collection = await get('/ogc/collections/shops/items');
    expect(collection.statusCode).toBe(404);
    expect(collection.json().code).toBe('COLLECTION_NOT_FOUND');
    for (const id of ['0196f3a2-7c1e-7d40-9a51-3f0c2b8e4d17', 'not-a-record']) {
      const feature = await get(`/ogc/collections/services/items/${id}`);
      expect(feature.statusCode).toBe(404);
      expect(feature.json().code).toBe('FEATURE_NOT_FOUND');
    }
  });
});
