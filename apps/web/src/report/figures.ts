import type { Taxonomy } from '@quartiersatlas/domain';
import type {
  CategoryCount,
  CoverageArea,
  CoverageFigures,
  KindCounts,
  OverviewReport,
  QuarterFigures,
  SessionFigures,
} from './report-api.ts';

export const KINDS = ['service', 'vacancy', 'brownfield', 'need'] as const satisfies ReadonlyArray<keyof KindCounts>;

/** `all` or one quarter's id: what the overview and the report are about. */
export type Scope = string;
export const ALL_QUARTERS: Scope = 'all';

export function quartersIn(report: OverviewReport, scope: Scope): QuarterFigures[] {
  return scope === ALL_QUARTERS ? report.quarters : report.quarters.filter((quarter) => quarter.id === scope);
}

export function sessionsIn(report: OverviewReport, scope: Scope): SessionFigures[] {
  const sessions = scope === ALL_QUARTERS ? report.sessions : report.sessions.filter((s) => s.quarterId === scope);
  return [...sessions].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

export function kindTotals(quarters: readonly QuarterFigures[]): KindCounts & { pending: number } {
  const total = { service: 0, vacancy: 0, brownfield: 0, need: 0, pending: 0 };
  for (const quarter of quarters) {
    for (const kind of KINDS) total[kind] += quarter.records[kind];
    total.pending += quarter.pending;
  }
  return total;
}

/**
 * Services and needs per category over the quarters, in the taxonomy's order (so the same field's
 * categories stay together); categories with neither are left out, unknown ones come last.
 */
export function categoryTotals(quarters: readonly QuarterFigures[], taxonomy: Taxonomy): CategoryCount[] {
  const sums = new Map<string, CategoryCount>();
  for (const quarter of quarters) {
    for (const row of quarter.byCategory) {
      const sum = sums.get(row.category) ?? { category: row.category, service: 0, need: 0 };
      sum.service += row.service;
      sum.need += row.need;
      sums.set(row.category, sum);
    }
  }
  const order = new Map(taxonomy.categories.map((category, index) => [category.id, index]));
  return [...sums.values()]
    .filter((row) => row.service + row.need > 0)
    .sort(
      (a, b) =>
        (order.get(a.category) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.category) ?? Number.MAX_SAFE_INTEGER) ||
        a.category.localeCompare(b.category),
    );
}

function countBy<K extends string>(
  quarters: readonly QuarterFigures[],
  pick: (quarter: QuarterFigures) => Array<{ count: number } & Record<K, string>>,
  key: K,
): Array<{ key: string; count: number }> {
  const sums = new Map<string, number>();
  for (const quarter of quarters) {
    for (const row of pick(quarter)) sums.set(row[key], (sums.get(row[key]) ?? 0) + row.count);
  }
  return [...sums]
    .map(([k, count]) => ({ key: k, count }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Published needs per language, most frequent first; `und` (unknown) is kept as a row of its own. */
export function languageTotals(quarters: readonly QuarterFigures[]) {
  return countBy(quarters, (quarter) => quarter.needsByLanguage, 'lang');
}

export function targetGroupTotals(quarters: readonly QuarterFigures[]) {
  return countBy(quarters, (quarter) => quarter.needsByTargetGroup, 'group');
}

/** A category's coverage for the whole analysis area, or for one quarter of it (null: not in it). */
export function coverageIn(coverage: CoverageFigures, scope: Scope): CoverageArea | null {
  if (scope === ALL_QUARTERS) return coverage;
  return coverage.quarters.find((quarter) => quarter.id === scope) ?? null;
}

/** Categories with services or needs recorded but no finished analysis: candidates for the next one. */
export function unanalysed(categories: readonly CategoryCount[], coverage: readonly CoverageFigures[]): string[] {
  const analysed = new Set(coverage.map((row) => row.category));
  return categories.filter((row) => !analysed.has(row.category)).map((row) => row.category);
}
