import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, loadDemoPopulation } from '../src/seed.ts';
import { createTestApp, DATABASES, type TestApp } from './helpers.ts';
import { imported, postImport, refused } from './import-helpers.ts';

interface Job {
  id: string;
  status: string;
  error: unknown;
  parameters: Record<string, unknown>;
  result?: {
    parameters: { costs: string; network: { name: string; demandUnsnapped: number } | null };
    grid: { features: Array<{ properties: { h3: string; nearestDistanceM: number | null } }> };
  };
}

/**
 * A street grid over Eving, 200 m between streets. Walking along it between two points is longer
 * than the straight line unless they share a street, which is what the analysis should show.
 */
function streetGrid() {
  const lons: number[] = [];
  const lats: number[] = [];
  for (let lon = 7.445; lon <= 7.507; lon += 200 / (111_195 * Math.cos((51.55 * Math.PI) / 180)))
    lons.push(Number(lon.toFixed(7)));
  for (let lat = 51.53; lat <= 51.577; lat += 200 / 111_195) lats.push(Number(lat.toFixed(7)));
  const line = (coordinates: number[][]) => ({
    type: 'Feature',
    properties: { highway: 'residential' },
    geometry: { type: 'LineString', coordinates },
  });
  return {
    lons,
    lats,
    collection: {
      type: 'FeatureCollection',
      features: [
        ...lats.map((lat) => line(lons.map((lon) => [lon, lat]))),
        ...lons.map((lon) => line(lats.map((lat) => [lon, lat]))),
      ],
    },
  };
}

describe.each(DATABASES)('street networks on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadDemoData(t.database.db);
    await loadDemoPopulation(t.database.db);
  });
  afterAll(() => t.close());

  async function analyse(body: object): Promise<NonNullable<Job['result']>> {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/analyses',
      headers: t.as('planner'),
      payload: body,
    });
    const id = (started.json() as Job).id;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const job = (
        await t.app.inject({ method: 'GET', url: `/api/v1/analyses/${id}`, headers: t.as('planner') })
      ).json() as Job;
      if (job.status === 'failed') throw new Error(`analysis failed: ${JSON.stringify(job.error)}`);
      if (job.result) return job.result;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`analysis ${id} did not finish in 60 s`);
  }

  it('refuses a network file with a broken line and skips what is not a walkable street', async () => {
    const { collection } = streetGrid();
    const file = {
      ...collection,
      features: [
        ...collection.features.slice(0, 2),
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [7.46, 51.55],
              [7.46, 151.55],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { highway: 'bus_stop' },
          geometry: { type: 'Point', coordinates: [7.46, 51.55] },
        },
        {
          type: 'Feature',
          properties: { highway: 'motorway' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [7.45, 51.54],
              [7.5, 51.57],
            ],
          },
        },
      ],
    };
    const failed = refused(
      await postImport(t, { format: 'network', fileName: 'strassen.geojson' }, JSON.stringify(file)),
    );
    expect(failed.report.rejected).toEqual([
      expect.objectContaining({ row: 3, field: 'geometry.coordinates[1]', code: 'LATITUDE_OUT_OF_RANGE' }),
    ]);
    expect(failed.report.skipped.map((s) => [s.row, s.code])).toEqual([
      [4, 'NOT_A_STREET'],
      [5, 'NOT_WALKABLE'],
    ]);
    const stored = await t.database.db.selectFrom('street_networks').select('id').execute();
    expect(stored).toEqual([]);
  });

  it('makes analyses walk along the imported streets, unless straight lines are asked for', async () => {
    const { lons, lats, collection } = streetGrid();
    const network = imported(
      await postImport(
        t,
        { format: 'network', fileName: 'eving.geojson', name: 'Testnetz Eving' },
        JSON.stringify(collection),
      ),
    );
    expect(network.report.layer).toMatchObject({
      type: 'street-network',
      name: 'Testnetz Eving',
      edgeCount: lats.length * (lons.length - 1) + lons.length * (lats.length - 1),
      components: 1,
      mainShare: 1,
    });

    const request = { category: 'groceries', method: 'nearest', area: { quarters: ['eving'] } };
    const straight = await analyse({ ...request, parameters: { cutoff: 4000, detour: 1, costs: 'straight-line' } });
    expect(straight.parameters).toMatchObject({ costs: 'straight-line', network: null });
    const walking = await analyse({ ...request, parameters: { cutoff: 4000, detour: 1 } });
    expect(walking.parameters).toMatchObject({
      costs: 'network',
      network: { name: 'Testnetz Eving', demandUnsnapped: 0 },
    });

    const crow = new Map(straight.grid.features.map((f) => [f.properties.h3, f.properties.nearestDistanceM]));
    let longer = 0;
    let compared = 0;
    for (const { properties } of walking.grid.features) {
      const before = crow.get(properties.h3);
      if (before == null || properties.nearestDistanceM === null) continue;
      compared++;
      expect(properties.nearestDistanceM).toBeGreaterThanOrEqual(before - 0.01);
      if (properties.nearestDistanceM > before * 1.05) longer++;
    }
    expect(compared).toBeGreaterThan(20);
    expect(longer).toBeGreaterThan(compared / 3);
  });
});
