// Two API processes behind one PostgreSQL, as behind a load balancer: most devices hit either
// process on every request, some stick to one. Both must hand out one version sequence, apply
// each op once, record same-field clashes, and serve identical pulls.
import {
  MAX_PULL_LIMIT,
  type PullResponse,
  type SessionRow,
  SYNC_SCHEMA_VERSION,
  type SyncRow,
} from '@quartiersatlas/sync';
import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLoadDatabase, type LoadDatabase, prepareDatabase } from '../../../scripts/sync-load/database.ts';
import { SimulatedDevice, sleep } from '../../../scripts/sync-load/device.ts';
import { freePort, ServerProcess } from '../../../scripts/sync-load/server-process.ts';

const ROAMING_DEVICES = 4;
const WORK_MS = 12_000;
const SHARED_RECORDS = 12;

const postgres = inject('postgresAvailable');
if (!postgres) {
  console.warn('[skip] two API processes on one PostgreSQL: PostgreSQL is not reachable (see global-setup.ts)');
}

async function rows<T>(database: LoadDatabase, query: string): Promise<T[]> {
  const opened = database.open();
  try {
    return (await sql.raw<T>(query).execute(opened.db)).rows;
  } finally {
    await opened.close();
  }
}

/** Everything one process serves to a fresh device, page by page. */
async function pullAll(url: string, token: string): Promise<{ rows: SyncRow[]; sessions: SessionRow[] }> {
  const all = { rows: [] as SyncRow[], sessions: [] as SessionRow[] };
  let cursor: string | null = null;
  for (;;) {
    const query = new URLSearchParams({ schemaVersion: String(SYNC_SCHEMA_VERSION), limit: String(MAX_PULL_LIMIT) });
    if (cursor) query.set('cursor', cursor);
    const response = await fetch(`${url}/api/v1/sync/pull?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`pull from ${url}: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as PullResponse;
    all.rows.push(...page.rows);
    all.sessions.push(...page.sessions);
    if (!page.hasMore) return all;
    cursor = page.nextCursor;
  }
}

describe.runIf(postgres)('two API processes on one PostgreSQL', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('apply every op once, share one version sequence, record clashes and serve the same pulls', async () => {
    const database = await createLoadDatabase('postgres');
    cleanup.push(() => database.dispose());
    const accounts = await prepareDatabase(database, [
      { role: 'field', count: ROAMING_DEVICES + 2, prefix: 'feld' },
      { role: 'planner', count: 1, prefix: 'planung' },
    ]);
    const planner = accounts.pop();
    if (!planner) throw new Error('no planner account');
    const [a, b] = [
      new ServerProcess(database.serverEnv, await freePort()),
      new ServerProcess(database.serverEnv, await freePort()),
    ] as const;
    cleanup.push(
      () => a.stop(),
      () => b.stop(),
    );
    await Promise.all([a.start(), b.start()]);

    const devices = accounts.map((account, i) => {
      const urls = i === ROAMING_DEVICES ? [a.url] : i === ROAMING_DEVICES + 1 ? [b.url] : [a.url, b.url];
      return new SimulatedDevice({ name: account.username, token: account.token, urls, seed: 100 + i });
    });
    const [first, , , , pinnedA, pinnedB] = devices;
    if (!first || !pinnedA || !pinnedB) throw new Error('devices missing');

    // Records every device edits: created on one device, known to all.
    const shared: string[] = [];
    for (let i = 0; i < SHARED_RECORDS; i++) shared.push(await first.create());
    // Not `first`'s own any more: its random steps must not delete what the others edit.
    for (const id of shared) first.own.delete(id);
    await first.syncUntilQuiet();
    for (const device of devices) await device.syncUntilQuiet();

    // A clash with a known outcome: both pinned devices change the same field from the same version.
    const clashed = shared[0] as string;
    const lost = await pinnedA.edit(clashed);
    const kept = await pinnedB.edit(clashed);
    await pinnedA.syncUntilQuiet();
    await pinnedB.syncUntilQuiet();

    // Then everybody at once: own records, and edits of the shared ones (note and name clash).
    let done = false;
    const working = Promise.all(
      devices.map((device) =>
        device.work(
          () => done,
          undefined,
          async () => {
            const roll = device.random();
            if (roll < 0.35) await device.edit(device.pick(shared) as string, roll < 0.2 ? 'note' : 'name');
            else await device.step();
          },
        ),
      ),
    );
    await sleep(WORK_MS);
    done = true;
    await working;
    for (let round = 0; round < 2; round++) for (const device of devices) await device.syncUntilQuiet();

    for (const device of devices) {
      expect(await device.store.rejected(), `${device.name}: refused ops`).toEqual([]);
      expect(device.failureCount, `${device.name}: failed requests`).toBe(0);
    }

    const fromA = await pullAll(a.url, planner.token);
    const fromB = await pullAll(b.url, planner.token);
    expect(fromA.rows.length).toBeGreaterThan(SHARED_RECORDS);
    expect(fromB, 'what the second process serves').toEqual(fromA);

    const versions = [...fromA.rows.map((r) => r.version), ...fromA.sessions.map((s) => s.version)];
    expect(new Set(versions).size, 'versions handed out twice').toBe(versions.length);
    const duplicates = await rows(
      database,
      `select version from (select version from records union all select sync_version as version from survey_sessions) v
       group by version having count(*) > 1`,
    );
    expect(duplicates, 'versions stored twice').toEqual([]);

    const sent = new Set(devices.flatMap((device) => [...device.sentOpIds]));
    const logged = await rows<{ op_id: string }>(database, 'select op_id from sync_ops');
    expect(logged.length, 'sync_ops rows').toBe(sent.size);
    const loggedSet = new Set(logged.map((row) => row.op_id));
    expect(
      [...sent].filter((id) => !loggedSet.has(id)),
      'sent ops missing from sync_ops',
    ).toEqual([]);

    const own = new Map(devices.flatMap((device) => [...device.own]));
    const live = new Map(fromA.rows.filter((r) => !r.deleted).map((r) => [r.id, r.feature?.properties]));
    const wrong = [...own]
      .filter(([id]) => !shared.includes(id))
      .filter(([id, expected]) => (expected.deleted ? live.has(id) : live.get(id)?.note !== expected.note))
      .map(([id]) => id);
    expect(wrong, 'own records whose last edit or delete is missing').toEqual([]);

    const conflicts = await rows<{
      record_id: string;
      kind: string;
      field: string;
      kept_value: string;
      lost_value: string;
    }>(database, 'select record_id, kind, field, kept_value, lost_value from conflicts order by version');
    expect(conflicts[0], 'the clash of the two pinned devices').toMatchObject({
      record_id: clashed,
      kind: 'field',
      field: 'note',
      kept_value: JSON.stringify(kept),
      lost_value: JSON.stringify(lost),
    });
    const clashedFields = new Set(conflicts.filter((c) => shared.includes(c.record_id)).map((c) => c.field));
    expect(clashedFields, 'fields with recorded clashes under load').toEqual(new Set(['note', 'name']));

    const observer = new SimulatedDevice({ name: planner.username, token: planner.token, urls: [b.url], seed: 1 });
    await observer.sync();
    const everything = observer.liveRecords();
    expect(everything.size).toBe(live.size);
    for (const device of devices) expect(device.liveRecords(), `${device.name} converged`).toEqual(everything);
    process.stdout.write(
      `[sync-multiprocess] ${live.size} live records, ${sent.size} ops, ${conflicts.length} conflicts recorded\n`,
    );
  }, 120_000);
});
