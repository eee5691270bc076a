import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob, failJob, finishJob } from '../src/store/analyses.ts';
import { putQuarter } from '../src/store/quarters.ts';
import {
  brownfieldFeature,
  createTestApp,
  DATABASES,
  needFeature,
  residentSubmits,
  serviceFeature,
  TEST_QUARTER,
  type TestApp,
  uuidv7,
} from './helpers.ts';
import { sessionInput } from './sync-helpers.ts';

interface QuarterFigures {
  id: string;
  name: string;
  records: Record<string, number>;
  pending: number;
  byCategory: Array<{ category: string; service: number; need: number }>;
  needsByLanguage: Array<{ lang: string; count: number }>;
  needsByTargetGroup: Array<{ group: string; count: number }>;
}

/** A stored result as the analysis worker writes it, cut down to what the report reads (and a grid). */
function storedResult(population: number, coverageShare: number, deficit: number) {
  const figures = { population, coverageShare, servedShare: 1 - deficit / population, deficit };
  return JSON.stringify({
    grid: { type: 'FeatureCollection', features: [] },
    quarters: [{ id: TEST_QUARTER.id, name: TEST_QUARTER.name, ...figures, needsCount: 2 }],
    potentials: [],
    summary: { ...figures, supplyPer1000: 0.4, unreachablePopulation: 10 },
  });
}

describe.each(DATABASES)('report figures on %s', (kind) => {
  let t: TestApp;
  const walk = sessionInput();
  const idle = { ...sessionInput(), title: 'Quartierszirkel ohne Ergebnis', kind: 'quartierszirkel' };

  const post = async (payload: object) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: t.as('field'), payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const report = async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/reports/overview', headers: t.as('planner') });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    await putQuarter(t.database.db, { ...TEST_QUARTER, id: 'nordviertel', name: 'Nordviertel' });
    for (const session of [walk, idle]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        headers: t.as('field'),
        payload: session,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    await post(serviceFeature({ properties: { sessionId: walk.id } }));
    await post(serviceFeature());
    await post(serviceFeature({ properties: { category: 'kita', name: 'Kita Sonnenblume' } }));
    const gone = await post(serviceFeature({ properties: { name: 'Geschlossen' } }));
    await t.app.inject({ method: 'DELETE', url: `/api/v1/records/${gone.id}`, headers: t.as('field') });
    await post(serviceFeature({ properties: { quarterId: 'nordviertel' } }));
    await post(brownfieldFeature());
    await post({
      type: 'Feature',
      id: uuidv7(),
      geometry: { type: 'Point', coordinates: [7.466, 51.553] },
      properties: { kind: 'vacancy', quarterId: TEST_QUARTER.id, formerUse: 'Bäckerei' },
    });
    await post(needFeature({ lang: 'de', targetGroups: ['children', 'families'], sessionId: walk.id }));
    await post(needFeature({ lang: 'tr', targetGroups: ['children'] }));
    await post(needFeature({ category: 'groceries', lang: 'de-DE', targetGroups: ['seniors'] }));
    await post(needFeature({ category: 'groceries', lang: undefined }));
    // Residents' needs wait for moderation; a rejected one is neither pending nor published.
    expect((await residentSubmits(t, needFeature({ lang: 'ar', targetGroups: ['newcomers'] }))).statusCode).toBe(201);
    const refused = needFeature({ lang: 'ar' });
    expect((await residentSubmits(t, refused)).statusCode).toBe(201);
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${refused.id}/reject`,
      headers: t.as('planner'),
      payload: { reason: 'doppelt' },
    });
    expect(rejected.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('counts published records per quarter, kind and category, and the needs waiting', async () => {
    const { quarters, generatedAt } = await report();
    expect(Date.parse(generatedAt)).not.toBeNaN();
    expect(quarters.map((q: QuarterFigures) => q.id)).toEqual(['nordviertel', TEST_QUARTER.id]);
    const [north, test] = quarters as [QuarterFigures, QuarterFigures];
    expect(test.records).toEqual({ service: 3, vacancy: 1, brownfield: 1, need: 4 });
    expect(test.pending).toBe(1);
    expect(test.byCategory).toEqual([
      { category: 'groceries', service: 2, need: 2 },
      { category: 'kita', service: 1, need: 2 },
    ]);
    expect(north).toMatchObject({
      name: 'Nordviertel',
      records: { service: 1, vacancy: 0, brownfield: 0, need: 0 },
      pending: 0,
      byCategory: [{ category: 'groceries', service: 1, need: 0 }],
      needsByLanguage: [],
      needsByTargetGroup: [],
    });
  });

  it('counts published needs by language (unknown as und) and by each target group', async () => {
    const test = (await report()).quarters.find((q: QuarterFigures) => q.id === TEST_QUARTER.id) as QuarterFigures;
    expect(test.needsByLanguage).toEqual([
      { lang: 'de', count: 2 },
      { lang: 'tr', count: 1 },
      { lang: 'und', count: 1 },
    ]);
    expect(test.needsByTargetGroup).toEqual([
      { group: 'children', count: 2 },
      { group: 'families', count: 1 },
      { group: 'seniors', count: 1 },
    ]);
  });

  it('counts records per survey session, sessions without records included', async () => {
    const { sessions } = await report();
    const byId = new Map(sessions.map((s: { id: string }) => [s.id, s]));
    expect(byId.get(walk.id)).toEqual({
      id: walk.id,
      title: walk.title,
      kind: 'walkabout',
      quarterId: TEST_QUARTER.id,
      startedAt: expect.any(String),
      endedAt: null,
      records: { service: 1, vacancy: 0, brownfield: 0, need: 1 },
    });
    expect(byId.get(idle.id)).toMatchObject({ records: { service: 0, vacancy: 0, brownfield: 0, need: 0 } });
  });

  it('shows the coverage of the newest finished analysis per category, and whether it is stale', async () => {
    expect((await report()).coverage).toEqual([]);
    const { db } = t.database;
    const job = (category: string) =>
      createJob(db, { inputHash: category, category, method: 'coverage', parameters: {}, createdBy: null });
    const older = await job('groceries');
    await finishJob(db, older.id, storedResult(1000, 0.5, 500));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await job('groceries');
    await finishJob(db, newer.id, storedResult(1000, 0.8, 200));
    const failed = await job('groceries');
    await failJob(db, failed.id, { code: 'ANALYSIS_FAILED', message: 'test' });
    await job('kita');

    const [groceries, ...others] = (await report()).coverage;
    expect(others).toEqual([]);
    expect(groceries).toEqual({
      category: 'groceries',
      analysisId: newer.id,
      method: 'coverage',
      finishedAt: expect.any(String),
      stale: false,
      population: 1000,
      coverageShare: 0.8,
      servedShare: 0.8,
      deficit: 200,
      supplyPer1000: 0.4,
      quarters: [
        {
          id: TEST_QUARTER.id,
          name: TEST_QUARTER.name,
          population: 1000,
          coverageShare: 0.8,
          servedShare: 0.8,
          deficit: 200,
        },
      ],
    });

    await post(serviceFeature({ properties: { name: 'Neuer Markt' } }));
    expect((await report()).coverage[0]).toMatchObject({ analysisId: newer.id, stale: true });
  });

  it('is for staff only', async () => {
    for (const role of ['field', 'resident'] as const) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/reports/overview', headers: t.as(role) });
      expect(response.statusCode).toBe(403);
    }
  });
});
