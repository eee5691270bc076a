// Storage benchmarks of the foundation: writing 10,000 records in one go (an import, a field
// team's big sync) and a bbox query that returns 10,000 features through the HTTP API (the map
// loading a dense quarter). Run on SQLite and, where reachable, PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildApp,
  createAccount,
  createDeviceToken,
  type DatabaseKind,
  getTaxonomy,
  hashPassword,
  insertRecords,
  loadConfig,
  migrate,
  openDatabase,
  putQuarter,
  seedTaxonomy,
} from '@quartiersatlas/api';
import { parseRecord, type ValidRecord } from '@quartiersatlas/domain';
import pg from 'pg';
import { type BenchResult, median, mulberry32, uuidv7At } from './util.ts';

const N = 10_000;
const PG_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// Eving and its surroundings: the records spread over about 5 × 4 km.
const BOX = { minLon: 7.42, minLat: 51.53, maxLon: 7.5, maxLat: 51.57 };

async function makeRecords(taxonomy: Awaited<ReturnType<typeof getTaxonomy>>): Promise<ValidRecord[]> {
  const random = mulberry32(42);
  const categories = taxonomy.categories.map((c) => c.id);
  const start = Date.parse('2026-06-01T08:00:00Z');
  const records: ValidRecord[] = [];
  for (let i = 0; i < N; i++) {
    const lon = BOX.minLon + random() * (BOX.maxLon - BOX.minLon);
    const lat = BOX.minLat + random() * (BOX.maxLat - BOX.minLat);
    const feature = {
      type: 'Feature',
      id: uuidv7At(start + i * 1000, random),
      geometry: { type: 'Point', coordinates: [Number(lon.toFixed(6)), Number(lat.toFixed(6))] },
      properties: {
        kind: 'service',
        quarterId: 'bench',
        category: categories[i % categories.length],
        name: `Angebot ${i}`,
        operatorType: 'private',
        openingHours: 'Mo-Fr 08:00-18:00',
        languages: ['de', 'tr'],
        stepFree: i % 3 === 0,
      },
    };
    const parsed = parseRecord(feature, taxonomy);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    records.push(parsed.value);
  }
  return records;
}

async function pgSchema(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const schema = `qa_bench_${randomBytes(4).toString('hex')}`;
    await client.query(`create schema ${schema}`);
    return schema;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`drop schema ${schema} cascade`);
  await client.end();
}

async function benchOn(kind: DatabaseKind, schema?: string): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qa-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: kind === 'postgres' ? PG_URL : '',
    LOG_LEVEL: 'silent',
  });
  const database = openDatabase({ ...config, pgSchema: schema });
  try {
    await migrate(database.db, schema ?? undefined);
    await seedTaxonomy(database.db);
    await putQuarter(database.db, {
      id: 'bench',
      name: 'Benchmark',
      city: 'Dortmund',
      approximate: true,
      sourceNote: 'benchmark',
      demo: false,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [BOX.minLon, BOX.minLat],
            [BOX.maxLon, BOX.minLat],
            [BOX.maxLon, BOX.maxLat],
            [BOX.minLon, BOX.maxLat],
            [BOX.minLon, BOX.minLat],
          ],
        ],
      },
    });
    const records = await makeRecords(await getTaxonomy(database.db));

    const t0 = performance.now();
    await insertRecords(database.db, records, { createdBy: null, status: 'published' });
    const insertMs = performance.now() - t0;

    const app = await buildApp({ config, database });
    await app.ready();
    const account = await createAccount(database.db, {
      username: 'bench',
      displayName: 'Bench',
      role: 'planner',
      passwordHash: await hashPassword('benchmark password'),
    });
    const { token } = await createDeviceToken(database.db, account.id, 'bench');
    const url = `/api/v1/records?bbox=${BOX.minLon},${BOX.minLat},${BOX.maxLon},${BOX.maxLat}&limit=${N}`;
    const times: number[] = [];
    let returned = 0;
    let bytes = 0;
    for (let i = 0; i < 6; i++) {
      const start = performance.now();
      const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      times.push(performance.now() - start);
      if (response.statusCode !== 200)
        throw new Error(`bbox query failed: ${response.statusCode} ${response.body.slice(0, 200)}`);
      returned = response.json().numberReturned;
      bytes = response.rawPayload.length;
    }
    await app.close();
    // The first query warms caches and JIT; the median of the rest is what a user waits.
    const queryMs = median(times.slice(1));
    if (returned !== N) throw new Error(`bbox query returned ${returned} features, expected ${N}`);
    return [
      {
        name: `insert ${N.toLocaleString('en')} records (one transaction)`,
        database: kind,
        value: insertMs,
        unit: 'ms',
        target: kind === 'sqlite' ? 1000 : undefined,
      },
      {
        name: `bbox query returning ${N.toLocaleString('en')} features via HTTP (${(bytes / 1e6).toFixed(1)} MB)`,
        database: kind,
        value: queryMs,
        unit: 'ms',
        target: kind === 'sqlite' ? 1000 : undefined,
      },
    ];
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function benchStorage(): Promise<BenchResult[]> {
  const results = await benchOn('sqlite');
  const schema = await pgSchema();
  if (schema === null) {
    process.stderr.write(`[bench] PostgreSQL not reachable at ${PG_URL}: PostgreSQL storage benchmarks skipped\n`);
    return results;
  }
  try {
    results.push(...(await benchOn('postgres', schema)));
  } finally {
    await dropSchema(schema);
  }
  return results;
}
