import type { SessionKind, SurveySession, SurveySessionInput, SurveySessionPatch } from '@quartiersatlas/domain';
import type { SessionRow } from '@quartiersatlas/sync';
import type { Db, SurveySessionsTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { claimVersions } from './records.ts';
import { now } from './time.ts';

function fromRow(row: SurveySessionsTable): SurveySession {
  return {
    id: row.id,
    kind: row.kind as SessionKind,
    title: row.title,
    quarterId: row.quarter_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    ...(row.note === null ? {} : { note: row.note }),
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    demo: row.demo === 1,
  };
}

/** A session as sync ships it: its version is the shared sync counter's, as records' are. */
export function toSessionRow(row: SurveySessionsTable): SessionRow {
  return {
    id: row.id,
    version: Number(row.sync_version),
    kind: row.kind,
    title: row.title,
    quarterId: row.quarter_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    ...(row.note === null ? {} : { note: row.note }),
  };
}

/** The stored row of a new session with sync version `syncVersion`. */
export function sessionRow(
  input: SurveySessionInput,
  meta: { createdBy: string | null; demo?: boolean },
  syncVersion: number,
  time: string,
): SurveySessionsTable {
  return {
    id: input.id.toLowerCase(),
    kind: input.kind,
    title: input.title,
    quarter_id: input.quarterId,
    started_at: input.startedAt,
    ended_at: input.endedAt ?? null,
    note: input.note ?? null,
    version: 1,
    created_at: time,
    updated_at: time,
    created_by: meta.createdBy,
    demo: meta.demo ? 1 : 0,
    sync_version: syncVersion,
  };
}

export async function getSession(db: Db, id: string): Promise<SurveySession | undefined> {
  const row = await db.selectFrom('survey_sessions').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function listSessions(db: Db, quarterId?: string): Promise<SurveySession[]> {
  let query = db.selectFrom('survey_sessions').selectAll();
  if (quarterId) query = query.where('quarter_id', '=', quarterId);
  const rows = await query.orderBy('started_at', 'desc').orderBy('id').execute();
  return rows.map(fromRow);
}

export async function insertSessions(
  db: Db,
  sessions: readonly SurveySessionInput[],
  meta: { createdBy: string | null; demo?: boolean },
): Promise<SurveySession[]> {
  const time = now();
  return db.transaction().execute(async (trx) => {
    const first = await claimVersions(trx, sessions.length);
    const rows = sessions.map((s, i) => sessionRow(s, meta, first + i, time));
    for (const row of rows) {
      const existing = await trx.selectFrom('survey_sessions').select('id').where('id', '=', row.id).executeTakeFirst();
      if (existing) throw new AppError('SESSION_EXISTS', { id: row.id });
    }
    if (rows.length > 0) await trx.insertInto('survey_sessions').values(rows).execute();
    return rows.map(fromRow);
  });
}

export async function patchSession(db: Db, id: string, patch: SurveySessionPatch): Promise<SurveySession> {
  return db.transaction().execute(async (trx) => {
    const syncVersion = await claimVersions(trx, 1);
    const row = await trx
      .selectFrom('survey_sessions')
      .selectAll()
      .where('id', '=', id.toLowerCase())
      .executeTakeFirst();
    if (!row) throw new AppError('SESSION_NOT_FOUND', { id });
    const updated = await trx
      .updateTable('survey_sessions')
      .set({
        ...(patch.title === undefined ? {} : { title: patch.title }),
        ...(patch.endedAt === undefined ? {} : { ended_at: patch.endedAt }),
        ...(patch.note === undefined ? {} : { note: patch.note }),
        version: Number(row.version) + 1,
        sync_version: syncVersion,
        updated_at: now(),
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return fromRow(updated);
  });
}
