import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  logs: string[];
}

/** Starts the real server process, as `npm start` does after building, on a free port. */
function start(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', NODE_ENV: 'production', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join('')}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      logs.push(text);
      const match = /running on (http:\/\/[\d.]+:\d+)/.exec(text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], logs });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${logs.join('')}`));
    });
  });
}

function stop(running: Running): Promise<number | null> {
  return new Promise((resolve) => {
    running.child.removeAllListeners('exit');
    running.child.on('exit', (code) => resolve(code));
    running.child.kill('SIGTERM');
  });
}

async function quarterCounts(url: string) {
  const body = (await (await fetch(`${url}/api/v1/quarters`)).json()) as {
    features: Array<{ id: string; properties: { recordCounts: Record<string, number>; demo: boolean } }>;
  };
  return Object.fromEntries(body.features.map((f) => [f.id, f.properties]));
}

describe('starting the server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qa-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loads the demo data on the first start only, and shuts down cleanly on SIGTERM', async () => {
    const first = await start(dataDir);
    const before = await quarterCounts(first.url);
    expect(Object.keys(before).sort()).toEqual(['eving', 'marten']);
    expect(before.eving?.demo).toBe(true);
    const total = (q: { recordCounts: Record<string, number> } | undefined) =>
      Object.values(q?.recordCounts ?? {}).reduce((a, b) => a + b, 0);
    expect(total(before.eving) + total(before.marten)).toBeGreaterThan(500);
    expect(await stop(first)).toBe(0);
    expect(first.logs.join('')).toContain('demo data loaded');

    const second = await start(dataDir);
    expect(await quarterCounts(second.url)).toEqual(before);
    expect(second.logs.join('')).not.toContain('demo data loaded');
    expect(await stop(second)).toBe(0);
  }, 90_000);
});
