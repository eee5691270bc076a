import type { Role } from '@quartiersatlas/domain';
import {
  type CursorVerdict,
  canSeeRecord,
  checkCursor,
  formatCursor,
  type PullResponse,
  parseCursor,
  type SessionRow,
  type SyncPosition,
  type SyncRow,
} from '@quartiersatlas/sync';
import type { Transaction } from 'kysely';
import type { Db, SurveySessionsTable, Tables } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { claimVersions, fromRow } from './records.ts';
import { toSessionRow } from './sessions.ts';
import { syncRow } from './sync.ts';

async function syncPosition(trx: Transaction<Tables>): Promise<SyncPosition> {
  const meta = await trx
    .selectFrom('meta')
    .select(['key', 'value'])
    .where('key', 'in', ['sync_epoch', 'sync_horizon'])
    .execute();
  const value = (key: string) => meta.find((row) => row.key === key)?.value;
  const counter = await trx
    .selectFrom('counters')
    .select('value')
    .where('name', '=', 'records')
    .executeTakeFirstOrThrow();
  return {
    epoch: value('sync_epoch') ?? '',
    horizon: Number(value('sync_horizon') ?? 0),
    counter: Number(counter.value),
  };
}

const CURSOR_REASONS: Record<Exclude<CursorVerdict, 'ok'>, string> = {
  'foreign-epoch': 'it belongs to another or a restored database',
  'below-horizon': 'deletions after it were purged',
  'beyond-counter': 'the database was restored from an older backup',
};

export interface PullRequest {
  role: Role;
  accountId: string;
  cursor: string | undefined;
  limit: number;
  quarters: string[] | null;
}

/**
 * Records and sessions changed after the cursor, in version order, at most `limit` in total. Both
 * queries read one snapshot (repeatable read; SQLite reads one snapshot per transaction anyway).
 * A row can never commit later with a version below one returned here: every write claims its
 * versions as its first statement, and the counter's row lock (PostgreSQL) or the single writer
 * (SQLite) holds later writers back until it commits, so versions become visible in order.
 */
export async function pullChanges(db: Db, request: PullRequest): Promise<Omit<PullResponse, 'schemaVersion'>> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const position = await syncPosition(trx);
      let from = 0;
      if (request.cursor !== undefined) {
        const cursor = parseCursor(request.cursor);
        if (!cursor) {
          const message = 'is not a cursor this server gave out';
          throw new AppError('INVALID_QUERY', { summary: `cursor ${message}` }, [
            { field: 'cursor', code: 'INVALID_CURSOR', message },
          ]);
        }
        const verdict = checkCursor(cursor, position);
        if (verdict !== 'ok') throw new AppError('CURSOR_TOO_OLD', { reason: CURSOR_REASONS[verdict] }, { verdict });
        from = cursor.version;
      }
      const quarters = request.quarters;
      if (quarters) {
        const known = await trx.selectFrom('quarters').select('id').where('id', 'in', quarters).execute();
        const unknown = quarters.filter((id) => !known.some((row) => row.id === id));
        if (unknown.length > 0) {
          const message = `there is no quarter "${unknown.join('", "')}"`;
          throw new AppError('INVALID_QUERY', { summary: `quarter: ${message}` }, [
            { field: 'quarter', code: 'UNKNOWN_QUARTER', message },
          ]);
        }
      }
      let recordQuery = trx.selectFrom('records').selectAll().where('version', '>', from);
      if (quarters) recordQuery = recordQuery.where('quarter_id', 'in', quarters);
      const records = await recordQuery
        .orderBy('version')
        .limit(request.limit + 1)
        .execute();
      // Survey sessions are the team's; residents get none (as GET /api/v1/sessions).
      let sessions: SurveySessionsTable[] = [];
      if (request.role !== 'resident') {
        let sessionQuery = trx.selectFrom('survey_sessions').selectAll().where('sync_version', '>', from);
        if (quarters) sessionQuery = sessionQuery.where('quarter_id', 'in', quarters);
        sessions = await sessionQuery
          .orderBy('sync_version')
          .limit(request.limit + 1)
          .execute();
      }
      const page = [
        ...records.map((row) => ({ version: Number(row.version), record: row, session: null })),
        ...sessions.map((row) => ({ version: Number(row.sync_version), record: null, session: row })),
      ]
        .sort((a, b) => a.version - b.version)
        .slice(0, request.limit);
      const rows: SyncRow[] = [];
      const sessionRows: SessionRow[] = [];
      for (const entry of page) {
        if (entry.session) sessionRows.push(toSessionRow(entry.session));
        if (!entry.record) continue;
        const record = fromRow(entry.record);
        // A record the caller may not see goes out as deleted, so devices drop copies that left their view.
        rows.push(
          canSeeRecord(request, record) ? syncRow(record) : { id: record.id, version: record.version, deleted: true },
        );
      }
      const hasMore = records.length + sessions.length > request.limit;
      // With nothing left, the device has everything up to the counter: moving its cursor there
      // keeps it off versions only purged tombstones had (and above the horizon where possible).
      const last = hasMore ? (page.at(-1)?.version ?? from) : position.counter;
      return {
        rows,
        sessions: sessionRows,
        nextCursor: formatCursor(position.epoch, last, position.horizon),
        hasMore,
      };
    });
}

/**
 * Removes tombstones deleted before `before`, except those with open conflicts (a planner may still
 * bring them back), and raises the horizon past them: devices whose cursor is older must pull
 * everything again, as they might still hold the purged records.
 */
export async function purgeTombstones(db: Db, before: string): Promise<{ purged: number; horizon: number }> {
  return db.transaction().execute(async (trx) => {
    // Claiming nothing still takes the counter's lock, so no write (a restore) interleaves.
    await claimVersions(trx, 0);
    const purgeable = trx
      .selectFrom('records')
      .where('deleted', '=', 1)
      .where('updated_at', '<', before)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('conflicts')
              .select('conflicts.id')
              .whereRef('conflicts.record_id', '=', 'records.id')
              .where('conflicts.resolved_at', 'is', null),
          ),
        ),
      );
    const found = await purgeable
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('version').as('top')])
      .executeTakeFirstOrThrow();
    const horizon = Number(
      (await trx.selectFrom('meta').select('value').where('key', '=', 'sync_horizon').executeTakeFirst())?.value ?? 0,
    );
    if (Number(found.n) === 0) return { purged: 0, horizon };
    await trx.deleteFrom('records').where('id', 'in', purgeable.select('records.id')).execute();
    const raised = Math.max(horizon, Number(found.top) + 1);
    await trx
      .updateTable('meta')
      .set({ value: String(raised) })
      .where('key', '=', 'sync_horizon')
      .execute();
    return { purged: Number(found.n), horizon: raised };
  });
}
