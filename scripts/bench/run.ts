// npm run bench [-- name …]: runs every scripts/bench/*.bench.ts (or those whose file name
// contains one of the given words) and prints one Markdown table to paste into
// docs/benchmarks.md together with the machine and the date. Exits 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './util.ts';

function row(result: BenchResult): string {
  const value = result.unit === 'ms' ? `${result.value.toFixed(0)} ms` : `${result.value.toFixed(1)} ${result.unit}`;
  const target = result.target === undefined ? '–' : `≤ ${result.target} ${result.unit}`;
  const verdict = result.target === undefined ? '' : result.value <= result.target ? 'met' : '**missed**';
  return `| ${result.name} | ${result.database ?? '–'} | ${value} | ${target} | ${verdict} |`;
}

// `--one <file>`: run one benchmark file in this process and print its results as JSON. The
// parent starts one process per file, so peak-memory figures are not inflated by earlier files.
if (process.argv[2] === '--one') {
  const file = process.argv[3] as string;
  const bench = (await import(`./${file}`)) as { default: () => Promise<BenchResult[]> };
  process.stdout.write(`${JSON.stringify(await bench.default())}\n`);
  process.exit(0);
}

const filters = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();
const results: BenchResult[] = [];
for (const file of files) {
  process.stderr.write(`[bench] ${file} …\n`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    process.stderr.write(`[bench] ${file} failed with exit code ${child.status}\n`);
    process.exitCode = 1;
    continue;
  }
  results.push(...(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '[]') as BenchResult[]));
}
const cpu = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  [
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}; ${new Date().toISOString().slice(0, 10)}`,
    '',
    '| benchmark | database | result | target | |',
    '|---|---|---|---|---|',
    ...results.map(row),
    '',
  ].join('\n'),
);
if (results.some((r) => r.target !== undefined && r.value > r.target)) process.exitCode = 1;
