import type { Role } from '@quartiersatlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, loadDemoPopulation } from '../src/seed.ts';
import { createJob, failJob } from '../src/store/analyses.ts';
import { createTestApp, DATABASES, type TestApp, uuidv7 } from './helpers.ts';

interface Cell {
  geometry: { coordinates: number[][][] };
  properties: { h3: string; deficit: number; population: number; nearestServiceId: string | null };
}
interface Result {
  grid: { features: Cell[] };
  quarters: Array<{ id: string; deficit: number }>;
  potentials: Array<{ id: string; lng: number; lat: number }>;
  summary: { coverageShare: number; deficit: number; supplyPoints: number };
}

describe.each(DATABASES)('what-if analyses on %s', (kind) => {
  let t: TestApp;
  let analysisId: string;
  let stored: string;

  const get = (id: string) => t.app.inject({ method: 'GET', url: `/api/v1/analyses/${id}`, headers: t.as('planner') });
  const whatIf = (id: string, payload: object, role: Role = 'planner') =>
    t.app.inject({ method: 'POST', url: `/api/v1/analyses/${id}/what-if`, headers: t.as(role), payload });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadDemoData(t.database.db);
    await loadDemoPopulation(t.database.db);
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/analyses',
      headers: t.as('planner'),
      payload: { category: 'groceries', method: 'coverage' },
    });
    analysisId = started.json().id;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const job = (await get(analysisId)).json();
      if (job.status === 'done') break;
      if (job.status === 'failed') throw new Error(JSON.stringify(job.error));
      if (Date.now() > deadline) throw new Error('the analysis did not finish in 90 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    stored = (await get(analysisId)).body;
  }, 120_000);
  afterAll(() => t.close());

  const storedResult = () => JSON.parse(stored).result as Result;

  it('raises coverage and lowers the deficit with a service in the worst-served cell, storing nothing', async () => {
    const before = storedResult();
    const worst = [...before.grid.features].sort((a, b) => b.properties.deficit - a.properties.deficit)[0] as Cell;
    expect(worst.properties.deficit).toBeGreaterThan(0);
    const ring = worst.geometry.coordinates[0] as number[][];
    const corners = ring.slice(0, -1);
    const lon = corners.reduce((sum, p) => sum + (p[0] as number), 0) / corners.length;
    const lat = corners.reduce((sum, p) => sum + (p[1] as number), 0) / corners.length;

    const response = await whatIf(analysisId, { services: [{ lon, lat }] });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { analysisId: string; parameters: Record<string, unknown>; result: Result };
    expect(body.analysisId).toBe(analysisId);
    expect(body.parameters).toMatchObject({ category: 'groceries', method: 'coverage' });
    const after = body.result;
    expect(after.summary.supplyPoints).toBe(before.summary.supplyPoints + 1);
    expect(after.summary.coverageShare).toBeGreaterThan(before.summary.coverageShare);
    expect(after.summary.deficit).toBeLessThan(before.summary.deficit);
    const cell = after.grid.features.find((f) => f.properties.h3 === worst.properties.h3);
    expect(cell?.properties.nearestServiceId).toBe('what-if-1');
    expect(cell?.properties.deficit).toBeLessThan(worst.properties.deficit);
    expect(after.quarters.length).toBe(before.quarters.length);

    const again = await get(analysisId);
    expect(again.body).toBe(stored);
    expect(again.json().stale).toBe(false);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/analyses', headers: t.as('planner') })).json();
    expect(list.analyses.length).toBe(1);
  });

  it('takes a site a service is placed at out of the potentials', async () => {
    const [site] = storedResult().potentials;
    if (!site) throw new Error('the demo analysis found no potential site');
    const response = await whatIf(analysisId, {
      services: [{ lon: site.lng, lat: site.lat, siteId: site.id }],
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = response.json().result as Result;
    expect(after.potentials.map((p) => p.id)).not.toContain(site.id);
    expect(after.summary.coverageShare).toBeGreaterThanOrEqual(storedResult().summary.coverageShare);
  });

  it('refuses bad services naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ services: [{ lon: 200, lat: 51.5 }] }, 'services[0].lon'],
      [
        {
          services: [
            { lon: 7.4, lat: 51.5 },
            { lon: 7.4, lat: -95 },
          ],
        },
        'services[1].lat',
      ],
      [{ services: [{ lon: 7.4, lat: 51.5, capacity: 0 }] }, 'services[0].capacity'],
      [{ services: [] }, 'services'],
      [{ services: Array.from({ length: 21 }, () => ({ lon: 7.4, lat: 51.5 })) }, 'services'],
      [{ services: [{ lon: 7.4, lat: 51.5, siteId: uuidv7() }] }, 'services[0].siteId'],
    ];
    for (const [payload, field] of cases) {
      const response = await whatIf(analysisId, payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('answers 404 for an unknown analysis and 409 for one without a result', async () => {
    const unknown = await whatIf(uuidv7(), { services: [{ lon: 7.4, lat: 51.5 }] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('ANALYSIS_NOT_FOUND');
    const job = await createJob(t.database.db, {
      inputHash: 'failed',
      category: 'kita',
      method: 'coverage',
      parameters: {},
      createdBy: null,
    });
    await failJob(t.database.db, job.id, { code: 'ANALYSIS_FAILED', message: 'test' });
    const notDone = await whatIf(job.id, { services: [{ lon: 7.4, lat: 51.5 }] });
    expect(notDone.statusCode).toBe(409);
    expect(notDone.json().code).toBe('ANALYSIS_NOT_DONE');
    expect(notDone.json().message).toContain('failed');
  });

  it('is for staff only', async () => {
    for (const role of ['field', 'resident'] as const) {
      expect((await whatIf(analysisId, { services: [{ lon: 7.4, lat: 51.5 }] }, role)).statusCode).toBe(403);
    }
  });
});
