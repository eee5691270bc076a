import { randomUUID } from 'node:crypto';
import { type Kysely, type Migration, sql } from 'kysely';

/** Demand-group columns of demand_cells; the names are the taxonomy's demand groups. */
export const DEMAND_GROUP_COLUMNS = [
  'all',
  'children_0_6',
  'children_6_10',
  'youth_10_18',
  'seniors_65',
  'seniors_80',
  'families',
] as const;

/**
 * Gives records older than their history one `create` event (and a `delete` for tombstones), so no
 * history is empty. What they were created with is not known any more: their changes stay empty.
 * Part of migration 0004; on its own for its test.
 */
export async function backfillRecordEvents(db: Kysely<unknown>): Promise<void> {
  const columns = sql`(id, record_id, version, action, account_id, device_id, changes, note, created_at)`;
  await sql`insert into record_events ${columns}
    select 'backfill-create-' || id, id, version, 'create', created_by, null, '{}', null, created_at
    from records`.execute(db);
  await sql`insert into record_events ${columns}
    select 'backfill-delete-' || id, id, version, 'delete', null, null, '{}', null, updated_at
    from records where deleted = 1`.execute(db);
}

// Migrations are code, listed here in order, so the bundle needs no migration folder at run time.
// Never edit a migration that has shipped: add the next one.
export const migrations: Record<string, Migration> = {
  '0001-initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('quarter_id', 'text', (c) => c.notNull())
        .addColumn('session_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('geometry', 'text', (c) => c.notNull())
        .addColumn('props', 'text', (c) => c.notNull())
        .addColumn('min_lon', 'double precision', (c) => c.notNull())
        .addColumn('min_lat', 'double precision', (c) => c.notNull())
        .addColumn('max_lon', 'double precision', (c) => c.notNull())
        .addColumn('max_lat', 'double precision', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('records_quarter_kind').on('records').columns(['quarter_id', 'kind']).execute();
      await db.schema.createIndex('records_session').on('records').column('session_id').execute();
      await db.schema.createIndex('records_updated_at').on('records').column('updated_at').execute();
      // Bbox filters compare all four columns; leading with latitude splits a city into narrow bands.
      await db.schema
        .createIndex('records_bbox')
        .on('records')
        .columns(['min_lat', 'max_lat', 'min_lon', 'max_lon'])
        .execute();

      await db.schema
        .createTable('quarters')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('city', 'text', (c) => c.notNull())
        .addColumn('approximate', 'integer', (c) => c.notNull())
        .addColumn('source_note', 'text', (c) => c.notNull())
        .addColumn('geometry', 'text', (c) => c.notNull())
        .addColumn('min_lon', 'double precision', (c) => c.notNull())
        .addColumn('min_lat', 'double precision', (c) => c.notNull())
        .addColumn('max_lon', 'double precision', (c) => c.notNull())
        .addColumn('max_lat', 'double precision', (c) => c.notNull())
        .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('survey_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('quarter_id', 'text', (c) => c.notNull().references('quarters.id'))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .addColumn('note', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('survey_sessions_quarter').on('survey_sessions').column('quarter_id').execute();

      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('username_key', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('login_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_sessions_account').on('login_sessions').column('account_id').execute();

      await db.schema
        .createTable('device_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('device_tokens_account').on('device_tokens').column('account_id').execute();

      await db.schema
        .createTable('taxonomy')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      await db
        .insertInto('counters' as never)
        .values({ name: 'records', value: 0 } as never)
        .execute();

      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002-analyses-and-demand': {
    async up(db: Kysely<unknown>) {
      // A population layer (Zensus grid, or any point layer with counts) and its cells, one column
      // per demand group so an analysis reads exactly the group its category serves.
      await db.schema
        .createTable('demand_layers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('source_note', 'text', (c) => c.notNull())
        .addColumn('cell_count', 'integer', (c) => c.notNull())
        .addColumn('population', 'double precision', (c) => c.notNull())
        .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      let cells = db.schema
        .createTable('demand_cells')
        .addColumn('layer_id', 'text', (c) => c.notNull().references('demand_layers.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('cell_id', 'text', (c) => c.notNull())
        .addColumn('lon', 'double precision', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull());
      for (const group of DEMAND_GROUP_COLUMNS)
        cells = cells.addColumn(group, 'double precision', (c) => c.notNull().defaultTo(0));
      await cells.addPrimaryKeyConstraint('demand_cells_pk', ['layer_id', 'idx']).execute();

      await db.schema
        .createTable('analyses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('input_hash', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('parameters', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('stage', 'text')
        .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('result', 'text')
        .addColumn('data_version', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('claimed_by', 'text')
        .addColumn('heartbeat_at', 'text')
        .execute();
      await db.schema.createIndex('analyses_input').on('analyses').columns(['input_hash', 'status']).execute();
      await db.schema.createIndex('analyses_status').on('analyses').columns(['status', 'created_at']).execute();
    },
  },
  '0003-sync-and-media': {
    async up(db: Kysely<unknown>) {
      // Which device (or account, for plain API writes) last wrote each field and at which version:
      // {"note": [42, "device-uuid"]}. Fields absent were last written when the record was created.
      await db.schema
        .alterTable('records')
        .addColumn('field_versions', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();

      // Sessions join the records' version counter so one pull cursor covers both.
      await db.schema.alterTable('survey_sessions').addColumn('sync_version', 'integer').execute();
      const sessions = (await db
        .selectFrom('survey_sessions' as never)
        .select('id' as never)
        .orderBy('id' as never)
        .execute()) as Array<{ id: string }>;
      const counter = (await db
        .selectFrom('counters' as never)
        .select('value' as never)
        .where('name' as never, '=', 'records' as never)
        .executeTakeFirstOrThrow()) as { value: number | string };
      let next = Number(counter.value);
      for (const session of sessions) {
        next += 1;
        await db
          .updateTable('survey_sessions' as never)
          .set({ sync_version: next } as never)
          .where('id' as never, '=', session.id as never)
          .execute();
      }
      await db
        .updateTable('counters' as never)
        .set({ value: next } as never)
        .where('name' as never, '=', 'records' as never)
        .execute();
      await db.schema
        .createIndex('survey_sessions_sync_version')
        .unique()
        .on('survey_sessions')
        .column('sync_version')
        .execute();

      // Every applied sync op with its answer, so a replayed op gets the same answer and is applied once.
      await db.schema
        .createTable('sync_ops')
        .addColumn('op_id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sync_ops_record').on('sync_ops').column('record_id').execute();

      // Values that lost a same-field clash (and edits that met a delete), kept for a planner to review.
      await db.schema
        .createTable('conflicts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('kept_value', 'text')
        .addColumn('lost_value', 'text')
        .addColumn('kept_by', 'text')
        .addColumn('lost_by', 'text')
        .addColumn('lost_op_id', 'text')
        .addColumn('base_version', 'integer')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('resolution', 'text')
        .execute();
      await db.schema.createIndex('conflicts_open').on('conflicts').columns(['resolved_at', 'created_at']).execute();
      await db.schema.createIndex('conflicts_record').on('conflicts').column('record_id').execute();

      // Photos and voice notes, stored as files named by their SHA-256 under DATA_DIR/media.
      await db.schema
        .createTable('media')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // Interrupted uploads: the bytes so far are in DATA_DIR/media/partial; a device resumes at `received`.
      await db.schema
        .createTable('media_uploads')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('total_size', 'integer', (c) => c.notNull())
        .addColumn('received', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // The epoch names this database in sync cursors; the horizon is the oldest cursor still valid
      // (raised when old tombstones are purged).
      await db
        .insertInto('meta' as never)
        .values([
          { key: 'sync_epoch', value: randomUUID() },
          { key: 'sync_horizon', value: '0' },
        ] as never)
        .execute();
    },
  },

  '0004-history-imports-networks': {
    async up(db: Kysely<unknown>) {
      // Every write to a record, for its history: who, when, what (changed fields before/after as JSON).
      await db.schema
        .createTable('record_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text')
        .addColumn('device_id', 'text')
        .addColumn('changes', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('record_events_record')
        .on('record_events')
        .columns(['record_id', 'version'])
        .execute();
      await backfillRecordEvents(db);

      // Imported files and their validation reports (all-or-nothing: a failed import wrote no rows).
      await db.schema
        .createTable('imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('rows_total', 'integer', (c) => c.notNull())
        .addColumn('rows_imported', 'integer', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('imports_created').on('imports').column('created_at').execute();

      // Street networks for walking distances; the newest one is used by analyses.
      await db.schema
        .createTable('street_networks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('source_note', 'text', (c) => c.notNull())
        .addColumn('edge_count', 'integer', (c) => c.notNull())
        .addColumn('length_m', 'double precision', (c) => c.notNull())
        .addColumn('bbox', 'text', (c) => c.notNull())
        .addColumn('lines', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0005-residents-privacy': {
    async up(db: Kysely<unknown>) {
      // Links handed out as QR codes and posters: residents take part through them, without an account.
      await db.schema
        .createTable('resident_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('quarter_id', 'text', (c) => c.notNull().references('quarters.id'))
        .addColumn('session_id', 'text')
        .addColumn('languages', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();

      // Anonymous devices that opened a link: a random token (only its hash is kept) that may append
      // needs. No address, no browser signature: nothing that points to a person or a phone.
      await db.schema
        .createTable('resident_devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('link_id', 'text', (c) => c.notNull().references('resident_links.id'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .execute();
      await db.schema.createIndex('resident_devices_link').on('resident_devices').column('link_id').execute();

      // One row per resident submission: the consent given, and the hash of the receipt code with
      // which the resident can see, export and delete it. Removed when the submission is erased.
      await db.schema
        .createTable('resident_submissions')
        .addColumn('record_id', 'text', (c) => c.primaryKey())
        .addColumn('link_id', 'text', (c) => c.notNull())
        .addColumn('receipt_hash', 'text', (c) => c.notNull().unique())
        .addColumn('consent', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('anonymised_at', 'text')
        .execute();
      await db.schema.createIndex('resident_submissions_link').on('resident_submissions').column('link_id').execute();

      // A published need shows its free text to the public only when a planner approved it.
      await db.schema
        .alterTable('records')
        .addColumn('public_text', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      // Account lockout after repeated wrong passwords.
      await db.schema
        .alterTable('accounts')
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('accounts').addColumn('locked_until', 'text').execute();
    },
  },
};
