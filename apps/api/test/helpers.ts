import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newReceipt, PRIVACY_NOTICE_VERSION, type Role } from '@quartiersatlas/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/password.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, type DatabaseKind, migrate, openDatabase } from '../src/db/database.ts';
import { seedTaxonomy } from '../src/seed.ts';
import { createAccount } from '../src/store/accounts.ts';
import { createDeviceToken } from '../src/store/auth.ts';
import { putQuarter } from '../src/store/quarters.ts';
import { createResidentDevice, residentAuthorId } from '../src/store/resident-devices.ts';
import { PG_URL } from './global-setup.ts';

export { PG_URL } from './global-setup.ts';

/** The databases every storage and API test runs against. */
export const DATABASES: DatabaseKind[] = inject('postgresAvailable') ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends Database {
  config: Config;
  /** Closes and removes everything the test created. */
  dispose(): Promise<void>;
}

/** A fresh, migrated database with the taxonomy: a temp SQLite file or a throwaway PostgreSQL schema. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qa-test-'));
  let schema: string | undefined;
  if (kind === 'postgres') {
    schema = `qa_test_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: kind === 'postgres' ? PG_URL : '',
    LOG_LEVEL: 'silent',
  });
  const database = openDatabase({ ...config, pgSchema: schema });
  await migrate(database.db, schema);
  await seedTaxonomy(database.db);
  return {
    ...database,
    config,
    async dispose() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (schema) {
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
      }
    },
  };
}

/** A small square quarter near Eving, about 1 km across. */
export const TEST_QUARTER = {
  id: 'testviertel',
  name: 'Testviertel',
  city: 'Dortmund',
  approximate: true,
  sourceNote: 'test fixture',
  demo: false,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [7.46, 51.55],
        [7.475, 51.55],
        [7.475, 51.559],
        [7.46, 51.559],
        [7.46, 51.55],
      ],
    ] as [number, number][][],
  },
};

export const PASSWORD = 'correct horse battery staple';
export const ROLES_UNDER_TEST: Role[] = ['admin', 'planner', 'field', 'resident'];

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Per role: `cookie` is the `Cookie` header of a browser session, `csrf` the token it must send. */
  accounts: Record<Role, { id: string; username: string; cookie: string; csrf: string; token: string }>;
  /** The resident link the `resident` caller's anonymous device came through. */
  residentLink: { id: string; code: string };
  /**
   * Request headers that authenticate as `role` (cookie with its CSRF token, or device token), or
   * none. Residents have no accounts: theirs is always the anonymous token of a device that opened
   * `residentLink`.
   */
  as(role: Role | 'anonymous', via?: 'cookie' | 'token'): Record<string, string>;
  close(): Promise<void>;
}

/** The `Cookie` and `x-csrf-token` headers of a browser that signed in with `response`. */
export function sessionHeaders(response: LightMyRequestResponse): { cookie: string; 'x-csrf-token': string } {
  const cookie = response.cookies.find((c) => c.name === 'qa_session');
  if (!cookie) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return { cookie: `qa_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken };
}

/** The API on a fresh database with one account per role, each signed in and holding a device token. */
export async function createTestApp(kind: DatabaseKind, overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  await putQuarter(database.db, TEST_QUARTER);
  const app = await buildApp({ config: { ...database.config, ...overrides }, database });
  await app.ready();
  const passwordHash = await hashPassword(PASSWORD);
  const accounts = {} as TestApp['accounts'];
  const residentLink = await createTestResidentLink(database, TEST_QUARTER.id);
  const resident = await createResidentDevice(database.db, residentLink.id);
  accounts.resident = {
    id: residentAuthorId(residentLink.id),
    username: 'resident',
    cookie: '',
    csrf: '',
    token: resident.token,
  };
  for (const role of ROLES_UNDER_TEST) {
    if (role === 'resident') continue;
    const account = await createAccount(database.db, {
      username: `${role}-user`,
      displayName: `Test ${role}`,
      role,
      passwordHash,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: account.username, password: PASSWORD },
    });
    const { token } = await createDeviceToken(database.db, account.id, `${role} test device`);
    const session = sessionHeaders(login);
    accounts[role] = {
      id: account.id,
      username: account.username,
      cookie: session.cookie,
      csrf: session['x-csrf-token'],
      token,
    };
  }
  return {
    app,
    database,
    accounts,
    residentLink,
    as(role, via = 'cookie'): Record<string, string> {
      if (role === 'anonymous') return {};
      const account = accounts[role];
      return via === 'cookie' && role !== 'resident'
        ? { cookie: account.cookie, 'x-csrf-token': account.csrf }
        : { authorization: `Bearer ${account.token}` };
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

/** A resident link for a quarter, written straight to the database (the API route is tested on its own). */
export async function createTestResidentLink(
  database: Database,
  quarterId: string,
): Promise<{ id: string; code: string }> {
  const id = uuidv7();
  const code = randomBytes(8).toString('hex').slice(0, 10);
  await database.db
    .insertInto('resident_links')
    .values({
      id,
      code,
      title: 'Aushang Testquartier',
      quarter_id: quarterId,
      session_id: null,
      languages: JSON.stringify(['de', 'ar']),
      created_by: 'test',
      created_at: new Date().toISOString(),
      revoked_at: null,
    })
    .execute();
  return { id, code };
}

/**
 * A resident sends `feature` (a need) through the test link, as the resident app does: with consent
 * and a receipt code (a fresh one unless given). It waits for moderation. Answers the API's response.
 */
export function residentSubmits(
  t: TestApp,
  feature: { id: string; properties: { lang?: unknown } },
  receipt = newReceipt((length) => randomBytes(length)),
) {
  const lang = typeof feature.properties.lang === 'string' ? feature.properties.lang : 'de';
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/resident/needs',
    headers: t.as('resident'),
    payload: {
      feature,
      consent: { noticeVersion: PRIVACY_NOTICE_VERSION, lang, givenAt: new Date().toISOString() },
      receipt,
    },
  });
}

/** UUIDv7 for test records: time-ordered like the clients' ids. */
export function uuidv7(): string {
  const bytes = randomBytes(16);
  const time = BigInt(Date.now());
  for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function serviceFeature(
  overrides: { id?: string; coordinates?: [number, number]; properties?: Record<string, unknown> } = {},
) {
  return {
    type: 'Feature',
    id: overrides.id ?? uuidv7(),
    geometry: { type: 'Point', coordinates: overrides.coordinates ?? [7.465, 51.552] },
    properties: {
      kind: 'service',
      quarterId: TEST_QUARTER.id,
      category: 'groceries',
      name: 'Markt am Platz',
      ...overrides.properties,
    },
  };
}

export function needFeature(properties: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    id: uuidv7(),
    geometry: { type: 'Point', coordinates: [7.468, 51.554] },
    properties: {
      kind: 'need',
      quarterId: TEST_QUARTER.id,
      category: 'kita',
      text: 'Hier fehlt eine Kita.',
      lang: 'de',
      ...properties,
    },
  };
}

export function brownfieldFeature(coordinates?: [number, number][][]) {
  return {
    type: 'Feature',
    id: uuidv7(),
    geometry: {
      type: 'Polygon',
      coordinates: coordinates ?? [
        [
          [7.462, 51.551],
          [7.464, 51.551],
          [7.464, 51.552],
          [7.462, 51.552],
          [7.462, 51.551],
        ],
      ],
    },
    properties: { kind: 'brownfield', quarterId: TEST_QUARTER.id, formerUse: 'Zechengelände' },
  };
}

export async function countRows(
  database: Database,
  table: 'records' | 'survey_sessions' | 'accounts' | 'quarters',
): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
