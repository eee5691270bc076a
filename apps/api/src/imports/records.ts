import { type FieldIssue, parseRecord, type Quarter, type Taxonomy, type ValidRecord } from '@quartiersatlas/domain';
import { changedFieldNames } from '@quartiersatlas/sync';
import type { Db } from '../db/schema.ts';
import { fromRow, recordView, type StoredRecord } from '../store/records.ts';
import { getSession } from '../store/sessions.ts';
import type { Candidate } from './candidate.ts';
import { NEAR_QUARTER_M, QuarterLocator } from './quarter-locator.ts';
import type { RowProblems } from './report.ts';

export interface RecordUpdate {
  current: StoredRecord;
  next: ValidRecord;
  /** Field names that change (geometry included), for the field versions. */
  changed: string[];
}

/** What an import of records will write: new records, changed ones, and how many stay as they are. */
export interface RecordPlan {
  creates: ValidRecord[];
  updates: RecordUpdate[];
  unchanged: number;
  /** Imported records per category (per kind for vacancies and brownfields). */
  categories: Record<string, number>;
}

function feature(record: {
  id: string;
  kind: string;
  category: string | null;
  quarterId: string;
  sessionId: string | null;
  geometry: unknown;
  fields: Record<string, unknown>;
}) {
  return {
    type: 'Feature',
    id: record.id,
    geometry: record.geometry,
    properties: {
      kind: record.kind,
      ...(record.category === null ? {} : { category: record.category }),
      quarterId: record.quarterId,
      sessionId: record.sessionId,
      ...record.fields,
    },
  };
}

function rejectIssues(problems: RowProblems, candidate: Candidate, issues: readonly FieldIssue[]): void {
  for (const issue of issues) {
    problems.reject({
      row: candidate.row,
      ...(candidate.label ? { id: candidate.label } : {}),
      field: candidate.sources?.[issue.field] ?? issue.field,
      code: issue.code,
      message: issue.message,
    });
  }
}

/** A session our own export names is kept when it exists here and belongs to the record's quarter. */
async function sessionFor(db: Db, cache: Map<string, string | null>, candidate: Candidate, quarterId: string) {
  const id = candidate.sessionId;
  if (!id) return null;
  if (!cache.has(id)) cache.set(id, (await getSession(db, id))?.quarterId ?? null);
  return cache.get(id) === quarterId ? id : null;
}

// SQLite allows 32,766 bound variables per statement.
const LOOKUP_CHUNK = 1000;

async function storedByIds(db: Db, ids: readonly string[]): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('records')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + LOOKUP_CHUNK))
      .execute();
    for (const row of rows) found.set(row.id, fromRow(row));
  }
  return found;
}

/**
 * Validates the candidates as records (the same checks as POST /api/v1/records), places each in a
 * quarter, and decides per record: create, update (a new version), or unchanged. Rows outside
 * every quarter, repeated rows and records deleted here are skipped; broken rows are rejected.
 */
export async function planRecords(
  db: Db,
  candidates: readonly Candidate[],
  context: { taxonomy: Taxonomy; quarters: readonly Quarter[] },
  problems: RowProblems,
): Promise<RecordPlan> {
  const locator = new QuarterLocator(context.quarters);
  const firstRow = new Map<string, number>();
  const sessions = new Map<string, string | null>();
  const valid: Array<{ candidate: Candidate; record: ValidRecord }> = [];
  for (const candidate of candidates) {
    const label = candidate.label ? { id: candidate.label } : {};
    const [lon, lat] = candidate.position;
    const quarterId =
      candidate.quarterId && locator.has(candidate.quarterId)
        ? candidate.quarterId
        : locator.locate(lon, lat)?.quarterId;
    if (!quarterId) {
      problems.skip({
        row: candidate.row,
        ...label,
        code: 'OUTSIDE_QUARTERS',
        reason: `more than ${NEAR_QUARTER_M / 1000} km from every quarter`,
      });
      continue;
    }
    const earlier = firstRow.get(candidate.id);
    if (earlier !== undefined) {
      problems.skip({
        row: candidate.row,
        ...label,
        code: 'DUPLICATE_ROW',
        reason: `the same place as row ${earlier}`,
      });
      continue;
    }
    firstRow.set(candidate.id, candidate.row);
    const sessionId = await sessionFor(db, sessions, candidate, quarterId);
    const parsed = parseRecord(feature({ ...candidate, quarterId, sessionId }), context.taxonomy);
    if (parsed.ok) valid.push({ candidate, record: parsed.value });
    else rejectIssues(problems, candidate, parsed.issues);
  }
  const plan: RecordPlan = { creates: [], updates: [], unchanged: 0, categories: {} };
  if (problems.rejectedRows > 0) return plan;

  const stored = await storedByIds(
    db,
    valid.map((v) => v.record.id),
  );
  for (const { candidate, record } of valid) {
    const current = stored.get(record.id);
    let next = record;
    if (current?.deleted) {
      problems.skip({
        row: candidate.row,
        ...(candidate.label ? { id: candidate.label } : {}),
        code: 'DELETED_HERE',
        reason: 'this record was deleted in Quartiersatlas; an import does not bring it back',
      });
      continue;
    }
    if (current && current.kind !== record.kind) {
      rejectIssues(problems, candidate, [
        { field: 'id', code: 'ID_TAKEN', message: `the id belongs to a ${current.kind} record here` },
      ]);
      continue;
    }
    if (current && !candidate.replace) {
      // A partial source (OSM, a list) keeps what planners added that it does not know (capacity, notes).
      const merged = parseRecord(
        feature({ ...record, sessionId: current.sessionId, fields: { ...current.fields, ...record.fields } }),
        context.taxonomy,
      );
      if (!merged.ok) {
        rejectIssues(problems, candidate, merged.issues);
        continue;
      }
      next = merged.value;
    }
    const key = record.category ?? record.kind;
    plan.categories[key] = (plan.categories[key] ?? 0) + 1;
    if (!current) {
      plan.creates.push(record);
      continue;
    }
    const changed = changedFieldNames(recordView(current), recordView(next));
    if (changed.length === 0) plan.unchanged++;
    else plan.updates.push({ current, next, changed });
  }
  return plan;
}
