// npm run bench [-- name …]: runs every scripts/bench/*.bench.ts (or those whose file name
// contains one of the given words) and prints one Markdown table to paste into
// docs/benchmarks.md together with the machine and the date. Exits 1 when a target is missed.
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { BenchResult } from './util.ts';

function row(result: BenchResult): string {
  const value = result.unit === 'ms' ? `${result.value.toFixed(0)} ms` : `${result.value.toFixed(1)} ${result.unit}`;
  const target = result.target === undefined ? '–' : `≤ ${result.target} ${result.unit}`;
  const verdict = result.target === undefined ? '' : result.value <= result.target ? 'met' : '**missed**';
  return `| ${result.name} | ${result.database ?? '–'} | ${value} | ${target} | ${verdict} |`;
}

const filters = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();
const results: BenchResult[] = [];
for (const file of files) {
  process.stderr.write(`[bench] ${file} …\n`);
  const bench = (await import(`./${file}`)) as { default: () => Promise<BenchResult[]> };
  results.push(...(await bench.default()));
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
