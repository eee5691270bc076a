import type { Kysely, Migration } from 'kysely';

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
};
