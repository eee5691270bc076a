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
  /** JSON `{field: [version, writer]}`: who last wrote each field since creation (sync merge rules). */
  field_versions: string;
  /** 1 when a planner approved showing a need's free text to the public (default: the text stays internal). */
  public_text?: number;
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
  /** From the records' version counter, so the sync pull cursor covers sessions too. */
  sync_version: number | null;
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
  /** Wrong passwords in a row; reset by a successful sign-in. */
  failed_logins?: number;
  /** After too many wrong passwords, sign-in is refused until then (ISO time). */
  locked_until?: string | null;
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

/** Applied sync ops and their answers (idempotent replays). */
export interface SyncOpsTable {
  op_id: string;
  account_id: string;
  device_id: string;
  type: string;
  record_id: string;
  status: string;
  /** The OpResult as JSON, without the record state (that is read fresh on replay). */
  result: string;
  created_at: string;
}

/** A value that lost a same-field clash, or an edit that met a delete. Values are JSON. */
export interface ConflictsTable {
  id: string;
  record_id: string;
  /** `field` (same field changed on two devices), `edit-after-delete`, `delete-after-edit`. */
  kind: string;
  /** `geometry`, a property name, or `*` for whole-record conflicts. */
  field: string;
  kept_value: string | null;
  lost_value: string | null;
  /** Writers: a device id, or `account:<id>` for writes through the plain records API. */
  kept_by: string | null;
  lost_by: string | null;
  lost_op_id: string | null;
  base_version: number | null;
  /** The record's version when the conflict was recorded. */
  version: number;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  /** `kept` (the current value stays) or `restored` (the lost value was written back). */
  resolution: string | null;
}

export interface MediaTable {
  sha256: string;
  mime: string;
  size: number;
  created_by: string | null;
  created_at: string;
}

export interface MediaUploadsTable {
  sha256: string;
  mime: string;
  total_size: number;
  received: number;
  created_by: string | null;
  updated_at: string;
}

/** One write to a record: `create`, `update`, `delete`, `restore`, `publish`, `reject`, `resolve`. */
export interface RecordEventsTable {
  id: string;
  record_id: string;
  /** The record's version after this write. */
  version: number;
  action: string;
  account_id: string | null;
  device_id: string | null;
  /** JSON object: field name (or `geometry`, `status`) → `{ before, after }`; `{}` when nothing but the action. */
  changes: string;
  /** A planner's reason (rejections) or another short remark. */
  note: string | null;
  created_at: string;
}

/** An imported file: `done` (rows written) or `failed` (nothing written); the report lists rejected rows. */
export interface ImportsTable {
  id: string;
  /** `geojson`, `overpass`, `zensus`, `network`. */
  format: string;
  file_name: string;
  status: string;
  rows_total: number;
  rows_imported: number;
  /** JSON: the validation report. */
  report: string;
  created_by: string | null;
  created_at: string;
}

/** A street network for walking distances: its lines as JSON (arrays of [lon, lat]). */
export interface StreetNetworksTable {
  id: string;
  name: string;
  source_note: string;
  edge_count: number;
  length_m: number;
  /** JSON [minLon, minLat, maxLon, maxLat]. */
  bbox: string;
  /** JSON: Array<Array<[lon, lat]>>. */
  lines: string;
  created_by: string | null;
  created_at: string;
}

/** A link (QR code, poster) through which residents voice needs without an account. */
export interface ResidentLinksTable {
  id: string;
  /** The public code in the link's address, `/r/<code>`. */
  code: string;
  title: string;
  quarter_id: string;
  session_id: string | null;
  /** JSON array of language codes the poster is printed in (the app offers all languages). */
  languages: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

/** An anonymous device that opened a resident link; the token may only append needs. */
export interface ResidentDevicesTable {
  id: string;
  link_id: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

/** Consent and receipt of one resident submission (record_id → records.id). */
export interface ResidentSubmissionsTable {
  record_id: string;
  link_id: string;
  /** SHA-256 of the normalised receipt code: the resident's key to see, export and delete. */
  receipt_hash: string;
  /** JSON Consent: privacy notice version, language, time. */
  consent: string;
  submitted_at: string;
  /** Set when retention anonymised a published submission (exact point, media and text removed). */
  anonymised_at: string | null;
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
  sync_ops: SyncOpsTable;
  conflicts: ConflictsTable;
  media: MediaTable;
  media_uploads: MediaUploadsTable;
  record_events: RecordEventsTable;
  imports: ImportsTable;
  street_networks: StreetNetworksTable;
  resident_links: ResidentLinksTable;
  resident_devices: ResidentDevicesTable;
  resident_submissions: ResidentSubmissionsTable;
}

export type Db = Kysely<Tables>;
