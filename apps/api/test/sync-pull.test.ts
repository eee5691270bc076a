import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putQuarter } from '../src/store/quarters.ts';
import { getRecord } from '../src/store/records.ts';
import { purgeTombstones } from '../src/store/sync-pull.ts';
import { createTestApp, DATABASES, serviceFeature, TEST_QUARTER, type TestApp, uuidv7 } from './helpers.ts';
import { createOp, createSessionOp, deleteOp, sessionInput, syncClient } from './sync-helpers.ts';

describe.each(DATABASES)('sync pull on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const device = uuidv7();
  const { push, pullRaw, pull, pullAll, createRecord } = syncClient(() => t);

  it('pages over more rows than the limit and returns every row exactly once, in version order', async () => {
    const { cursor } = await pullAll('planner');
    const features = Array.from({ length: 23 }, () => serviceFeature());
    const sessionOps = Array.from({ length: 3 }, () => createSessionOp(sessionInput()));
    await push('planner', device, [
      ...features.slice(0, 10).map(createOp),
      ...sessionOps,
      ...features.slice(10).map(createOp),
    ]);
    let next = cursor;
    const pages: Array<Array<{ id: string; version: number }>> = [];
    for (;;) {
      const page = await pull('planner', { cursor: next, limit: 7 });
      pages.push([...page.rows, ...page.sessions].sort((a, b) => a.version - b.version));
      next = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 5]);
    const seen = pages.flat();
    expect(seen.map((s) => s.id).sort()).toEqual(
      [...features.map((f) => f.id), ...sessionOps.map((s) => s.recordId)].sort(),
    );
    // Pages follow each other in version order: nothing on a page is older than the page before.
    const versions = seen.map((s) => s.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    const quiet = await pull('planner', { cursor: next });
    expect(quiet).toMatchObject({ rows: [], sessions: [], nextCursor: next, hasMore: false });
  });

  it('filters by quarter, and names an unknown quarter', async () => {
    await putQuarter(t.database.db, { ...TEST_QUARTER, id: 'nebenviertel', name: 'Nebenviertel' });
    const { cursor } = await pullAll('field');
    const here = serviceFeature();
    const there = serviceFeature({ properties: { quarterId: 'nebenviertel' } });
    await push('field', device, [createOp(here), createOp(there)]);
    const page = await pull('field', { cursor, quarter: 'nebenviertel' });
    expect(page.rows.map((row) => row.id)).toEqual([there.id]);
    const both = await pull('field', { cursor, quarter: `nebenviertel,${TEST_QUARTER.id}` });
    expect(both.rows.map((row) => row.id)).toEqual([here.id, there.id]);
    const unknown = await pullRaw('field', { quarter: 'nebenviertel,nirgendwo' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toEqual([expect.objectContaining({ field: 'quarter', code: 'UNKNOWN_QUARTER' })]);
  });

  it('sends devices back to a full pull after a restore from backup or a purge, never in a loop', async () => {
    const { cursor: old } = await pullAll('field');
    const [epoch] = old.split('.');
    const foreign = await pullRaw('field', { cursor: `${uuidv7()}.3` });
    expect(foreign.statusCode).toBe(410);
    expect(foreign.json().code).toBe('CURSOR_TOO_OLD');
    const beyond = await pullRaw('field', { cursor: `${epoch}.${Number(old.split('.')[1]) + 1000}` });
    expect(beyond.json().code).toBe('CURSOR_TOO_OLD');
    const malformed = await pullRaw('field', { cursor: 'gibberish' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().details[0].field).toBe('cursor');

    const gone = await createRecord('field', device);
    await push('field', device, [deleteOp(gone.id, gone.version)]);
    await t.database.db
      .updateTable('records')
      .set({ updated_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', gone.id)
      .execute();
    const { purged, horizon } = await purgeTombstones(t.database.db, '2001-01-01T00:00:00.000Z');
    expect(purged).toBe(1);
    expect(await getRecord(t.database.db, gone.id)).toBeUndefined();
    expect((await pullRaw('field', { cursor: old })).json().code).toBe('CURSOR_TOO_OLD');
    // A full pull pages through live records older than the horizon without being sent back.
    const full = await pullAll('field', undefined, 5);
    expect(full.rows.length).toBeGreaterThan(10);
    expect(full.rows.some((row) => row.id === gone.id)).toBe(false);
    expect(Number(full.cursor.split('.')[1])).toBeGreaterThanOrEqual(horizon - 1);
    expect((await pullRaw('field', { cursor: full.cursor })).statusCode).toBe(200);
  });
});

describe('purging old tombstones from the command line', () => {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());
  const { push } = syncClient(() => t);

  function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    const env = { ...process.env, DATA_DIR: t.database.config.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
    return new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', cli, ...args], { env }, (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  }

  it('removes tombstones older than the given days, keeps those with open conflicts, and raises the horizon', async () => {
    const device = uuidv7();
    // Deleted long ago; deleted long ago with an open delete-after-edit conflict; deleted now; live.
    const features = [serviceFeature(), serviceFeature(), serviceFeature(), serviceFeature()];
    const ids = features.map((feature) => feature.id);
    const created = await push('field', device, features.map(createOp));
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${ids[1]}`,
      headers: t.as('planner'),
      payload: { properties: { note: 'neu' } },
    });
    expect(edited.statusCode).toBe(200);
    const deleted = await push(
      'field',
      device,
      ids.slice(0, 3).map((id, i) => deleteOp(id, created[i]?.version as number)),
    );
    expect(deleted.map((result) => result.status)).toEqual(['applied', 'conflict', 'applied']);
    const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await t.database.db
      .updateTable('records')
      .set({ updated_at: longAgo })
      .where('id', 'in', ids.slice(0, 2))
      .execute();

    // Both at once: starting the CLI takes seconds, and a refused command changes nothing.
    const [refused, done] = await Promise.all([
      run('purge-tombstones', '--older-than', '0'),
      run('purge-tombstones', '--older-than', '30'),
    ]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--older-than');
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('purged 1 deleted records older than 30 days');

    const left = await t.database.db.selectFrom('records').select('id').where('id', 'in', ids).execute();
    expect(left.map((row) => row.id).sort()).toEqual(ids.slice(1).sort());
    const horizon = await t.database.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'sync_horizon')
      .executeTakeFirstOrThrow();
    expect(Number(horizon.value)).toBe((deleted[0]?.version as number) + 1);
  }, 60_000);
});
