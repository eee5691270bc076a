/**
 * Hostile and malformed requests to every route, as every kind of caller. The routes come from
 * the app itself (`app.routeAccess` plus the documented routes outside /api/v1, such as OGC), so
 * a route added later is fuzzed without touching this file. For each request: no 5xx, and a
 * rejected request (4xx) changed nothing in the database or the media directory. At the end the
 * server still answers its health check and no prototype was polluted.
 *
 * The seed is printed; FUZZ_SEED=<n> replays a run. fast-check shrinks a failure to a small
 * request and prints it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { newReceipt, PRIVACY_NOTICE_VERSION, SESSION_KINDS } from '@quartiersatlas/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { difference, type Fingerprinter, fingerprinter } from './fuzz-fingerprint.ts';
import {
  CONTENT_TYPES,
  fromSchema,
  HOSTILE_NUMBERS,
  hostileJson,
  hostileString,
  RAW_BODIES,
  replaceSomewhere,
} from './fuzz-values.ts';
import {
  brownfieldFeature,
  createTestApp,
  DATABASES,
  needFeature,
  serviceFeature,
  TEST_QUARTER,
  type TestApp,
  uuidv7,
} from './helpers.ts';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 7_2026_11;
/** Requests per database, spread evenly over the routes: SQLite in full, PostgreSQL a share. */
const BUDGET: Record<string, number> = { sqlite: 10_500, postgres: 1_500 };

type Schema = Record<string, unknown>;

interface FuzzRoute {
  method: string;
  url: string;
  access: 'public' | readonly string[];
  query: string[];
  body: Schema | undefined;
}

/** Who sends a request. Cookie callers send the CSRF token unless they are `…-bad-csrf`. */
const CALLERS = [
  'anonymous',
  'resident',
  'field',
  'field-cookie',
  'planner',
  'planner-cookie',
  'planner-bad-csrf',
] as const;
type CallerName = (typeof CALLERS)[number];

interface FuzzRequest {
  caller: CallerName;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** The app's routes and their schemas, read from a throwaway instance. */
async function listRoutes(): Promise<FuzzRoute[]> {
  const t = await createTestApp('sqlite');
  try {
    const spec = t.app.swagger() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: Array<{ in: string; name: string }>;
            requestBody?: { content?: Record<string, { schema?: Schema }> };
          }
        >
      >;
    };
    const seen = new Set<string>();
    const routes: FuzzRoute[] = [];
    const add = (method: string, url: string, access: FuzzRoute['access'] = 'public') => {
      const key = `${method} ${url}`;
      if (seen.has(key)) return;
      seen.add(key);
      const operation = spec.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      routes.push({
        method,
        url,
        access,
        query: (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: operation?.requestBody?.content?.['application/json']?.schema,
      });
    };
    for (const route of t.app.routeAccess) add(route.method, route.url, route.access);
    for (const [path, operations] of Object.entries(spec.paths)) {
      if (path.startsWith('/api/docs')) continue;
      for (const method of Object.keys(operations)) {
        if (method !== 'head') add(method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1'));
      }
    }
    return routes;
  } finally {
    await t.close();
  }
}

const ROUTES = await listRoutes();

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A real one-pixel PNG, so a media file exists to point at. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x7f]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Known values per path parameter name, so requests also reach records and files that exist. */
type Pools = Record<string, string[]>;

async function seed(t: TestApp): Promise<Pools> {
  const planner = t.as('planner', 'token');
  const send = async (method: 'POST' | 'PUT', url: string, payload: unknown, headers = planner) => {
    const response = await t.app.inject({ method, url, payload: payload as object, headers });
    if (response.statusCode >= 300)
      throw new Error(`seeding ${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json() as Record<string, unknown>;
  };
  const image = png();
  const hash = sha256(image);
  const upload = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/media/${hash}`,
    payload: image,
    headers: { ...planner, 'content-type': 'image/png' },
  });
  if (upload.statusCode >= 300) throw new Error(`seeding media: ${upload.statusCode} ${upload.body}`);
  const service = serviceFeature({ properties: { media: [hash] } });
  const need = needFeature();
  const brownfield = brownfieldFeature();
  for (const feature of [service, need, brownfield]) await send('POST', '/api/v1/records', feature);
  const session = await send('POST', '/api/v1/sessions', {
    id: uuidv7(),
    kind: SESSION_KINDS[0],
    title: 'Begehung',
    quarterId: TEST_QUARTER.id,
    startedAt: new Date().toISOString(),
  });
  const link = (await send('POST', '/api/v1/resident-links', {
    title: 'Aushang',
    quarterId: TEST_QUARTER.id,
    languages: ['de', 'ar'],
  })) as { link: { id: string; code: string } };
  const receipt = newReceipt((length) => randomBytes(length));
  const residentNeed = needFeature({ quarterId: TEST_QUARTER.id });
  await send(
    'POST',
    '/api/v1/resident/needs',
    {
      feature: residentNeed,
      consent: { noticeVersion: PRIVACY_NOTICE_VERSION, lang: 'de', givenAt: new Date().toISOString() },
      receipt,
    },
    t.as('resident'),
  );
  return {
    id: [
      service.id,
      need.id,
      brownfield.id,
      residentNeed.id,
      String((session as { id?: string }).id ?? ''),
      link.link.id,
      TEST_QUARTER.id,
      t.accounts.field.id,
    ],
    sha256: [hash, hash.toUpperCase()],
    code: [link.link.code, t.residentLink.code],
    receipt: [receipt, receipt.toLowerCase()],
    collectionId: ['services', 'needs', 'vacancies', 'brownfields'],
    featureId: [service.id, need.id],
  };
}

/** encodeURIComponent, with lone surrogates (which it refuses) replaced as a browser would. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd'));
}

/** Path segments as an attacker writes them: raw traversal and broken escapes, or encoded text. */
const RAW_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '%ZZ',
  '%',
  '%C0%AE',
  '%F0%9F%92%A5',
  '%20',
  '~',
];

function segment(pool: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: pool.length > 0 ? fc.constantFrom(...pool).map(encode) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 2, arbitrary: hostileString.filter((s) => s.length > 0).map(encode) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{64}$/) },
  );
}

const queryValue = fc.oneof(
  hostileString,
  fc.constantFrom(...HOSTILE_NUMBERS).map(String),
  fc.array(fc.double(), { minLength: 1, maxLength: 6 }).map((numbers) => numbers.join(',')),
  fc.constantFrom('service', 'need', 'pending', 'published', 'json', 'csv', 'geojson', 'gpkg', 'true', 'false', '10'),
  fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString())),
);

function queryString(names: string[], pools: Pools): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 4, arbitrary: names.length > 0 ? fc.constantFrom(...names) : fc.constant('q') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', '__proto__[polluted]', 'a[b][c]', '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const value = fc.oneof(queryValue, fc.constantFrom(...Object.values(pools).flat()));
  return fc
    .array(fc.tuple(key, value, fc.boolean()), { maxLength: 6 })
    .map((pairs) =>
      pairs
        .map(([k, v, raw]) => `${encode(k)}=${raw && /^[\x21-\x7e]*$/.test(v) ? v.replace(/[#&]/g, '') : encode(v)}`)
        .join('&'),
    );
}

const HUGE_BODY = JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) });

/** The body (and its content type) for one request: mostly shaped by the route's schema. */
function body(route: FuzzRoute): fc.Arbitrary<{ payload?: string | Buffer; type?: string }> {
  const json = (value: fc.Arbitrary<unknown>) =>
    value.map((v) => JSON.stringify(v) ?? 'null').map((payload) => ({ payload, type: 'application/json' }));
  const shaped = fromSchema(route.body);
  const options: Array<fc.WeightedArbitrary<{ payload?: string | Buffer; type?: string }>> = [
    { weight: route.body ? 5 : 1, arbitrary: json(shaped) },
    {
      weight: route.body ? 4 : 0,
      arbitrary: json(fc.tuple(shaped, fc.nat(), hostileJson).map(([v, pick, bad]) => replaceSomewhere(v, pick, bad))),
    },
    {
      weight: route.body ? 2 : 0,
      arbitrary: shaped.map((v) => ({
        payload:
          v && typeof v === 'object' && !Array.isArray(v)
            ? `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${JSON.stringify(v).slice(1)}`
            : JSON.stringify(v),
        type: 'application/json',
      })),
    },
    { weight: 2, arbitrary: json(hostileJson) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES).map((payload) => ({ payload, type: 'application/json' })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(json(route.body ? shaped : hostileJson), fc.constantFrom(...CONTENT_TYPES))
        .map(([b, type]) => ({ payload: b.payload, type })),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 300 })
        .map((bytes) => ({ payload: Buffer.from(bytes), type: 'application/octet-stream' })),
    },
    { weight: route.method === 'GET' ? 4 : 1, arbitrary: fc.constant({}) },
  ];
  if (route.body) options.push({ weight: 1, arbitrary: fc.constant({ payload: HUGE_BODY, type: 'application/json' }) });
  if (route.url.startsWith('/api/v1/media/') || route.url === '/api/v1/imports') {
    const prefix = fc.constantFrom(
      Buffer.alloc(0),
      png().subarray(0, 16),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.from('OggS\0\u0002', 'latin1'),
      Buffer.from('\u001aE\u00df\u00a3', 'latin1'),
      Buffer.from('<svg onload="alert(1)">', 'latin1'),
      Buffer.from('%PDF-1.7', 'latin1'),
      Buffer.from('type,name\n=cmd,x\n', 'latin1'),
      Buffer.from('{"type":"FeatureCollection","features":[', 'latin1'),
    );
    const type = fc.constantFrom(
      'image/png',
      'image/jpeg',
      'image/webp',
      'audio/webm',
      'audio/ogg',
      'image/svg+xml',
      'text/html',
      'text/csv',
      'application/geo+json',
      'application/json',
    );
    options.push({
      weight: 8,
      arbitrary: fc.tuple(prefix, fc.uint8Array({ maxLength: 2000 }), type).map(([head, rest, t]) => ({
        payload: Buffer.concat([head, Buffer.from(rest)]),
        type: t,
      })),
    });
  }
  return fc.oneof(...options);
}

const extraHeaders = fc.dictionary(
  fc.constantFrom(
    'content-range',
    'range',
    'if-none-match',
    'accept',
    'x-forwarded-for',
    'x-forwarded-proto',
    'origin',
    'accept-language',
  ),
  fc.oneof(
    fc.constantFrom(
      'bytes 0-10/20',
      'bytes */1',
      'bytes=-5',
      'bytes=0-',
      'bytes 5-1/3',
      '*',
      'text/html',
      '1.2.3.4',
      'https',
      'null',
      'https://evil.example',
    ),
    fc.string({ unit: fc.constantFrom(...'abc019 -=/*,;:'.split('')), maxLength: 30 }),
  ),
  { maxKeys: 2 },
);

function requestFor(route: FuzzRoute, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const names = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
  const segments = fc.tuple(...names.map((name) => segment(pools[name] ?? [])));
  // Cookie sessions would sign themselves out through the logout route and leave the rest unsigned.
  const callers = route.url === '/api/v1/auth/logout' ? CALLERS.filter((c) => !c.includes('-')) : [...CALLERS];
  const { access } = route;
  const allowed = callers.filter((c) => access === 'public' || access.includes(c.split('-')[0] as string));
  return fc
    .record({
      // Half the requests come from callers the route lets in, so most get past the access check.
      caller: fc.oneof(fc.constantFrom(...callers), fc.constantFrom(...(allowed.length > 0 ? allowed : callers))),
      method: fc.oneof(
        { weight: 12, arbitrary: fc.constant(route.method) },
        { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') },
      ),
      segments,
      query:
        route.query.length > 0 ? queryString(route.query, pools) : fc.oneof(fc.constant(''), queryString([], pools)),
      body: body(route),
      headers: extraHeaders,
    })
    .map(({ caller, method, segments: values, query, body: b, headers }) => {
      let index = 0;
      const path = route.url.replace(/:(\w+)/g, () => values[index++] ?? '');
      const withType = b.type ? { ...headers, 'content-type': b.type } : headers;
      return {
        caller,
        method,
        url: query ? `${path}?${query}` : path,
        headers: withType,
        ...(b.payload === undefined ? {} : { payload: b.payload }),
      };
    });
}

describe.each(DATABASES)('fuzzing every route on %s', (kind) => {
  let t: TestApp;
  let fingerprint: Fingerprinter;
  let pools: Pools;
  const auth: Partial<Record<CallerName, Record<string, string>>> = {};
  let sent = 0;
  /** Answers per route and status, printed at the end: proof the requests got past the front door. */
  const statuses = new Map<string, Map<number, number>>();
  let address = 0;
  const perRoute = Math.ceil((BUDGET[kind] ?? 1000) / ROUTES.length);

  beforeAll(async () => {
    console.warn(
      `fuzz seed ${SEED} on ${kind}: ${ROUTES.length} routes × ${perRoute} requests (FUZZ_SEED=<n> replays)`,
    );
    t = await createTestApp(kind);
    pools = await seed(t);
    fingerprint = await fingerprinter(t.database);
    for (const role of ['field', 'planner'] as const) {
      const cookie = t.as(role, 'cookie');
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: cookie });
      const csrf = (me.json() as { csrfToken?: string }).csrfToken;
      auth[role] = t.as(role, 'token');
      auth[`${role}-cookie`] = csrf ? { ...cookie, 'x-csrf-token': csrf } : cookie;
    }
    auth['planner-bad-csrf'] = { ...t.as('planner', 'cookie'), 'x-csrf-token': 'forged' };
    auth.resident = t.as('resident');
    auth.anonymous = {};
  });
  afterAll(() => t?.close());

  async function send(route: FuzzRoute, request: FuzzRequest): Promise<void> {
    sent += 1;
    address += 1;
    const before = await fingerprint.take();
    const response = await t.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: { ...request.headers, ...auth[request.caller] },
      ...(request.payload === undefined ? {} : { payload: request.payload }),
      // A new address for each request: the per-address rate limits would otherwise answer 429 to everything.
      remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
    });
    const status = response.statusCode;
    const key = `${route.method} ${route.url}`;
    const counts = statuses.get(key) ?? new Map<number, number>();
    counts.set(status, (counts.get(status) ?? 0) + 1);
    statuses.set(key, counts);
    if (status >= 500) throw new Error(`answered ${status}: ${response.body.slice(0, 500)}`);
    if (status < 400) return;
    const after = await fingerprint.take();
    if (after !== before) {
      throw new Error(
        `a rejected request (${status} ${response.body.slice(0, 200)}) wrote:\n${difference(before, after)}`,
      );
    }
  }

  it.each(ROUTES.map((route) => [`${route.method} ${route.url}`, route] as const))(
    '%s: no 5xx, and rejected requests write nothing',
    async (_name, route) => {
      const index = ROUTES.indexOf(route);
      await fc.assert(
        fc.asyncProperty(requestFor(route, pools), (request) => send(route, request)),
        {
          seed: SEED + index,
          numRuns: perRoute,
          // Shrinking replays requests against a database earlier runs have changed; a few hundred steps are plenty.
          endOnFailure: false,
          maxSkipsPerRun: 10,
        },
      );
    },
    180_000,
  );

  it('notices a write to any table or the media directory (else the checks above prove nothing)', async () => {
    const before = await fingerprint.take();
    await t.database.db.insertInto('meta').values({ key: 'fuzz-probe', value: '1' }).execute();
    const written = await fingerprint.take();
    await t.database.db.deleteFrom('meta').where('key', '=', 'fuzz-probe').execute();
    expect(difference(before, written)).toMatch(/^\+ meta\.count=/m);
    const file = join(t.database.config.dataDir, 'media', 'probe');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'x');
    expect(difference(before, await fingerprint.take())).toContain('+ media /probe 1');
    rmSync(file);
    expect(await fingerprint.take()).toBe(before);
  });

  it('still answers, with no polluted prototype, after all of it', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: t.as('planner', 'token') });
    expect(me.statusCode).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('role');
    const lines = [...statuses].map(
      ([route, counts]) =>
        `  ${route}: ${[...counts]
          .sort(([a], [b]) => a - b)
          .map(([status, n]) => `${status}×${n}`)
          .join(' ')}`,
    );
    console.warn(`fuzz on ${kind}: ${sent} requests\n${lines.join('\n')}`);
    expect(sent).toBeGreaterThanOrEqual(Math.min(BUDGET[kind] ?? 0, perRoute * ROUTES.length));
    if (kind === 'sqlite') expect(sent).toBeGreaterThanOrEqual(10_000);
  });
});
