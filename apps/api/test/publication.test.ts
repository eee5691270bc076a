import { cellToLatLng, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DATABASES, needFeature, residentSubmits, type TestApp } from './helpers.ts';

interface Feature {
  id: string;
  geometry: { type: string; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

/** The centre of the resolution-8 H3 cell holding the point: where the public sees a need. */
function cellCentre([lon, lat]: [number, number]): [number, number] {
  const [centreLat, centreLon] = cellToLatLng(latLngToCell(lat, lon, 8));
  return [centreLon, centreLat];
}

// Exact spots with digits that appear nowhere else, so a leak shows in any response body.
const QUIET: [number, number] = [7.467137, 51.553871];
const NEIGHBOUR: [number, number] = [7.467419, 51.554023];
const APPROVED: [number, number] = [7.474163, 51.558517];
const digits = (spot: [number, number]) => spot.map((n) => String(n));

describe.each(DATABASES)('publishing resident needs on %s', (kind) => {
  let t: TestApp;
  const needs = {
    quiet: needFeature({ text: 'Frau Yilmaz im Haus Nr. 7 braucht Hilfe beim Einkaufen', lang: 'tr' }),
    neighbour: needFeature({ text: 'Kein Kinderarzt in der Nähe', lang: 'de', category: 'groceries' }),
    approved: needFeature({ text: 'Eine Bank zum Ausruhen am Markt', lang: 'ar' }),
    pending: needFeature({ text: 'Noch nicht geprüft' }),
  };
  needs.quiet.geometry.coordinates = QUIET;
  needs.neighbour.geometry.coordinates = NEIGHBOUR;
  needs.approved.geometry.coordinates = APPROVED;
  needs.pending.geometry.coordinates = [7.463311, 51.551277];

  const publish = (id: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/records/${id}/publish`, headers: t.as('planner'), payload });
  const get = (url: string, role: Parameters<TestApp['as']>[0] = 'anonymous') =>
    t.app.inject({ method: 'GET', url, headers: t.as(role, 'token') });
  const publicNeeds = async (query = '', role: Parameters<TestApp['as']>[0] = 'anonymous') => {
    const response = await get(`/ogc/collections/needs/items?limit=1000${query}`, role);
    expect(response.statusCode, response.body).toBe(200);
    return { body: response.body, features: (response.json() as { features: Feature[] }).features };
  };
  const withText = (features: Feature[], text: unknown) => features.filter((f) => f.properties.text === text);

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const feature of Object.values(needs)) {
      const sent = await residentSubmits(t, feature);
      expect(sent.statusCode, sent.body).toBe(201);
    }
    const published = [
      await publish(needs.quiet.id, {}),
      await publish(needs.neighbour.id, { showText: false }),
      await publish(needs.approved.id, { showText: true }),
    ];
    expect(published.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(published.map((r) => r.json().publicText)).toEqual([false, false, true]);
  });
  afterAll(() => t.close());

  it('shows needs without an approved text at their cell centre, with neither text nor language', async () => {
    const cell = ([lon, lat]: [number, number]) => latLngToCell(lat, lon, 8);
    expect(cell(QUIET)).toBe(cell(NEIGHBOUR));
    expect(cell(APPROVED)).not.toBe(cell(QUIET));
    for (const role of ['anonymous', 'resident'] as const) {
      const { body, features } = await publicNeeds('', role);
      expect(features).toHaveLength(3);
      const silent = withText(features, null);
      expect(silent).toHaveLength(2);
      for (const need of silent) {
        expect(need.geometry.coordinates).toEqual(cellCentre(QUIET));
        expect(need.properties.lang).toBeNull();
      }
      // Two needs in one cell sit on the very same point: nothing tells them apart by place.
      expect(silent[0]?.geometry.coordinates).toEqual(silent[1]?.geometry.coordinates);
      expect(silent.map((f) => f.properties.category).sort()).toEqual(['groceries', 'kita']);
      for (const spot of [QUIET, NEIGHBOUR]) for (const part of digits(spot)) expect(body).not.toContain(part);
      expect(body).not.toContain('Yilmaz');
      expect(body).not.toContain('Kinderarzt');
      expect(body).not.toContain('Noch nicht geprüft');
      for (const id of Object.values(needs).map((n) => n.id)) expect(body).not.toContain(id);

      // One by one, through the public id, the same.
      for (const need of silent) {
        const one = await get(`/ogc/collections/needs/items/${need.id}`, role);
        expect(one.statusCode).toBe(200);
        expect(one.json()).toMatchObject(need);
      }
    }
  });

  it('shows the text and its language where the planner approved them, still at the cell centre', async () => {
    const { body, features } = await publicNeeds();
    const [approved] = withText(features, 'Eine Bank zum Ausruhen am Markt');
    expect(approved?.properties.lang).toBe('ar');
    expect(approved?.geometry.coordinates).toEqual(cellCentre(APPROVED));
    for (const part of digits(APPROVED)) expect(body).not.toContain(part);

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${needs.approved.id}/history`,
      headers: t.as('planner'),
    });
    expect(history.json().events.at(-1)).toMatchObject({
      action: 'publish',
      changes: { status: { before: 'pending', after: 'published' }, publicText: { before: false, after: true } },
    });
    const quiet = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${needs.quiet.id}/history`,
      headers: t.as('planner'),
    });
    expect(Object.keys(quiet.json().events.at(-1).changes)).toEqual(['status']);
  });

  it('finds nothing with a box around the exact spot, and the need with a box around its cell centre', async () => {
    const box = ([lon, lat]: [number, number], r: number) => `${lon - r},${lat - r},${lon + r},${lat + r}`;
    const centre = cellCentre(QUIET);
    // The check below only means something while the exact spot lies away from the centre.
    expect(Math.abs(centre[0] - QUIET[0]) + Math.abs(centre[1] - QUIET[1])).toBeGreaterThan(0.0005);
    const aroundExact = await publicNeeds(`&bbox=${box(QUIET, 0.0002)}`);
    expect(aroundExact.features).toEqual([]);
    const aroundCentre = await publicNeeds(`&bbox=${box(centre, 0.0001)}`);
    expect(aroundCentre.features).toHaveLength(2);
  });

  it('gives the same public point and id on every request', async () => {
    const first = await publicNeeds();
    const second = await publicNeeds();
    expect(second.features).toEqual(first.features);
  });

  it('lets no exact point or unapproved text out to callers without a team role', async () => {
    const urls = [
      '/ogc/collections',
      '/ogc/collections/needs',
      '/ogc/collections/needs/schema',
      '/api/v1/records?kind=need',
      `/api/v1/records/${needs.quiet.id}`,
      '/api/v1/exports/records?format=csv',
      '/api/v1/exports/records?format=geojson',
      '/api/v1/reports/overview',
      '/api/v1/sync/pull',
      '/api/v1/quarters',
    ];
    for (const role of ['anonymous', 'resident'] as const) {
      for (const url of urls) {
        const response = await get(url, role);
        expect(response.statusCode, `${role} ${url}`).toBeLessThan(500);
        for (const part of [...digits(QUIET), ...digits(NEIGHBOUR), ...digits(APPROVED)]) {
          expect(response.body, `${role} ${url}`).not.toContain(part);
        }
        expect(response.body, `${role} ${url}`).not.toContain('Yilmaz');
      }
    }
    // The collection's extent is built from the cell centres, not from the exact points.
    const collection = (await get('/ogc/collections/needs')).json();
    const [minLon, minLat, maxLon, maxLat] = collection.extent.spatial.bbox[0];
    expect([minLon, minLat]).toEqual([
      Math.min(cellCentre(QUIET)[0], cellCentre(APPROVED)[0]),
      Math.min(cellCentre(QUIET)[1], cellCentre(APPROVED)[1]),
    ]);
    expect([maxLon, maxLat]).toEqual([
      Math.max(cellCentre(QUIET)[0], cellCentre(APPROVED)[0]),
      Math.max(cellCentre(QUIET)[1], cellCentre(APPROVED)[1]),
    ]);
  });

  it('keeps the exact point and the text for the team', async () => {
    const field = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${needs.quiet.id}`,
      headers: t.as('field', 'token'),
    });
    expect(field.json().geometry.coordinates).toEqual(QUIET);
    expect(field.json().properties.text).toContain('Yilmaz');
  });

  it('refuses a showText that is not a boolean, and writes nothing', async () => {
    const response = await publish(needs.pending.id, { showText: 'yes' });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe('showText');
    const { features } = await publicNeeds();
    expect(features).toHaveLength(3);
  });
});
