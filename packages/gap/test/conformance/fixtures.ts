import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { type CostMatrix, type CostRow, matrixFromTable } from '../../src/index.ts';

/** The reference fixtures live beside the repository, never in it: `<repo>/../shared/fixtures/accessibility`. */
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const FIXTURES = join(REPO_ROOT, '..', 'shared', 'fixtures', 'accessibility');

/** True (after printing why) when the fixtures are not there, for `describe.skipIf`. */
export function fixturesMissing(suite: string): boolean {
  if (existsSync(join(FIXTURES, 'README.md'))) return false;
  console.warn(`[skip] ${suite} conformance tests skipped: reference fixtures not found at ${FIXTURES}`);
  return true;
}

export function readCsv(name: string): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(FIXTURES, name), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) throw new Error(`${name}: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

/** A matrix from a fixture cost table; `maxCost` Infinity keeps every pair (pysal's 3SFCA needs them). */
export function tableMatrix(
  name: string,
  columns: { origin: string; dest: string; cost: string },
  demandIds: readonly string[],
  supplyIds: readonly string[],
  maxCost = Number.POSITIVE_INFINITY,
): CostMatrix {
  const rows: CostRow[] = readCsv(name).map((r) => ({
    origin: r[columns.origin] ?? '',
    dest: r[columns.dest] ?? '',
    cost: Number(r[columns.cost]),
  }));
  const built = matrixFromTable(rows, demandIds, supplyIds, maxCost);
  if (!built.ok) throw new Error(`${name}: ${JSON.stringify(built.problems)}`);
  return built.matrix;
}

/** |actual − expected| ≤ rel · |expected| (or ≤ rel when expected is 0); NaN only matches NaN. */
export function expectRelative(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (Number.isNaN(e)) {
      expect(a, `index ${i}`).toBeNaN();
      continue;
    }
    const tolerance = e === 0 ? rel : rel * Math.abs(e);
    expect(Math.abs(a - e), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tolerance);
  }
}

/** Matches a reference rounded to 4 decimals (ipea's tests `round(x, 4)`): within half a unit of the last place. */
export function expectFourDecimals(actual: ArrayLike<number>, expected: readonly number[], tolerance = 5e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    expect(Math.abs(a - (expected[i] as number)), `index ${i}: ${a} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance);
  }
}
