import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, loadDemoPopulation } from '../src/seed.ts';
import { createTestApp, DATABASES, type TestApp, uuidv7 } from './helpers.ts';

interface JobView {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  stage: string | null;
  stale: boolean;
  error: unknown;
  parameters: Record<string, unknown>;
  result?: {
    grid: { type: string; features: Array<{ geometry: { type: string }; properties: Record<string, unknown> }> };
    quarters: Array<Record<string, unknown>>;
    potentials: Array<Record<string, unknown>>;
    summary: Record<string, unknown>;
  };
}

describe.each(DATABASES)('gap analyses through the API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadDemoData(t.database.db);
    await loadDemoPopulation(t.database.db);
  });
  afterAll(() => t.close());

  const start = (body: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/analyses', headers: t.as('planner'), payload: body as object });
  const read = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/analyses/${id}`, headers: t.as('planner') })).json() as JobView;

  async function waitForResult(id: string): Promise<{ final: JobView; seen: JobView[] }> {
    const seen: JobView[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      const job = await read(id);
      seen.push(job);
      if (job.status === 'done' || job.status === 'failed') return { final: job, seen };
      if (Date.now() > deadline) throw new Error(`analysis ${id} still ${job.status} after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('runs in the background, reports progress, and returns grid, quarter table and potentials', async () => {
    const response = await start({ category: 'kita', method: '2sfca', area: { quarters: ['eving', 'marten'] } });
    expect(response.statusCode).toBe(202);
    const job = response.json() as JobView;
    expect(['queued', 'running']).toContain(job.status);
    expect(job.parameters).toMatchObject({
      category: 'kita',
      method: '2sfca',
      cutoff: 1000,
      demandGroup: 'children_0_6',
      supplyUnit: 'places',
    });

    // The API answers other requests while the analysis runs.
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);

    const { final, seen } = await waitForResult(job.id);
    expect(final.status, JSON.stringify(final.error)).toBe('done');
    const progress = seen.map((s) => s.progress);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(final.progress).toBe(1);
    expect(final.stale).toBe(false);

    const result = final.result;
    expect(result?.grid.type).toBe('FeatureCollection');
    expect(result?.grid.features.length).toBeGreaterThan(20);
    expect(result?.grid.features[0]?.geometry.type).toBe('Polygon');
    expect(result?.quarters.map((q) => q.id).sort()).toEqual(['eving', 'marten']);
    expect(Array.isArray(result?.potentials)).toBe(true);
    expect(result?.potentials.length).toBeGreaterThan(0);
  });

  it('reuses a result for the same input until the data changes, then marks it stale', async () => {
    const body = { category: 'groceries', method: 'coverage', area: { quarters: ['marten'] } };
    const first = (await start(body)).json() as JobView;
    await waitForResult(first.id);
    const again = await start(body);
    expect(again.statusCode).toBe(200);
    expect((again.json() as JobView).id).toBe(first.id);

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: t.as('field'),
      payload: {
        type: 'Feature',
        id: uuidv7(),
        geometry: { type: 'Point', coordinates: [7.375, 51.505] },
        properties: { kind: 'service', quarterId: 'marten', category: 'groceries', name: 'Neuer Nahversorger' },
      },
    });
    expect(created.statusCode).toBe(201);
    expect((await read(first.id)).stale).toBe(true);
    const rerun = await start(body);
    expect(rerun.statusCode).toBe(202);
    expect((rerun.json() as JobView).id).not.toBe(first.id);
    await waitForResult((rerun.json() as JobView).id);
  });

  it('does not mark a result stale when unrelated records change', async () => {
    const body = { category: 'library', method: 'nearest', area: { quarters: ['eving'] } };
    const first = (await start(body)).json() as JobView;
    await waitForResult(first.id);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: t.as('field'),
      payload: {
        type: 'Feature',
        id: uuidv7(),
        geometry: { type: 'Point', coordinates: [7.47, 51.55] },
        properties: { kind: 'service', quarterId: 'eving', category: 'bakery', name: 'Backstube' },
      },
    });
    expect((await read(first.id)).stale).toBe(false);
  });

  it('shows a quarter without any service of the category as unreachable, not as 0', async () => {
    // The demo has no library in Marten, and Eving's are kilometres away.
    const job = (
      await start({ category: 'library', method: '2sfca', area: { quarters: ['marten'] } })
    ).json() as JobView;
    const { final } = await waitForResult(job.id);
    expect(final.status, JSON.stringify(final.error)).toBe('done');
    const summary = final.result?.summary as {
      population: number;
      unreachablePopulation: number;
      coverageShare: number;
    };
    expect(summary.population).toBeGreaterThan(0);
    expect(summary.unreachablePopulation).toBe(summary.population);
    expect(summary.coverageShare).toBe(0);
    for (const cell of final.result?.grid.features ?? []) {
      if ((cell.properties.population as number) > 0) expect(cell.properties.accessibility).toBeNull();
    }
    const first = final.result?.potentials.find((p) => p.rank === 1);
    expect(first?.newPeople).toBeGreaterThan(0);
  });

  it('explains bad parameters with the field named', async () => {
    const cases: Array<[unknown, number, string, string]> = [
      [{ category: 'casino', method: '2sfca' }, 400, 'UNKNOWN_CATEGORY', 'category'],
      [{ category: 'kita', method: '4sfca' }, 400, 'VALIDATION_FAILED', 'method'],
      [
        { category: 'kita', method: '2sfca', parameters: { cutoff: 10 } },
        400,
        'VALIDATION_FAILED',
        'parameters.cutoff',
      ],
      [
        { category: 'kita', method: 'gravity', parameters: { decay: 'gaussian:wide' } },
        400,
        'VALIDATION_FAILED',
        'parameters.decay',
      ],
      [
        { category: 'kita', method: '2sfca', parameters: { weights: { deficit: 2, needs: 0, access: 0 } } },
        400,
        'VALIDATION_FAILED',
        'parameters.weights.deficit',
      ],
      [
        { category: 'kita', method: '2sfca', area: { quarters: ['atlantis'] } },
        400,
        'UNKNOWN_QUARTER',
        'area.quarters',
      ],
      [{ category: 'kita', method: '2sfca', demandLayer: uuidv7() }, 400, 'UNKNOWN_DEMAND_LAYER', 'demandLayer'],
    ];
    for (const [body, status, code, field] of cases) {
      const response = await start(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().code, JSON.stringify(body)).toBe(code);
      expect(
        response.json().details.map((d: { field: string }) => d.field),
        JSON.stringify(body),
      ).toContain(field);
    }
  });
});

describe('gap analyses without population data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('says that a population layer must be imported first', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/analyses',
      headers: t.as('planner'),
      payload: { category: 'kita', method: '2sfca' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('NO_DEMAND_LAYER');
  });
});
