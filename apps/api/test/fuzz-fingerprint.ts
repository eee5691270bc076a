/**
 * What a rejected request must not change: per table the row count and the highest version and
 * write time, and the files of the media directory. Times that reading requests or the analysis
 * worker move on their own (last_used_at, heartbeat_at, started_at, finished_at) and the failed
 * login counter are left out on purpose.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { TestDatabase } from './helpers.ts';

const WATCHED_COLUMNS = [
  'version',
  'sync_version',
  'value',
  'created_at',
  'updated_at',
  'submitted_at',
  'revoked_at',
  'resolved_at',
  'anonymised_at',
  'ended_at',
  'expires_at',
];

export interface Fingerprinter {
  /** One line per table plus one per media file; equal strings mean nothing was written. */
  take(): Promise<string>;
}

function mediaFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(path);
      else files.push(`${path.slice(root.length)} ${stat.size}`);
    }
  };
  walk(root);
  return files.sort();
}

export async function fingerprinter(database: TestDatabase): Promise<Fingerprinter> {
  const { db } = database;
  const schema =
    database.kind === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const tables = (await db.introspection.getTables()).filter(
    (table) => !table.isView && (schema === undefined || table.schema === schema),
  );
  const parts: string[] = [];
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    const name = `"${table.name}"`;
    parts.push(`(select count(*) from ${name})`);
    for (const column of table.columns) {
      if (WATCHED_COLUMNS.includes(column.name)) parts.push(`(select max("${column.name}") from ${name})`);
    }
  }
  if (parts.length < 10) throw new Error(`found only ${tables.length} tables to watch`);
  const query = sql.raw<Record<string, unknown>>(`select ${parts.map((part, i) => `${part} as c${i}`).join(', ')}`);
  const labels = tables.flatMap((table) => [
    `${table.name}.count`,
    ...table.columns.filter((column) => WATCHED_COLUMNS.includes(column.name)).map((c) => `${table.name}.${c.name}`),
  ]);
  const mediaRoot = join(database.config.dataDir, 'media');
  return {
    async take() {
      const row = (await query.execute(db)).rows[0] ?? {};
      const values = labels.map((label, i) => `${label}=${String(row[`c${i}`])}`);
      return [...values, ...mediaFiles(mediaRoot).map((file) => `media ${file}`)].join('\n');
    },
  };
}

/** The lines that differ, for the failure message. */
export function difference(before: string, after: string): string {
  const old = new Set(before.split('\n'));
  const now = new Set(after.split('\n'));
  const gone = [...old].filter((line) => !now.has(line)).map((line) => `- ${line}`);
  const added = [...now].filter((line) => !old.has(line)).map((line) => `+ ${line}`);
  return [...gone, ...added].join('\n');
}
