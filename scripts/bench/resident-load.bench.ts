// Resident submissions under load: 250 anonymous devices of one link send 500 needs (two each; one in
// ten sent twice at once, as a phone does when its first answer was lost) over HTTP to a real server
// process on loopback. Two shapes: all at once (a burst, the worst case), and spread evenly over 30 s
// (the "500 within one minute" at a steady pace). Reported: latency p50/p95/p99 per request
// and submissions per second; every one must be answered 201/200 and stored exactly once.
import type { DatabaseKind } from '@quartiersatlas/api';
import { newReceipt, PRIVACY_NOTICE_VERSION } from '@quartiersatlas/domain';
import { createLoadDatabase, LOAD_QUARTER, postgresReachable, prepareDatabase } from '../sync-load/database.ts';
import { freePort, ServerProcess } from '../sync-load/server-process.ts';
import { percentile } from '../sync-load/stats.ts';
import { type BenchResult, mulberry32, uuidv7At } from './util.ts';

const DEVICES = 250;
const PER_DEVICE = 2;
const SUBMISSIONS = DEVICES * PER_DEVICE;
const RETRIED_EVERY = 10;
const PACED_OVER_MS = 30_000;
/** The issue: 500 submissions within one minute. */
const TARGET_MS = 60_000;
const CATEGORIES = ['kita', 'groceries', 'gp', 'meeting_place'];

interface Submission {
  token: string;
  body: string;
}

function needBody(random: () => number, at: number, i: number): string {
  const [west, south] = LOAD_QUARTER.geometry.coordinates[0]?.[0] ?? [7.46, 51.55];
  return JSON.stringify({
    feature: {
      type: 'Feature',
      id: uuidv7At(at, random),
      geometry: { type: 'Point', coordinates: [west + 0.001 + random() * 0.013, south + 0.001 + random() * 0.007] },
      properties: {
        kind: 'need',
        category: CATEGORIES[i % CATEGORIES.length],
        targetGroups: ['families'],
        urgency: 'medium',
        text: 'Es fehlt ein Ort, an dem sich Nachbarn treffen können.',
        lang: 'de',
      },
    },
    consent: { noticeVersion: PRIVACY_NOTICE_VERSION, lang: 'de', givenAt: new Date(at).toISOString() },
    receipt: newReceipt((n) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256))),
  });
}

async function post(url: string, path: string, token: string | null, body?: string): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body,
  });
}

/** Sends one submission (twice at once when `retried`); its latency per request, and the statuses. */
async function send(url: string, submission: Submission, retried: boolean) {
  const once = async () => {
    const t0 = performance.now();
    const response = await post(url, '/api/v1/resident/needs', submission.token, submission.body);
    await response.arrayBuffer();
    return { ms: performance.now() - t0, status: response.status };
  };
  return Promise.all(retried ? [once(), once()] : [once()]);
}

async function devicesOf(url: string, code: string, count = DEVICES): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const response = await post(url, `/api/v1/resident-links/by-code/${code}/devices`, null);
      if (response.status !== 201) throw new Error(`device registration answered ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    }),
  );
}

async function round(url: string, code: string, random: () => number, start: number, paced: boolean) {
  const tokens = await devicesOf(url, code);
  const submissions = tokens.flatMap((token, d) =>
    Array.from({ length: PER_DEVICE }, (_, k) => ({ token, body: needBody(random, start + d * 10 + k, d + k) })),
  );
  const t0 = performance.now();
  const answers = await Promise.all(
    submissions.map(async (submission, i) => {
      if (paced) await new Promise((resolve) => setTimeout(resolve, (i * PACED_OVER_MS) / SUBMISSIONS));
      return send(url, submission, i % RETRIED_EVERY === 0);
    }),
  );
  const wallMs = performance.now() - t0;
  const requests = answers.flat();
  const wrong = requests.filter((r) => r.status !== 201 && r.status !== 200);
  const created = requests.filter((r) => r.status === 201).length;
  if (wrong.length > 0 || created !== SUBMISSIONS) {
    throw new Error(`${wrong.length} refused (${wrong.map((r) => r.status).join(', ')}), ${created} created`);
  }
  return { wallMs, latencies: requests.map((r) => r.ms) };
}

async function benchOn(kind: DatabaseKind): Promise<BenchResult[]> {
  const database = await createLoadDatabase(kind);
  const server = new ServerProcess(database.serverEnv, await freePort());
  try {
    const [planner] = await prepareDatabase(database, [{ role: 'planner', count: 1, prefix: 'links' }]);
    if (!planner) throw new Error('no planner account');
    await server.start();
    const created = await post(
      server.url,
      '/api/v1/resident-links',
      planner.token,
      JSON.stringify({ title: 'Aushang Lastviertel', quarterId: LOAD_QUARTER.id, languages: ['de', 'ar'] }),
    );
    if (created.status !== 201) throw new Error(`link creation answered ${created.status}: ${await created.text()}`);
    const { code } = ((await created.json()) as { link: { code: string } }).link;
    const random = mulberry32(7);
    const start = Date.parse('2026-11-21T10:00:00Z');
    // A few before the clock starts, so the timed ones do not pay for compiling schemas and JIT.
    const [warm] = await devicesOf(server.url, code, 1);
    for (let i = 0; i < 20; i++)
      await send(server.url, { token: warm as string, body: needBody(random, start - 1000 + i, i) }, false);

    const results: BenchResult[] = [];
    for (const paced of [false, true]) {
      const { wallMs, latencies } = await round(server.url, code, random, start + (paced ? 60_000 : 0), paced);
      const shape = paced ? `spread over ${PACED_OVER_MS / 1000} s` : 'all at once';
      const perSecond = SUBMISSIONS / (wallMs / 1000);
      process.stderr.write(
        `[bench] resident load on ${kind}, ${shape}: ${wallMs.toFixed(0)} ms, ${perSecond.toFixed(0)}/s, p99 ${percentile(latencies, 0.99).toFixed(0)} ms\n`,
      );
      const label = `resident submissions, ${SUBMISSIONS} from ${DEVICES} devices ${shape}`;
      results.push(
        {
          name: `${label}: all answered (${perSecond.toFixed(0)} submissions/s)`,
          database: kind,
          value: wallMs,
          unit: 'ms',
          target: TARGET_MS,
        },
        { name: `${label}: latency p50`, database: kind, value: percentile(latencies, 0.5), unit: 'ms' },
        { name: `${label}: latency p95`, database: kind, value: percentile(latencies, 0.95), unit: 'ms' },
        { name: `${label}: latency p99`, database: kind, value: percentile(latencies, 0.99), unit: 'ms' },
      );
    }
    return results;
  } finally {
    await server.stop();
    await database.dispose();
  }
}

export default async function benchResidentLoad(): Promise<BenchResult[]> {
  const results = await benchOn('sqlite');
  if (!(await postgresReachable())) {
    process.stderr.write('[bench] PostgreSQL not reachable: PostgreSQL resident load benchmark skipped\n');
    return results;
  }
  results.push(...(await benchOn('postgres')));
  return results;
}
