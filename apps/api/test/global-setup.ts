import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAvailable: boolean;
  }
}

/** Runs once per test run: decides whether the PostgreSQL half of the storage and API tests runs. */
export default async function setup(project: TestProject): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  let available = false;
  try {
    await client.connect();
    await client.query('select 1');
    available = true;
  } catch (err) {
    if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL at ${PG_URL} is not reachable, and CI requires it: ${String(err)}`);
    }
    console.warn(
      `[skip] PostgreSQL storage and API tests skipped: nothing answers at ${PG_URL} (set TEST_DATABASE_URL; with CI=true this is an error)`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  project.provide('postgresAvailable', available);
}
