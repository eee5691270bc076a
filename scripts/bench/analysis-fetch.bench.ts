// Fetching an analysis result: the planner's heatmap waits for `GET /api/v1/analyses/:id`, the
// whole result (H3 grid as GeoJSON, quarter table, potentials) in one answer. A real server process
// on loopback loads the demo data at its first start, runs the analyses the web app starts with
// (groceries and Kita, 2SFCA with the category defaults), then each result is fetched over HTTP as
// a browser does (asking for compression) at least 30 times. Target: median ≤ 300 ms.
import {
  createAccount,
  createDeviceToken,
  type DatabaseKind,
  hashPassword,
  migrate,
  seedTaxonomy,
} from '@quartiersatlas/api';
import { createLoadDatabase, type LoadDatabase, postgresReachable } from '../sync-load/database.ts';
import { freePort, ServerProcess } from '../sync-load/server-process.ts';
import { percentile } from '../sync-load/stats.ts';
import { type BenchResult, median } from './util.ts';

const CATEGORIES = ['groceries', 'kita'];
const FETCHES = 40;
const WARM_UP = 3;
const TARGET_MS = 300;
// What Chromium sends; undici's fetch decodes gzip, deflate and br itself.
const ACCEPT_ENCODING = 'gzip, deflate, br';

async function plannerToken(target: LoadDatabase): Promise<string> {
  const database = target.open();
  try {
    await migrate(database.db);
    await seedTaxonomy(database.db);
    const account = await createAccount(database.db, {
      username: 'planerin',
      displayName: 'Planerin',
      role: 'planner',
      passwordHash: await hashPassword('analysis fetch bench'),
    });
    return (await createDeviceToken(database.db, account.id, 'bench')).token;
  } finally {
    await database.close();
  }
}

async function runAnalysis(url: string, headers: Record<string, string>, category: string): Promise<string> {
  const started = await fetch(`${url}/api/v1/analyses`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ category, method: '2sfca' }),
  });
  if (started.status !== 202 && started.status !== 200) {
    throw new Error(`starting the ${category} analysis answered ${started.status}: ${await started.text()}`);
  }
  const { id } = (await started.json()) as { id: string };
  const deadline = Date.now() + 300_000;
  for (;;) {
    const job = (await (await fetch(`${url}/api/v1/analyses/${id}`, { headers })).json()) as {
      status: string;
      error: unknown;
    };
    if (job.status === 'done') return id;
    if (job.status === 'failed') throw new Error(`the ${category} analysis failed: ${JSON.stringify(job.error)}`);
    if (Date.now() > deadline) throw new Error(`the ${category} analysis did not finish in 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One fetch until the last byte is read and decoded; the time, and the bytes on the wire and of the JSON. */
async function fetchResult(url: string, headers: Record<string, string>, id: string) {
  const t0 = performance.now();
  const response = await fetch(`${url}/api/v1/analyses/${id}`, {
    headers: { ...headers, 'accept-encoding': ACCEPT_ENCODING },
  });
  const body = await response.text();
  const ms = performance.now() - t0;
  if (response.status !== 200 || !body.includes('"result":')) {
    throw new Error(`fetching analysis ${id} answered ${response.status}: ${body.slice(0, 300)}`);
  }
  const wire = Number(response.headers.get('content-length') ?? Number.NaN);
  return {
    ms,
    jsonBytes: Buffer.byteLength(body),
    wireBytes: wire,
    encoding: response.headers.get('content-encoding'),
  };
}

async function benchOn(kind: DatabaseKind): Promise<BenchResult[]> {
  const database = await createLoadDatabase(kind);
  const server = new ServerProcess({ ...database.serverEnv, DEMO_DATA: 'true' }, await freePort());
  try {
    const headers = { authorization: `Bearer ${await plannerToken(database)}` };
    await server.start();
    const results: BenchResult[] = [];
    for (const category of CATEGORIES) {
      const t0 = performance.now();
      const id = await runAnalysis(server.url, headers, category);
      process.stderr.write(`[bench] ${category} analysis on ${kind}: ${(performance.now() - t0).toFixed(0)} ms\n`);
      for (let i = 0; i < WARM_UP; i++) await fetchResult(server.url, headers, id);
      const samples = [];
      for (let i = 0; i < FETCHES; i++) samples.push(await fetchResult(server.url, headers, id));
      const times = samples.map((s) => s.ms);
      const { jsonBytes, wireBytes, encoding } = samples[0] as (typeof samples)[number];
      const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
      const wire = Number.isFinite(wireBytes) ? kB(wireBytes) : 'chunked';
      const size = `${kB(jsonBytes)} JSON, ${wire} on the wire${encoding ? ` (${encoding})` : ''}`;
      process.stderr.write(
        `[bench] ${category} result on ${kind}: median ${median(times).toFixed(0)} ms, p95 ${percentile(times, 0.95).toFixed(0)} ms, ${size}\n`,
      );
      const label = `analysis result fetch (demo data, ${category}, 2SFCA; ${size}), ${FETCHES} fetches`;
      results.push(
        { name: `${label}: median`, database: kind, value: median(times), unit: 'ms', target: TARGET_MS },
        { name: `${label}: p95`, database: kind, value: percentile(times, 0.95), unit: 'ms' },
      );
    }
    return results;
  } finally {
    await server.stop();
    await database.dispose();
  }
}

export default async function benchAnalysisFetch(): Promise<BenchResult[]> {
  const results = await benchOn('sqlite');
  if (!(await postgresReachable())) {
    process.stderr.write('[bench] PostgreSQL not reachable: PostgreSQL analysis fetch benchmark skipped\n');
    return results;
  }
  results.push(...(await benchOn('postgres')));
  return results;
}
