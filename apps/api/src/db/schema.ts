import type { Kysely } from 'kysely';

/**
 * Table types. The same schema runs on SQLite and PostgreSQL, so it keeps to what both store alike:
 * timestamps are ISO 8601 UTC text (sortable), flags are 0/1 integers, JSON is text.
 */
export interface RecordsTable {
  id: string;
  kind: string;
  category: string | null;
  quarter_id: string;
  session_id: string | null;
  status: string;
  geometry: string;
  /** The kind's own fields and the note, as JSON. */
  props: string;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  deleted: number;
  demo: number;
}

export interface QuartersTable {
  id: string;
  name: string;
  city: string;
  approximate: number;
  source_note: string;
  geometry: string;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  demo: number;
  created_at: string;
  updated_at: string;
}

export interface SurveySessionsTable {
  id: string;
  kind: string;
  title: string;
  quarter_id: string;
  started_at: string;
  ended_at: string | null;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  demo: number;
}

export interface AccountsTable {
  id: string;
  username: string;
  /** Lower-cased username: logins are case-insensitive, and two accounts may not differ by case only. */
  username_key: string;
  display_name: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

/** Browser sessions behind the HTTP-only cookie. The id is the SHA-256 of the cookie value. */
export interface LoginSessionsTable {
  id: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

/** Long-lived bearer tokens for field devices; only the SHA-256 of the token is kept. */
export interface DeviceTokensTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface TaxonomyTable {
  id: number;
  document: string;
  updated_at: string;
}

/** Named counters; `records` hands out record versions inside the write transaction. */
export interface CountersTable {
  name: string;
  value: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface DemandLayersTable {
  id: string;
  name: string;
  source_note: string;
  cell_count: number;
  population: number;
  demo: number;
  created_at: string;
}

export interface DemandCellsTable {
  layer_id: string;
  idx: number;
  cell_id: string;
  lon: number;
  lat: number;
  all: number;
  children_0_6: number;
  children_6_10: number;
  youth_10_18: number;
  seniors_65: number;
  seniors_80: number;
  families: number;
}

/** Gap-analysis jobs and their results; the same input on unchanged data reuses the result. */
export interface AnalysesTable {
  id: string;
  input_hash: string;
  category: string;
  method: string;
  parameters: string;
  status: string;
  stage: string | null;
  progress: number;
  error: string | null;
  result: string | null;
  /** The record counter when the job read its data: later relevant writes make the result stale. */
  data_version: number;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** Which API process runs it, so a restarted process can take over jobs of a dead one. */
  claimed_by: string | null;
  /** Last sign of life of the process running it; a job whose heartbeat stops is run again. */
  heartbeat_at: string | null;
}

export interface Tables {
  records: RecordsTable;
  quarters: QuartersTable;
  survey_sessions: SurveySessionsTable;
  accounts: AccountsTable;
  login_sessions: LoginSessionsTable;
  device_tokens: DeviceTokensTable;
  taxonomy: TaxonomyTable;
  counters: CountersTable;
  meta: MetaTable;
  demand_layers: DemandLayersTable;
  demand_cells: DemandCellsTable;
  analyses: AnalysesTable;
}

export type Db = Kysely<Tables>;
