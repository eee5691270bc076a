import { RECORD_KINDS, type RecordKind } from '@quartiersatlas/domain';
import { PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import { type AnalysisJob, getJob, isStale } from './analyses.ts';
import { countRecords } from './records.ts';
import { now } from './time.ts';

/**
 * The figures of the overview and the printed report, counted by the database (GROUP BY) so that
 * no record is loaded. Counts are of published, live records unless said otherwise.
 */
export type KindCounts = Record<RecordKind, number>;

export interface QuarterFigures {
  id: string;
  name: string;
  records: KindCounts;
  /** Needs waiting for moderation. */
  pending: number;
  byCategory: Array<{ category: string; service: number; need: number }>;
  /** By primary language subtag (`de-AT` counts as `de`); `und` when the language is unknown. */
  needsByLanguage: Array<{ lang: string; count: number }>;
  /** A need for two groups counts in both. */
  needsByTargetGroup: Array<{ group: string; count: number }>;
}

export interface SessionFigures {
  id: string;
  title: string;
  kind: string;
  quarterId: string;
  startedAt: string;
  endedAt: string | null;
  records: KindCounts;
}

interface CoverageFigures {
  population: number;
  coverageShare: number | null;
  servedShare: number | null;
  deficit: number;
}

export interface CategoryCoverage extends CoverageFigures {
  category: string;
  analysisId: string;
  method: string;
  finishedAt: string;
  stale: boolean;
  supplyPer1000: number | null;
  quarters: Array<CoverageFigures & { id: string; name: string }>;
}

export interface Overview {
  generatedAt: string;
  quarters: QuarterFigures[];
  sessions: SessionFigures[];
  coverage: CategoryCoverage[];
}

const noRecords = (): KindCounts => ({ service: 0, vacancy: 0, brownfield: 0, need: 0 });

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * A JSON member of a text column: the two databases spell JSON access differently. The member is a
 * literal, not a parameter, so PostgreSQL sees the same expression in SELECT and GROUP BY.
 */
function jsonText(db: Db, column: string, member: string): RawBuilder<string | null> {
  return isPostgres(db)
    ? sql<string | null>`(${sql.ref(column)}::jsonb ->> ${sql.lit(member)})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${member}`)})`;
}

/** Rows keyed by quarter, each quarter's rows in query order. */
function byQuarter<T extends { quarter_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.quarter_id, [...(map.get(row.quarter_id) ?? []), row]);
  return map;
}

const descending =
  <T extends { count: number }>(key: (item: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || key(a).localeCompare(key(b));

async function needsByTargetGroup(db: Db) {
  const query = isPostgres(db)
    ? sql<{ quarter_id: string; grp: string; n: number | string }>`
        select r.quarter_id, g as grp, count(*) as n
        from records r, jsonb_array_elements_text(r.props::jsonb -> 'targetGroups') g
        where r.kind = 'need' and r.status = 'published' and r.deleted = 0
        group by r.quarter_id, g`
    : sql<{ quarter_id: string; grp: string; n: number | string }>`
        select r.quarter_id as quarter_id, g.value as grp, count(*) as n
        from records r, json_each(r.props, '$.targetGroups') g
        where r.kind = 'need' and r.status = 'published' and r.deleted = 0
        group by r.quarter_id, g.value`;
  return (await query.execute(db)).rows;
}

async function quarterFigures(db: Db): Promise<QuarterFigures[]> {
  const live = db.selectFrom('records').where('deleted', '=', 0);
  const count = sql<number | string>`count(*)`.as('n');
  const lang = jsonText(db, 'props', 'lang');
  const [quarters, counts, pending, categories, languages, groups] = await Promise.all([
    db.selectFrom('quarters').select(['id', 'name']).orderBy('name').execute(),
    countRecords(db),
    live
      .select(['quarter_id', count])
      .where('kind', '=', 'need')
      .where('status', '=', 'pending')
      .groupBy('quarter_id')
      .execute(),
    live
      .select(['quarter_id', 'category', 'kind', count])
      .where('kind', 'in', ['service', 'need'])
      .where('status', '=', 'published')
      .where('category', 'is not', null)
      .groupBy(['quarter_id', 'category', 'kind'])
      .orderBy('category')
      .execute(),
    live
      .select(['quarter_id', lang.as('lang'), count])
      .where('kind', '=', 'need')
      .where('status', '=', 'published')
      .groupBy(['quarter_id', lang])
      .execute(),
    needsByTargetGroup(db),
  ]);
  const pendingOf = new Map(pending.map((row) => [row.quarter_id, Number(row.n)]));
  const categoriesOf = byQuarter(categories);
  const languagesOf = byQuarter(languages);
  const groupsOf = byQuarter(groups);
  return quarters.map((quarter) => {
    const byCategory = new Map<string, { category: string; service: number; need: number }>();
    for (const row of categoriesOf.get(quarter.id) ?? []) {
      const category = row.category as string;
      const entry = byCategory.get(category) ?? { category, service: 0, need: 0 };
      entry[row.kind as 'service' | 'need'] = Number(row.n);
      byCategory.set(category, entry);
    }
    const needsByLanguage = new Map<string, number>();
    for (const row of languagesOf.get(quarter.id) ?? []) {
      const primary = (row.lang ?? '').split('-')[0]?.toLowerCase() || 'und';
      needsByLanguage.set(primary, (needsByLanguage.get(primary) ?? 0) + Number(row.n));
    }
    return {
      id: quarter.id,
      name: quarter.name,
      records: { ...noRecords(), ...counts.get(quarter.id) },
      pending: pendingOf.get(quarter.id) ?? 0,
      byCategory: [...byCategory.values()],
      needsByLanguage: [...needsByLanguage]
        .map(([lang, n]) => ({ lang, count: n }))
        .sort(descending((item) => item.lang)),
      needsByTargetGroup: (groupsOf.get(quarter.id) ?? [])
        .map((row) => ({ group: row.grp, count: Number(row.n) }))
        .sort(descending((item) => item.group)),
    };
  });
}

async function sessionFigures(db: Db): Promise<SessionFigures[]> {
  const [sessions, counts] = await Promise.all([
    db
      .selectFrom('survey_sessions')
      .select(['id', 'title', 'kind', 'quarter_id', 'started_at', 'ended_at'])
      .orderBy('started_at', 'desc')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('records')
      .select(['session_id', 'kind', sql<number | string>`count(*)`.as('n')])
      .where('deleted', '=', 0)
      .where('status', '=', 'published')
      .where('session_id', 'is not', null)
      .groupBy(['session_id', 'kind'])
      .execute(),
  ]);
  const countsOf = new Map<string, KindCounts>();
  for (const row of counts) {
    const entry = countsOf.get(row.session_id as string) ?? noRecords();
    if ((RECORD_KINDS as readonly string[]).includes(row.kind)) entry[row.kind as RecordKind] = Number(row.n);
    countsOf.set(row.session_id as string, entry);
  }
  return sessions.map((s) => ({
    id: s.id,
    title: s.title,
    kind: s.kind,
    quarterId: s.quarter_id,
    startedAt: s.started_at,
    endedAt: s.ended_at,
    records: countsOf.get(s.id) ?? noRecords(),
  }));
}

interface StoredSummary extends CoverageFigures {
  supplyPer1000: number | null;
}

const coverageOf = (figures: CoverageFigures): CoverageFigures => ({
  population: figures.population,
  coverageShare: figures.coverageShare,
  servedShare: figures.servedShare,
  deficit: figures.deficit,
});

/** The newest finished analysis of each category, from its stored summary and quarter table. */
async function coverageFigures(db: Db): Promise<CategoryCoverage[]> {
  const done = await db
    .selectFrom('analyses')
    .select(['id', 'category'])
    .where('status', '=', 'done')
    .orderBy('finished_at', 'desc')
    .orderBy('id')
    .execute();
  const newest = new Map<string, string>();
  for (const row of done) if (!newest.has(row.category)) newest.set(row.category, row.id);
  if (newest.size === 0) return [];
  // Only the small parts of each result leave the database, not its grid of thousands of cells.
  const parts = await db
    .selectFrom('analyses')
    .select(['id', jsonPart(db, 'summary').as('summary'), jsonPart(db, 'quarters').as('quarters')])
    .where('id', 'in', [...newest.values()])
    .execute();
  const coverage: CategoryCoverage[] = [];
  for (const part of parts) {
    const job = (await getJob(db, part.id)) as AnalysisJob;
    const summary = JSON.parse(part.summary ?? 'null') as StoredSummary | null;
    const quarters = JSON.parse(part.quarters ?? '[]') as Array<StoredSummary & { id: string; name: string }>;
    if (!summary) continue;
    coverage.push({
      category: job.category,
      analysisId: job.id,
      method: job.method,
      finishedAt: job.finishedAt as string,
      stale: await isStale(db, job),
      ...coverageOf(summary),
      supplyPer1000: summary.supplyPer1000,
      quarters: quarters.map((q) => ({ id: q.id, name: q.name, ...coverageOf(q) })),
    });
  }
  return coverage.sort((a, b) => a.category.localeCompare(b.category));
}

/** A top-level member of a stored result, as JSON text. */
function jsonPart(db: Db, member: 'summary' | 'quarters'): RawBuilder<string | null> {
  return isPostgres(db)
    ? sql<string | null>`(result::json -> ${sql.lit(member)})::text`
    : sql<string | null>`json_extract(result, ${sql.lit(`$.${member}`)})`;
}

export async function overview(db: Db): Promise<Overview> {
  const [quarters, sessions, coverage] = await Promise.all([
    quarterFigures(db),
    sessionFigures(db),
    coverageFigures(db),
  ]);
  return { generatedAt: now(), quarters, sessions, coverage };
}
