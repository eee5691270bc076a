import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brownfieldFeature,
  countRows,
  createTestApp,
  DATABASES,
  needFeature,
  residentSubmits,
  serviceFeature,
  TEST_QUARTER,
  type TestApp,
  uuidv7,
} from './helpers.ts';

describe.each(DATABASES)('records API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const post = (body: unknown, role: Parameters<TestApp['as']>[0] = 'field') =>
    t.app.inject({ method: 'POST', url: '/api/v1/records', headers: t.as(role), payload: body as object });
  const list = (query: string, role: Parameters<TestApp['as']>[0] = 'planner') =>
    t.app.inject({ method: 'GET', url: `/api/v1/records?${query}`, headers: t.as(role) });

  it('creates a record and returns it with server fields', async () => {
    const feature = serviceFeature({ properties: { capacity: 40, languages: ['de', 'tr'] } });
    const response = await post(feature);
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe(`/api/v1/records/${feature.id}`);
    const body = response.json();
    expect(body).toMatchObject({
      type: 'Feature',
      id: feature.id,
      geometry: feature.geometry,
      properties: {
        kind: 'service',
        category: 'groceries',
        name: 'Markt am Platz',
        capacity: 40,
        languages: ['de', 'tr'],
        quarterId: TEST_QUARTER.id,
        status: 'published',
        createdBy: t.accounts.field.id,
        deleted: false,
        demo: false,
      },
    });
    expect(body.properties.version).toBeGreaterThan(0);
    expect(Date.parse(body.properties.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${feature.id}`,
      headers: t.as('field', 'token'),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);
  });

  it('refuses a second record with the same id and keeps the first', async () => {
    const feature = serviceFeature();
    expect((await post(feature)).statusCode).toBe(201);
    const again = await post({ ...feature, properties: { ...feature.properties, name: 'Anderer Name' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RECORD_EXISTS');
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/records/${feature.id}`, headers: t.as('planner') });
    expect(read.json().properties.name).toBe('Markt am Platz');
  });

  it('computes the area of a brownfield polygon on the server', async () => {
    const response = await post(brownfieldFeature());
    expect(response.statusCode).toBe(201);
    // 0.002° × 0.001° at 51.55° N ≈ 139 m × 111 m
    expect(response.json().properties.areaM2).toBeGreaterThan(14_000);
    expect(response.json().properties.areaM2).toBeLessThan(16_500);
  });

  it('patches fields, bumps the version and refuses stale base versions', async () => {
    const created = (await post(serviceFeature())).json();
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${created.id}`,
      headers: t.as('planner'),
      payload: {
        properties: { name: 'Frischemarkt', openingHours: 'Mo-Sa 08:00-20:00' },
        baseVersion: created.properties.version,
      },
    });
    expect(patch.statusCode).toBe(200);
    const patched = patch.json();
    expect(patched.properties).toMatchObject({
      name: 'Frischemarkt',
      openingHours: 'Mo-Sa 08:00-20:00',
      category: 'groceries',
    });
    expect(patched.properties.version).toBeGreaterThan(created.properties.version);

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${created.id}`,
      headers: t.as('field'),
      payload: { properties: { name: 'Lost update' }, baseVersion: created.properties.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/records/${created.id}`, headers: t.as('planner') });
    expect(read.json().properties.name).toBe('Frischemarkt');
  });

  it('moves a record and refuses a patch that would make it invalid', async () => {
    const created = (await post(serviceFeature())).json();
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${created.id}`,
      headers: t.as('field'),
      payload: { geometry: { type: 'Point', coordinates: [7.47, 51.556] } },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().geometry.coordinates).toEqual([7.47, 51.556]);

    const broken = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${created.id}`,
      headers: t.as('field'),
      payload: { properties: { name: null } },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().details).toContainEqual(
      expect.objectContaining({ field: 'properties.name', code: 'REQUIRED' }),
    );
  });

  it('deletes by tombstone: gone from reads, listed with includeDeleted, version moved on', async () => {
    const created = (await post(serviceFeature())).json();
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/records/${created.id}`, headers: t.as('field') });
    expect(del.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/records/${created.id}`, headers: t.as('planner') }))
        .statusCode,
    ).toBe(404);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/records/${created.id}`,
      headers: t.as('field'),
    });
    expect(again.statusCode).toBe(404);

    const live = (await list(`quarter=${TEST_QUARTER.id}&limit=10000`)).json();
    expect(live.features.map((f: { id: string }) => f.id)).not.toContain(created.id);
    const all = (await list(`quarter=${TEST_QUARTER.id}&includeDeleted=true&limit=10000`)).json();
    const tombstone = all.features.find((f: { id: string }) => f.id === created.id);
    expect(tombstone.properties.deleted).toBe(true);
    expect(tombstone.properties.version).toBeGreaterThan(created.properties.version);
  });

  it('gives every write a distinct, increasing version, even when writes run at once', async () => {
    const features = Array.from({ length: 25 }, () => serviceFeature());
    const responses = await Promise.all(features.map((f) => post(f)));
    expect(responses.map((r) => r.statusCode)).toEqual(features.map(() => 201));
    const versions = responses.map((r) => r.json().properties.version as number);
    expect(new Set(versions).size).toBe(versions.length);
  });

  describe('listing', () => {
    let ids: { north: string; south: string; need: string; session: string };
    const since = new Date(Date.now() - 1000).toISOString();
    beforeAll(async () => {
      const session = uuidv7();
      const s = await t.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        headers: t.as('field'),
        payload: {
          id: session,
          kind: 'walkabout',
          title: 'Begehung Nord',
          quarterId: TEST_QUARTER.id,
          startedAt: new Date().toISOString(),
        },
      });
      expect(s.statusCode).toBe(201);
      const north = serviceFeature({
        coordinates: [7.47, 51.5585],
        properties: { category: 'pharmacy', name: 'Apotheke Nord', sessionId: session },
      });
      const south = serviceFeature({
        coordinates: [7.461, 51.5505],
        properties: { category: 'bakery', name: 'Bäckerei Süd' },
      });
      const need = needFeature({ sessionId: session });
      for (const f of [north, south, need]) expect((await post(f)).statusCode).toBe(201);
      ids = { north: north.id, south: south.id, need: need.id, session };
    });

    const idsOf = (body: { features: { id: string }[] }) => body.features.map((f) => f.id);

    it('filters by bbox', async () => {
      const body = (await list('bbox=7.468,51.557,7.475,51.559')).json();
      expect(body.type).toBe('FeatureCollection');
      expect(idsOf(body)).toContain(ids.north);
      expect(idsOf(body)).not.toContain(ids.south);
    });

    it('filters by kind, category and session', async () => {
      expect(idsOf((await list('kind=need')).json())).toEqual(expect.arrayContaining([ids.need]));
      expect(idsOf((await list('kind=need')).json())).not.toContain(ids.north);
      expect(idsOf((await list('category=bakery,pharmacy')).json()).sort()).toEqual([ids.north, ids.south].sort());
      expect(idsOf((await list(`session=${ids.session}`)).json()).sort()).toEqual([ids.north, ids.need].sort());
    });

    it('filters by quarter and by update time', async () => {
      expect((await list('quarter=somewhere-else')).json().features).toEqual([]);
      const future = new Date(Date.now() + 60_000).toISOString();
      expect((await list(`updatedSince=${encodeURIComponent(future)}`)).json().features).toEqual([]);
      expect(idsOf((await list(`updatedSince=${encodeURIComponent(since)}`)).json())).toContain(ids.north);
    });

    it('pages through everything exactly once', async () => {
      const seen: string[] = [];
      let url: string | null = '/api/v1/records?limit=7';
      let pages = 0;
      while (url) {
        const body: { numberReturned: number; features: { id: string }[]; links: { rel: string; href: string }[] } = (
          await t.app.inject({ method: 'GET', url, headers: t.as('planner') })
        ).json();
        expect(body.numberReturned).toBe(body.features.length);
        seen.push(...idsOf(body));
        url = body.links.find((l) => l.rel === 'next')?.href ?? null;
        pages++;
      }
      const total = await t.database.db
        .selectFrom('records')
        .select('id')
        .where('deleted', '=', 0)
        .where('status', '=', 'published')
        .execute();
      expect(pages).toBeGreaterThan(1);
      expect(seen.length).toBe(total.length);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('explains a malformed filter with the parameter named', async () => {
      const bbox = await list('bbox=7.5,51.5,7.4');
      expect(bbox.statusCode).toBe(400);
      expect(bbox.json()).toMatchObject({ code: 'INVALID_QUERY', details: [{ field: 'bbox' }] });
      const kindWrong = await list('kind=shop');
      expect(kindWrong.statusCode).toBe(400);
      expect(kindWrong.json().details[0].field).toBe('kind');
      const limit = await list('limit=100000');
      expect(limit.statusCode).toBe(400);
      expect(limit.json().details[0].field).toBe('limit');
    });
  });

  describe('residents', () => {
    it('send needs through their link, which wait for moderation and are hidden from the field team', async () => {
      const need = needFeature({ text: 'Burada bir kreş eksik.', lang: 'tr' });
      const response = await residentSubmits(t, need);
      expect(response.statusCode).toBe(201);
      expect(response.json().status).toBe('pending');
      const field = await t.app.inject({ method: 'GET', url: `/api/v1/records/${need.id}`, headers: t.as('field') });
      expect(field.statusCode).toBe(404);
      expect(idsOfList((await list('kind=need&status=pending', 'planner')).json())).toContain(need.id);
    });

    it('neither write nor read records through the team’s API', async () => {
      const before = await countRows(t.database, 'records');
      for (const feature of [serviceFeature(), needFeature()]) {
        const response = await post(feature, 'resident');
        expect(response.statusCode).toBe(403);
        expect(response.json().code).toBe('FORBIDDEN');
      }
      expect(await countRows(t.database, 'records')).toBe(before);
      expect((await list('limit=10000', 'resident')).statusCode).toBe(403);
      const published = idsOfList((await list('limit=1', 'field')).json())[0];
      const one = await t.app.inject({ method: 'GET', url: `/api/v1/records/${published}`, headers: t.as('resident') });
      expect(one.statusCode).toBe(403);
    });
  });
});

function idsOfList(body: { features: { id: string }[] }): string[] {
  return body.features.map((f) => f.id);
}
