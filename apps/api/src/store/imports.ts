import { randomUUID } from 'node:crypto';
import { accountWriter, stampFields } from '@quartiersatlas/sync';
import type { Transaction } from 'kysely';
import type { Db, ImportsTable, Tables } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { RecordPlan } from '../imports/records.ts';
import type { ImportFormat, ImportReport, ImportStatus, ImportView } from '../imports/report.ts';
import { accountActor, contentChanges, creationChanges, eventRow, insertEvents } from './history.ts';
import { claimVersions, contentColumns, recordRow, recordView } from './records.ts';
import { now } from './time.ts';

export interface NewImport {
  id?: string;
  format: ImportFormat;
  fileName: string;
  status: ImportStatus;
  rowsTotal: number;
  rowsImported: number;
  report: ImportReport;
  createdBy: string | null;
}

function fromRow(row: ImportsTable): ImportView {
  return {
    id: row.id,
    format: row.format as ImportFormat,
    fileName: row.file_name,
    status: row.status as ImportStatus,
    rowsTotal: Number(row.rows_total),
    rowsImported: Number(row.rows_imported),
    createdAt: row.created_at,
    createdBy: row.created_by,
    report: JSON.parse(row.report) as ImportReport,
  };
}

function importRow(entry: NewImport): ImportsTable {
  return {
    id: entry.id ?? randomUUID(),
    format: entry.format,
    file_name: entry.fileName,
    status: entry.status,
    rows_total: entry.rowsTotal,
    rows_imported: entry.rowsImported,
    report: JSON.stringify(entry.report),
    created_by: entry.createdBy,
    created_at: now(),
  };
}

/** Stores the report of an import, within the transaction that wrote its rows or on its own (failed). */
export async function insertImport(db: Db | Transaction<Tables>, entry: NewImport): Promise<ImportView> {
  const row = importRow(entry);
  await db.insertInto('imports').values(row).execute();
  return fromRow(row);
}

export async function listImports(db: Db, limit: number): Promise<ImportView[]> {
  const rows = await db
    .selectFrom('imports')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

export async function getImport(db: Db, id: string): Promise<ImportView | undefined> {
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

// SQLite allows 32,766 bound variables per statement; 19 columns × 1,000 rows stays well below.
const INSERT_CHUNK = 1000;

/**
 * Writes an import's records and its report in one transaction: all rows or none. New records
 * are published; changed ones get a new version with their changed fields stamped as written by
 * the importing account, so devices pull them and merges see who changed what.
 */
export async function commitRecordImport(
  trx: Transaction<Tables>,
  plan: RecordPlan,
  meta: { accountId: string; note: string },
): Promise<void> {
  const count = plan.creates.length + plan.updates.length;
  if (count === 0) return;
  const first = await claimVersions(trx, count);
  const time = now();
  const writer = accountWriter(meta.accountId);
  const actor = accountActor(meta.accountId);
  const rows = plan.creates.map((record, i) =>
    recordRow(record, { createdBy: meta.accountId, status: 'published' }, first + i, time),
  );
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await trx
      .insertInto('records')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  const events = plan.creates.map((record, i) =>
    eventRow({
      recordId: record.id,
      version: first + i,
      action: 'create',
      actor,
      changes: creationChanges(recordView(record), 'published'),
      note: meta.note,
      time,
    }),
  );
  let version = first + plan.creates.length;
  for (const { current, next, changed } of plan.updates) {
    const written = await trx
      .updateTable('records')
      .set({
        ...contentColumns(next),
        field_versions: JSON.stringify(stampFields(current.fieldVersions, changed, version, writer)),
        version,
        updated_at: time,
      })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    // Someone wrote the record while the file was checked: refuse rather than overwrite unseen changes.
    if (Number(written.numUpdatedRows) !== 1) {
      throw new AppError('VERSION_CONFLICT', { baseVersion: current.version, currentVersion: 'newer' });
    }
    events.push(
      eventRow({
        recordId: current.id,
        version,
        action: 'update',
        actor,
        changes: contentChanges(recordView(current), recordView(next)),
        note: meta.note,
        time,
      }),
    );
    version++;
  }
  await insertEvents(trx, events);
}
