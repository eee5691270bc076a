import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../src/routes/imports.ts';
import { countRows, createTestApp, DATABASES, type TestApp, uuidv7 } from './helpers.ts';
import { type ImportView, imported, postImport, refused } from './import-helpers.ts';

interface Feature {
  id: string;
  geometry: { type: string; coordinates: number[] };
  properties: Record<string, unknown>;
}

// A small Overpass answer ([out:json]; … out center;) in the test quarter, plus one node in Cologne.
function overpassSample(supermarketName = 'Rewe') {
  return JSON.stringify({
    version: 0.6,
    generator: 'Overpass API 0.7.62',
    osm3s: {
      timestamp_osm_base: '2026-11-20T10:00:00Z',
      copyright:
        'The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.',
    },
    elements: [
      {
        type: 'node',
        id: 1001,
        lat: 51.5531,
        lon: 7.4651,
        tags: { amenity: 'kindergarten', name: 'Kita Regenbogen', capacity: '45', 'operator:type': 'public' },
      },
      {
        type: 'way',
        id: 2002,
        center: { lat: 51.5542, lon: 7.4689 },
        nodes: [1, 2, 3, 1],
        tags: { shop: 'supermarket', name: supermarketName, opening_hours: 'Mo-Sa 07:00-22:00', wheelchair: 'yes' },
      },
      {
        type: 'node',
        id: 1003,
        lat: 51.5561,
        lon: 7.4702,
        tags: { shop: 'vacant', 'addr:street': 'Deutsche Straße', 'addr:housenumber': '12' },
      },
      { type: 'node', id: 1004, lat: 50.9375, lon: 6.9603, tags: { shop: 'bakery', name: 'Bäckerei am Dom' } },
      { type: 'node', id: 1, lat: 51.554, lon: 7.4685 },
    ],
  });
}

describe.each(DATABASES)('imports on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const records = async (query: string) =>
    (
      (await t.app.inject({ method: 'GET', url: `/api/v1/records?${query}`, headers: t.as('planner') })).json() as {
        features: Feature[];
      }
    ).features;

  it('maps OSM tags of an Overpass answer to the taxonomy and skips what lies far from every quarter', async () => {
    const result = imported(await postImport(t, { format: 'overpass', fileName: 'overpass.json' }, overpassSample()));
    expect(result).toMatchObject({ status: 'done', format: 'overpass', rowsTotal: 4, rowsImported: 3 });
    expect(result.report).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: [] });
    expect(result.report.skipped).toEqual([
      { row: 4, id: 'node/1004', code: 'OUTSIDE_QUARTERS', reason: 'more than 2 km from every quarter' },
    ]);
    expect(result.report.categories).toEqual({ kita: 1, groceries: 1, vacancy: 1 });

    const [kita] = await records('category=kita');
    expect(kita?.properties).toMatchObject({
      kind: 'service',
      name: 'Kita Regenbogen',
      capacity: 45,
      operatorType: 'public',
      quarterId: 'testviertel',
      status: 'published',
    });
    expect(String(kita?.properties.note)).toContain('OpenStreetMap node 1001');
    const [market] = await records('category=groceries');
    expect(market?.geometry.coordinates).toEqual([7.4689, 51.5542]);
    expect(market?.properties).toMatchObject({ name: 'Rewe', openingHours: 'Mo-Sa 07:00-22:00', stepFree: true });
    const [vacancy] = await records('kind=vacancy');
    expect(vacancy?.properties.address).toBe('Deutsche Straße 12');
  });

  it('updates instead of duplicating when the same source comes again', async () => {
    const before = await countRows(t.database, 'records');
    const [market] = await records('category=groceries');
    const again = imported(await postImport(t, { format: 'overpass', fileName: 'overpass.json' }, overpassSample()));
    expect(again.report).toMatchObject({ created: 0, updated: 0, unchanged: 3 });

    const renamed = imported(
      await postImport(t, { format: 'overpass', fileName: 'overpass.json' }, overpassSample('Rewe City')),
    );
    expect(renamed.report).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(await countRows(t.database, 'records')).toBe(before);
    const [after] = await records('category=groceries');
    expect(after?.id).toBe(market?.id);
    expect(after?.properties.name).toBe('Rewe City');
    expect(Number(after?.properties.version)).toBeGreaterThan(Number(market?.properties.version));
    const events = await t.database.db
      .selectFrom('record_events')
      .select(['action', 'note'])
      .where('record_id', '=', market?.id as string)
      .orderBy('version')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(events[1]?.note).toContain('Imported from overpass.json');
  });

  it('keeps what planners added to an imported record when the source comes again', async () => {
    const [kita] = await records('category=kita');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${kita?.id}`,
      headers: t.as('planner'),
      payload: { properties: { languages: ['de', 'tr'] } },
    });
    expect(patched.statusCode).toBe(200);
    const again = imported(
      await postImport(t, { format: 'overpass', fileName: 'overpass.json' }, overpassSample('Rewe City')),
    );
    expect(again.report.unchanged).toBe(3);
    expect((await records('category=kita'))[0]?.properties.languages).toEqual(['de', 'tr']);
  });

  it('reads Overpass turbo GeoJSON: buildings become services at their centre, brownfields keep their outline', async () => {
    const square = (lon: number, lat: number, d: number) => [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ];
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'way/77',
          properties: { '@id': 'way/77', amenity: 'pharmacy', name: 'Linden-Apotheke' },
          geometry: { type: 'Polygon', coordinates: square(7.47, 51.551, 0.0002) },
        },
        {
          type: 'Feature',
          id: 'way/78',
          properties: { '@id': 'way/78', landuse: 'brownfield', name: 'Alte Zeche' },
          geometry: { type: 'Polygon', coordinates: square(7.461, 51.557, 0.001) },
        },
      ],
    };
    const result = imported(
      await postImport(t, { format: 'geojson', fileName: 'turbo.geojson' }, JSON.stringify(file)),
    );
    expect(result.report.categories).toEqual({ pharmacy: 1, brownfield: 1 });
    const [pharmacy] = await records('category=pharmacy');
    expect(pharmacy?.geometry.type).toBe('Point');
    expect(pharmacy?.geometry.coordinates[0]).toBeCloseTo(7.4701, 6);
    const [site] = await records('kind=brownfield');
    expect(site?.geometry.type).toBe('Polygon');
    expect(Number(site?.properties.areaM2)).toBeGreaterThan(7000);
  });

  it('reads its own GeoJSON export back: same records, nothing written unless the file changed', async () => {
    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exports/records?format=geojson',
      headers: t.as('planner'),
    });
    const file = exported.json() as { features: Feature[] };
    const back = imported(await postImport(t, { format: 'geojson', fileName: 'export.geojson' }, exported.body));
    expect(back.report).toMatchObject({ created: 0, updated: 0, unchanged: file.features.length, rejected: [] });
    const edited = file.features[0] as Feature;
    edited.properties.note = 'Vor Ort geprüft';
    const again = imported(
      await postImport(t, { format: 'geojson', fileName: 'export.geojson' }, JSON.stringify(file)),
    );
    expect(again.report).toMatchObject({ updated: 1, unchanged: file.features.length - 1 });
  });

  it('imports nothing from a GeoJSON file with broken rows and lists exactly those rows', async () => {
    const before = await countRows(t.database, 'records');
    const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: point(7.466, 51.553), properties: { name: 'Apotheke am Markt' } },
        { type: 'Feature', geometry: null, properties: { name: 'Ohne Ort' } },
        { type: 'Feature', geometry: point(7.467, 51.554), properties: { name: 'Apotheke Nord' } },
        { type: 'Feature', geometry: point(7.468, 95.1), properties: { name: 'Zu weit im Norden' } },
        {
          type: 'Feature',
          id: uuidv7(),
          geometry: point(7.469, 51.555),
          properties: { kind: 'service', category: 'spaceport', name: 'Raumhafen', quarterId: 'testviertel' },
        },
      ],
    };
    const failed = refused(
      await postImport(
        t,
        { format: 'geojson', fileName: 'apotheken.geojson', category: 'pharmacy' },
        JSON.stringify(file),
      ),
    );
    expect(failed).toMatchObject({ status: 'failed', rowsTotal: 5, rowsImported: 0 });
    expect(failed.report.rejected.map((r) => [r.row, r.code, r.field])).toEqual([
      [2, 'NO_POSITION', 'geometry'],
      [4, 'LATITUDE_OUT_OF_RANGE', 'geometry.coordinates'],
      [5, 'UNKNOWN_CATEGORY', 'properties.category'],
    ]);
    expect(failed.report.rejectedRows).toBe(3);
    expect(await countRows(t.database, 'records')).toBe(before);

    const stored = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${failed.id}`, headers: t.as('admin') });
    expect((stored.json() as { import: ImportView }).import.report.rejected).toHaveLength(3);
  });

  it('imports nothing from a CSV file with broken rows and names the column of each problem', async () => {
    const before = await countRows(t.database, 'records');
    const csv = [
      'stop_id;stop_name;lat;lon',
      'de:1;Eving Markt;51,5531;7,4651',
      'de:2;Ohne Länge;51,5532;',
      'de:3;Kaputt;51,5533;sieben',
      'de:4;Grüner Weg;51,5534;7,4654',
      'de:5;Zu viele;51,55;7,46;extra',
    ].join('\r\n');
    const failed = refused(
      await postImport(t, { format: 'csv', fileName: 'haltestellen.csv', category: 'bus_tram_stop' }, csv),
    );
    expect(failed.report.rejected.map((r) => [r.row, r.id, r.field, r.code])).toEqual([
      [2, 'de:2', 'lon', 'INVALID_COORDINATE'],
      [3, 'de:3', 'lon', 'INVALID_COORDINATE'],
      [5, undefined, undefined, 'WRONG_FIELD_COUNT'],
    ]);
    expect(await countRows(t.database, 'records')).toBe(before);

    const fixed = imported(
      await postImport(
        t,
        { format: 'csv', fileName: 'haltestellen.csv', category: 'bus_tram_stop' },
        `\uFEFF${csv
          .split('\r\n')
          .filter((_, i) => [0, 1, 4].includes(i))
          .join('\r\n')}`,
      ),
    );
    expect(fixed.report).toMatchObject({ created: 2, rejected: [] });
    const stops = await records('category=bus_tram_stop');
    expect(stops.map((s) => s.properties.name).sort()).toEqual(['Eving Markt', 'Grüner Weg']);
  });

  it('lists recent imports newest first, failed ones included', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: t.as('planner') });
    const list = (response.json() as { imports: ImportView[] }).imports;
    expect(list[0]?.fileName).toBe('haltestellen.csv');
    expect(list.map((i) => i.status)).toContain('failed');
    const missing = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${uuidv7()}`, headers: t.as('planner') });
    expect(missing.json()).toMatchObject({ code: 'IMPORT_NOT_FOUND' });
  });

  it('refuses what it cannot read, an empty file, form posts and a file over 50 MiB', async () => {
    const garbage = await postImport(
      t,
      { format: 'geojson', fileName: 'photo.jpg' },
      Buffer.from([0xff, 0xd8, 0x00, 0x10]),
    );
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ code: 'IMPORT_UNREADABLE' });
    const notJson = await postImport(t, { format: 'overpass', fileName: 'x.json' }, 'this is not json');
    expect(notJson.json()).toMatchObject({ code: 'IMPORT_UNREADABLE' });
    const noColumns = await postImport(t, { format: 'csv', fileName: 'x.csv', category: 'kita' }, 'a,b\n1,2\n');
    expect(noColumns.json()).toMatchObject({ code: 'IMPORT_UNREADABLE' });
    const empty = await postImport(t, { format: 'geojson', fileName: 'leer.geojson' }, '');
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ code: 'IMPORT_EMPTY' });

    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?format=csv&fileName=x.csv&category=kita',
      headers: { ...t.as('planner'), 'content-type': 'text/plain' },
      payload: 'lat,lon,name\n51.553,7.465,Kita\n',
    });
    expect(form.statusCode).toBe(415);

    const huge = await postImport(
      t,
      { format: 'geojson', fileName: 'huge.geojson' },
      Buffer.alloc(MAX_IMPORT_BYTES + 1, 32),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
  });

  it('names the query field that is wrong', async () => {
    const unknown = await postImport(t, { format: 'csv', fileName: 'x.csv', category: 'spaceport' }, 'lat,lon\n1,2\n');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_CATEGORY', details: [{ field: 'category' }] });
    const noCategory = await postImport(t, { format: 'csv', fileName: 'x.csv' }, 'lat,lon\n51.55,7.46\n');
    expect(noCategory.json()).toMatchObject({ code: 'INVALID_QUERY', details: [{ field: 'category' }] });
    const badFormat = await postImport(t, { format: 'shapefile', fileName: 'x.shp' }, 'x');
    expect(badFormat.json()).toMatchObject({ code: 'INVALID_QUERY', details: [{ field: 'format' }] });
  });

  it('lets only planners and admins import or read imports', async () => {
    for (const role of ['field', 'resident'] as const) {
      const post = await postImport(t, { format: 'overpass', fileName: 'o.json' }, overpassSample(), role);
      expect(post.statusCode).toBe(403);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: t.as(role) });
      expect(list.statusCode).toBe(403);
    }
    expect(
      (await postImport(t, { format: 'overpass', fileName: 'o.json' }, overpassSample(), 'anonymous')).statusCode,
    ).toBe(401);
  });
});
