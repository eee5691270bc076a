// A fresh device pulls 50,000 records in Chromium: a planner signs in to the built app on a new
// browser profile, and the app's own sync pulls everything into IndexedDB. Measured from the
// sign-in tap until the sync indicator says "done" and IndexedDB holds all 50,000 records
// (checked every 100 ms). The server is a real process serving the built app, on SQLite and
// PostgreSQL; the records are written straight into the store beforehand, as an import would.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseKind } from '@quartiersatlas/api';
import { CHROMIUM_ARGS, chromiumPath, DIST, playwright } from '../../apps/web/e2e/harness.ts';
import {
  createLoadDatabase,
  LOAD_PASSWORD,
  postgresReachable,
  prepareDatabase,
  seedRecords,
} from '../sync-load/database.ts';
import { freePort, ServerProcess } from '../sync-load/server-process.ts';
import type { BenchResult } from './util.ts';

const RECORDS = 50_000;
const TARGET_MS = 10_000;
const GIVE_UP_MS = 180_000;

interface Seen {
  records: number;
  look: string | null;
}

async function benchOn(kind: DatabaseKind): Promise<BenchResult[]> {
  const database = await createLoadDatabase(kind);
  const webDist = join(database.dataDir, 'web');
  // A copy, so a rebuild while the benchmark runs cannot pull files from under the server.
  cpSync(DIST, webDist, { recursive: true });
  const server = new ServerProcess({ ...database.serverEnv, WEB_DIST: webDist }, await freePort());
  const profile = mkdtempSync(join(tmpdir(), 'qa-bench-pull-'));
  try {
    const [planner] = await prepareDatabase(database, [{ role: 'planner', count: 1, prefix: 'planung' }]);
    if (!planner) throw new Error('no planner account');
    const seeding = performance.now();
    await seedRecords(database, RECORDS);
    process.stderr.write(
      `[bench] ${kind}: ${RECORDS} records seeded in ${(performance.now() - seeding).toFixed(0)} ms\n`,
    );
    await server.start();

    const context = await playwright.chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      viewport: { width: 390, height: 844 },
      locale: 'de-DE',
    });
    try {
      const page = await context.newPage();
      // Where the time goes: waiting for the server (request sent → last byte) versus the app.
      let pages = 0;
      let bytes = 0;
      let networkMs = 0;
      page.on('requestfinished', async (request) => {
        if (!request.url().includes('/api/v1/sync/pull')) return;
        pages += 1;
        networkMs += request.timing().responseEnd;
        bytes += (await request.sizes()).responseBodySize;
      });
      await page.goto(server.url);
      await page.locator('input[name="username"]').fill(planner.username);
      await page.locator('input[name="password"]').fill(LOAD_PASSWORD);
      const t0 = performance.now();
      await page.locator('form.sign-in button[type="submit"]').click();
      let seen: Seen = { records: 0, look: null };
      while (seen.records < RECORDS || seen.look !== 'done') {
        if (performance.now() - t0 > GIVE_UP_MS) {
          throw new Error(`after ${GIVE_UP_MS} ms IndexedDB holds ${seen.records} records, sync shows "${seen.look}"`);
        }
        await page.waitForTimeout(100);
        // IndexedDB is counted only once the indicator says "done": counting 50,000 rows every
        // 100 ms would hold up the app's own write transactions and slow down what is measured.
        // No named helpers inside: tsx's name-keeping helper does not exist in the page.
        seen = await page.evaluate(
          () =>
            new Promise<Seen>((resolve, reject) => {
              const look = document.querySelector('.sync-indicator')?.getAttribute('data-look') ?? null;
              if (look !== 'done') {
                resolve({ records: 0, look });
                return;
              }
              const open = indexedDB.open('quartiersatlas');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('records')) {
                  db.close();
                  resolve({ records: 0, look });
                  return;
                }
                const count = db.transaction('records').objectStore('records').count();
                count.onerror = () => reject(count.error);
                count.onsuccess = () => {
                  db.close();
                  resolve({ records: count.result, look });
                };
              };
            }),
        );
      }
      const ms = performance.now() - t0;
      process.stderr.write(
        `[bench] ${kind}: ${RECORDS} records pulled in ${pages} pages (${(bytes / 1e6).toFixed(1)} MB) in ${ms.toFixed(0)} ms, ` +
          `${networkMs.toFixed(0)} ms of it waiting for pull answers\n`,
      );
      return [
        {
          name: `sync pull in Chromium: fresh device, sign-in until ${RECORDS.toLocaleString('en')} records are in IndexedDB and sync is done`,
          database: kind,
          value: ms,
          unit: 'ms',
          target: TARGET_MS,
        },
      ];
    } finally {
      await context.close();
    }
  } finally {
    await server.stop();
    await database.dispose();
    rmSync(profile, { recursive: true, force: true });
  }
}

export default async function benchSyncPullBrowser(): Promise<BenchResult[]> {
  const results = await benchOn('sqlite');
  if (!(await postgresReachable())) {
    process.stderr.write('[bench] PostgreSQL not reachable: PostgreSQL browser pull benchmark skipped\n');
    return results;
  }
  results.push(...(await benchOn('postgres')));
  return results;
}
