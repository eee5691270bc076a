// Sync push throughput: one device sends 10,000 new records in pushes of 500 over HTTP to a real
// server process on loopback (a field team's tablet after a long day offline, or a bulk upload).
// The target is 5,000 ops/s on SQLite, reported as the time for all 10,000 (≤ 2 s), because the
// runner's targets are upper bounds. The same pushes sent again (a device that lost the answers)
// must be answered from the op log and change nothing; their time is reported beside.
import type { DatabaseKind } from '@quartiersatlas/api';
import { MAX_PUSH_OPS, type PushResponse, SYNC_SCHEMA_VERSION, type SyncOp } from '@quartiersatlas/sync';
import { createLoadDatabase, postgresReachable, prepareDatabase } from '../sync-load/database.ts';
import { serviceFeature } from '../sync-load/features.ts';
import { freePort, ServerProcess } from '../sync-load/server-process.ts';
import { type BenchResult, mulberry32, uuidv7At } from './util.ts';

const OPS = 10_000;
const TARGET_OPS_PER_SECOND = 5_000;

function createOps(count: number, random: () => number, start: number): SyncOp[] {
  return Array.from({ length: count }, (_, i) => {
    const id = uuidv7At(start + i, random);
    return {
      opId: uuidv7At(start + i, random),
      type: 'create',
      recordId: id,
      baseVersion: null,
      payload: serviceFeature(id, i, random),
    };
  });
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function push(url: string, token: string, deviceId: string, ops: SyncOp[]): Promise<PushResponse> {
  const response = await fetch(`${url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId, schemaVersion: SYNC_SCHEMA_VERSION, ops }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`push answered ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as PushResponse;
  const refused = body.results.filter((r) => r.status !== 'applied');
  if (body.results.length !== ops.length || refused.length > 0) {
    throw new Error(`push of ${ops.length} ops answered ${JSON.stringify(refused.slice(0, 3))}`);
  }
  return body;
}

async function benchOn(kind: DatabaseKind): Promise<BenchResult[]> {
  const database = await createLoadDatabase(kind);
  const server = new ServerProcess(database.serverEnv, await freePort());
  try {
    const [device] = await prepareDatabase(database, [{ role: 'field', count: 1, prefix: 'push' }]);
    if (!device) throw new Error('no device account');
    await server.start();
    const random = mulberry32(5);
    const deviceId = uuidv7At(Date.parse('2026-11-21T06:00:00Z'), random);
    const start = Date.parse('2026-11-21T08:00:00Z');
    // One push before the clock starts, so the first timed one does not pay for compiling schemas and JIT.
    await push(server.url, device.token, deviceId, createOps(MAX_PUSH_OPS, random, start - 60_000));

    const pushes = batches(createOps(OPS, random, start), MAX_PUSH_OPS);
    const t0 = performance.now();
    for (const ops of pushes) await push(server.url, device.token, deviceId, ops);
    const pushMs = performance.now() - t0;

    const t1 = performance.now();
    for (const ops of pushes) {
      const answer = await push(server.url, device.token, deviceId, ops);
      if (!answer.results.every((r) => r.replayed === true))
        throw new Error('a replayed push was applied again instead of being answered from the op log');
    }
    const replayMs = performance.now() - t1;

    const opsPerSecond = OPS / (pushMs / 1000);
    process.stderr.write(`[bench] sync push on ${kind}: ${opsPerSecond.toFixed(0)} ops/s\n`);
    return [
      {
        name: `sync push: ${OPS.toLocaleString('en')} create ops, ${pushes.length} pushes of ${MAX_PUSH_OPS} over HTTP (${opsPerSecond.toFixed(0)} ops/s; target ≥ ${TARGET_OPS_PER_SECOND.toLocaleString('en')} ops/s)`,
        database: kind,
        value: pushMs,
        unit: 'ms',
        target: kind === 'sqlite' ? (OPS / TARGET_OPS_PER_SECOND) * 1000 : undefined,
      },
      {
        name: `sync push: the same ${OPS.toLocaleString('en')} ops again (answered from the op log)`,
        database: kind,
        value: replayMs,
        unit: 'ms',
      },
    ];
  } finally {
    await server.stop();
    await database.dispose();
  }
}

export default async function benchSyncPush(): Promise<BenchResult[]> {
  const results = await benchOn('sqlite');
  if (!(await postgresReachable())) {
    process.stderr.write('[bench] PostgreSQL not reachable: PostgreSQL sync push benchmark skipped\n');
    return results;
  }
  results.push(...(await benchOn('postgres')));
  return results;
}
