// 100 field devices sync at the same moment (the end of a walkabout day, everyone back on the
// office Wi-Fi): each device, with its own account and token, has 50 ops queued — 25 new records
// and 25 edits of records it had pulled (some of them the same records, so some edits clash) —
// and runs one whole sync round (push, then pull what the others sent) against a real server
// process on loopback. Reported: failed requests and refused ops (target 0), request latencies,
// and the time until the last device is done.
import type { DatabaseKind } from '@quartiersatlas/api';
import { createLoadDatabase, postgresReachable, prepareDatabase, seedRecords } from '../sync-load/database.ts';
import { SimulatedDevice } from '../sync-load/device.ts';
import { freePort, ServerProcess } from '../sync-load/server-process.ts';
import { percentile } from '../sync-load/stats.ts';
import type { BenchResult } from './util.ts';

const DEVICES = 100;
const CREATES = 25;
const EDITS = 25;
const EXISTING_RECORDS = 1_000;

async function benchOn(kind: DatabaseKind): Promise<BenchResult[]> {
  const database = await createLoadDatabase(kind);
  const server = new ServerProcess(database.serverEnv, await freePort());
  try {
    const accounts = await prepareDatabase(database, [{ role: 'field', count: DEVICES, prefix: 'geraet' }]);
    const existing = await seedRecords(database, EXISTING_RECORDS);
    await server.start();
    const devices = accounts.map(
      (account, i) =>
        new SimulatedDevice({ name: account.username, token: account.token, urls: [server.url], seed: i + 1 }),
    );
    // Not timed: every device starts with the quarter's records, as after its first sync.
    for (const device of devices) await device.sync();
    for (const device of devices) {
      device.latencies.pull.length = 0;
      for (let i = 0; i < CREATES; i++) await device.create();
      for (let i = 0; i < EDITS; i++) await device.edit(device.pick(existing) as string);
      if ((await device.store.countOps()) !== CREATES + EDITS) throw new Error(`${device.name}: outbox is not 50 ops`);
    }

    const t0 = performance.now();
    const rounds = await Promise.allSettled(devices.map((device) => device.sync()));
    const totalMs = performance.now() - t0;

    const failedRounds = rounds.filter((r) => r.status === 'rejected');
    for (const failure of failedRounds.slice(0, 3))
      process.stderr.write(`[bench] failed round: ${String(failure.reason)}\n`);
    if (failedRounds.length > 0) process.stderr.write(`[bench] server output:\n${server.output.slice(-4000)}\n`);
    const refused = (await Promise.all(devices.map((device) => device.store.rejected()))).flat();
    const unsent = (await Promise.all(devices.map((device) => device.store.countOps()))).reduce((a, b) => a + b, 0);
    const failedRequests = devices.reduce((n, device) => n + device.failureCount, 0);
    const conflicts = rounds.reduce((n, r) => n + (r.status === 'fulfilled' ? r.value.conflicts : 0), 0);
    const pushes = devices.flatMap((device) => device.latencies.push);
    const all = devices.flatMap((device) => [...device.latencies.push, ...device.latencies.pull]);
    process.stderr.write(
      `[bench] ${DEVICES} devices on ${kind}: ${all.length} requests, ${failedRequests} failed, ${refused.length} ops refused, ` +
        `${unsent} unsent, ${conflicts} edits answered as conflicts\n`,
    );
    const label = `sync: ${DEVICES} devices × ${CREATES + EDITS} ops at once`;
    return [
      {
        name: `${label}: failed requests + refused or unsent ops`,
        database: kind,
        value: failedRequests + refused.length + unsent,
        unit: 'errors',
        target: 0,
      },
      { name: `${label}: push latency p50`, database: kind, value: percentile(pushes, 0.5), unit: 'ms' },
      { name: `${label}: push latency p99`, database: kind, value: percentile(pushes, 0.99), unit: 'ms' },
      {
        name: `${label}: request latency p50 (push and pull)`,
        database: kind,
        value: percentile(all, 0.5),
        unit: 'ms',
      },
      {
        name: `${label}: request latency p99 (push and pull)`,
        database: kind,
        value: percentile(all, 0.99),
        unit: 'ms',
      },
      { name: `${label}: request latency max`, database: kind, value: Math.max(...all), unit: 'ms' },
      { name: `${label}: total, until the last device is done`, database: kind, value: totalMs, unit: 'ms' },
    ];
  } finally {
    await server.stop();
    await database.dispose();
  }
}

export default async function benchSyncDevices(): Promise<BenchResult[]> {
  const results = await benchOn('sqlite');
  if (!(await postgresReachable())) {
    process.stderr.write('[bench] PostgreSQL not reachable: PostgreSQL sync devices benchmark skipped\n');
    return results;
  }
  results.push(...(await benchOn('postgres')));
  return results;
}
