// npm run bench: runs every benchmark and prints one table (Markdown) to paste into
// docs/benchmarks.md together with the machine and the date.
import { cpus, totalmem } from 'node:os';
import { benchStorage } from './storage.ts';
import type { BenchResult } from './util.ts';

function row(result: BenchResult): string {
  const value = result.unit === 'ms' ? `${result.value.toFixed(0)} ms` : `${result.value.toFixed(1)} ${result.unit}`;
  const target = result.target === undefined ? '–' : `≤ ${result.target} ${result.unit}`;
  const verdict = result.target === undefined ? '' : result.value <= result.target ? 'met' : '**missed**';
  return `| ${result.name} | ${result.database ?? '–'} | ${value} | ${target} | ${verdict} |`;
}

const results = await benchStorage();
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
const missed = results.filter((r) => r.target !== undefined && r.value > r.target);
if (missed.length > 0) process.exitCode = 1;
