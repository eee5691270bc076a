import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createAccount,
  createDeviceToken,
  type Database,
  type DatabaseKind,
  getTaxonomy,
  hashPassword,
  insertRecords,
  migrate,
  openDatabase,
  putQuarter,
  seedTaxonomy,
} from '@quartiersatlas/api';
import { parseRecord, type Role, type ValidRecord } from '@quartiersatlas/domain';
import pg from 'pg';
import { mulberry32, uuidv7At } from '../bench/util.ts';
import { serviceFeature } from './features.ts';
import type { ServerEnv } from './server-process.ts';

export const PG_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** About 1 km square in Eving; every load and fault record lies in it. */
export const LOAD_QUARTER = {
  id: 'lastviertel',
  name: 'Lastviertel',
  city: 'Dortmund',
  approximate: true,
  sourceNote: 'sync load and fault tests',
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

/** A throwaway database for server processes: a SQLite file in its own data dir, or its own PostgreSQL schema. */
export interface LoadDatabase {
  kind: DatabaseKind;
  dataDir: string;
  /** For processes started with `ServerProcess`. */
  serverEnv: ServerEnv;
  /** Opens it in this process (to prepare it, or to check it after the servers stopped). */
  open(): Database;
  dispose(): Promise<void>;
}

async function withPg<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await withPg((client) => client.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

/** The same server, another database on it. */
function urlOfDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createLoadDatabase(kind: DatabaseKind): Promise<LoadDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qa-sync-load-'));
  if (kind === 'sqlite') {
    return {
      kind,
      dataDir,
      serverEnv: { DATA_DIR: dataDir, DATABASE_URL: '' },
      open: () => openDatabase({ databaseUrl: null, dataDir }),
      async dispose() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  // A database of its own rather than a schema: Kysely's migrator looks for its own tables in every
  // schema of the database, so migrating a fresh schema fails while another schema holds them.
  const name = `qa_sync_${randomBytes(5).toString('hex')}`;
  await withPg((client) => client.query(`create database ${name}`));
  const url = urlOfDatabase(PG_URL, name);
  return {
    kind,
    dataDir,
    serverEnv: { DATA_DIR: dataDir, DATABASE_URL: url },
    open: () => openDatabase({ databaseUrl: url, dataDir }),
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
      await withPg((client) => client.query(`drop database ${name} with (force)`));
    },
  };
}

export interface LoadAccount {
  accountId: string;
  username: string;
  /** A device token of its own: `Authorization: Bearer <token>`. */
  token: string;
}

export const LOAD_PASSWORD = 'sync load test password';

/**
 * Migrates the database, loads the taxonomy and the load quarter, and creates `count` accounts of
 * `role`, each with a device token of its own (`<prefix>-01`, `<prefix>-02`, …).
 */
export async function prepareDatabase(
  target: LoadDatabase,
  groups: Array<{ role: Role; count: number; prefix: string }>,
): Promise<LoadAccount[]> {
  const database = target.open();
  try {
    await migrate(database.db);
    await seedTaxonomy(database.db);
    await putQuarter(database.db, LOAD_QUARTER);
    // One hash for all: argon2 is slow on purpose, and the accounts differ only in name.
    const passwordHash = await hashPassword(LOAD_PASSWORD);
    const accounts: LoadAccount[] = [];
    for (const group of groups) {
      for (let i = 1; i <= group.count; i++) {
        const username = `${group.prefix}-${String(i).padStart(3, '0')}`;
        const account = await createAccount(database.db, {
          username,
          displayName: username,
          role: group.role,
          passwordHash,
        });
        const { token } = await createDeviceToken(database.db, account.id, `${username} device`);
        accounts.push({ accountId: account.id, username, token });
      }
    }
    return accounts;
  } finally {
    await database.close();
  }
}

// insertRecords claims one version per record in one transaction; 5,000 at a time keeps that
// transaction and the memory of the validated records small.
const SEED_CHUNK = 5_000;

/** Writes `count` published services (seeded) straight into the store, as an import would; returns their ids. */
export async function seedRecords(target: LoadDatabase, count: number, seed = 1): Promise<string[]> {
  const database = target.open();
  try {
    const taxonomy = await getTaxonomy(database.db);
    const random = mulberry32(seed);
    const start = Date.parse('2026-06-01T08:00:00Z');
    const ids: string[] = [];
    for (let from = 0; from < count; from += SEED_CHUNK) {
      const records: ValidRecord[] = [];
      for (let i = from; i < Math.min(count, from + SEED_CHUNK); i++) {
        const parsed = parseRecord(serviceFeature(uuidv7At(start + i * 1000, random), i, random), taxonomy);
        if (!parsed.ok) throw new Error(`seed record ${i} is invalid: ${JSON.stringify(parsed.issues)}`);
        records.push(parsed.value);
        ids.push(parsed.value.id);
      }
      await insertRecords(database.db, records, { createdBy: null, status: 'published' });
    }
    return ids;
  } finally {
    await database.close();
  }
}
