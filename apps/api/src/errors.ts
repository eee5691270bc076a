import type { FieldIssue } from '@quartiersatlas/domain';

/**
 * The API's error catalogue. Every error a client can see has a stable code, an HTTP status and
 * an English message; the web app translates by code (packages/i18n `error.<CODE>`).
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'Some fields are invalid: {summary}' },
  INVALID_GEOMETRY: { status: 400, message: 'The geometry is invalid: {summary}' },
  UNKNOWN_CATEGORY: { status: 400, message: 'The category is not in the taxonomy: {summary}' },
  UNKNOWN_QUARTER: { status: 400, message: 'There is no quarter "{quarterId}"' },
  UNKNOWN_SESSION: { status: 400, message: 'There is no survey session "{sessionId}"' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON: {reason}' },
  BAD_REQUEST: { status: 400, message: 'The request could not be read: {reason}' },
  INVALID_QUERY: { status: 400, message: 'Some query parameters are invalid: {summary}' },
  MEDIA_RANGE_INVALID: { status: 400, message: 'The Content-Range header is invalid: {reason}' },
  UNAUTHENTICATED: { status: 401, message: 'Please sign in: this needs an account or a device token' },
  INVALID_CREDENTIALS: { status: 401, message: 'Username or password is wrong' },
  INVALID_TOKEN: { status: 401, message: 'The device token is unknown or was revoked' },
  ACCOUNT_DISABLED: { status: 403, message: 'This account is disabled; ask an administrator' },
  CSRF_TOKEN_INVALID: {
    status: 403,
    message: 'The request came without this app’s CSRF token (or a wrong one); reload the page and try again',
  },
  FORBIDDEN: { status: 403, message: 'Your role ({role}) may not do this' },
  NOT_FOUND: { status: 404, message: 'Nothing found at {path}' },
  RECORD_NOT_FOUND: { status: 404, message: 'There is no record {id}' },
  SESSION_NOT_FOUND: { status: 404, message: 'There is no survey session {id}' },
  QUARTER_NOT_FOUND: { status: 404, message: 'There is no quarter "{id}"' },
  ACCOUNT_NOT_FOUND: { status: 404, message: 'There is no account {id}' },
  TOKEN_NOT_FOUND: { status: 404, message: 'There is no device token {id}' },
  ANALYSIS_NOT_FOUND: { status: 404, message: 'There is no analysis {id}' },
  CONFLICT_NOT_FOUND: { status: 404, message: 'There is no conflict {id}' },
  MEDIA_NOT_FOUND: { status: 404, message: 'There is no photo or voice note {sha256}' },
  IMPORT_UNREADABLE: { status: 400, message: 'The file could not be read as {format}: {reason}' },
  UNKNOWN_DEMAND_LAYER: { status: 400, message: 'There is no population layer {id}' },
  COLLECTION_NOT_FOUND: { status: 404, message: 'There is no collection "{id}"' },
  FEATURE_NOT_FOUND: { status: 404, message: 'There is no feature {id} in the collection "{collection}"' },
  IMPORT_NOT_FOUND: { status: 404, message: 'There is no import {id}' },
  LINK_NOT_FOUND: { status: 404, message: 'There is no resident link {code}' },
  RECEIPT_NOT_FOUND: { status: 404, message: 'No submission has this receipt code; it may have been deleted' },
  NOT_A_RESIDENT_SUBMISSION: { status: 404, message: 'The record {id} is not a resident submission' },
  METHOD_NOT_ALLOWED: { status: 405, message: '{method} is not allowed here' },
  RECORD_EXISTS: { status: 409, message: 'A record with id {id} already exists' },
  SESSION_EXISTS: { status: 409, message: 'A survey session with id {id} already exists' },
  USERNAME_TAKEN: { status: 409, message: 'The username "{username}" is taken' },
  VERSION_CONFLICT: {
    status: 409,
    message: 'The record changed since version {baseVersion} (now {currentVersion}); reload it and try again',
  },
  CATEGORY_IN_USE: { status: 409, message: 'Categories still used by records cannot be removed: {categories}' },
  LAST_ADMIN: { status: 409, message: 'The last active administrator cannot be disabled or lose the admin role' },
  RECORD_DELETED: { status: 409, message: 'The record {id} has been deleted' },
  OP_ID_TAKEN: { status: 409, message: 'The op id {opId} was already used by another account' },
  CONFLICT_RESOLVED: { status: 409, message: 'The conflict {id} was already resolved' },
  SYNC_SERVER_OUTDATED: {
    status: 409,
    message: 'The app speaks sync version {clientVersion}, the server only {serverVersion}; the server needs an update',
  },
  RECORD_NOT_PENDING: { status: 409, message: 'The record {id} is not waiting for moderation (it is {status})' },
  ANALYSIS_NOT_DONE: { status: 409, message: 'The analysis {id} has no result yet (it is {status})' },
  LINK_REVOKED: { status: 410, message: 'This resident link was closed by the planners' },
  CURSOR_TOO_OLD: { status: 410, message: 'The sync position is no longer valid ({reason}); start a full sync' },
  SYNC_CLIENT_OUTDATED: {
    status: 426,
    message: 'The app speaks sync version {clientVersion}, the server needs {serverVersion}: please update the app',
  },
  MEDIA_OFFSET_MISMATCH: { status: 409, message: 'The upload continues at byte {offset}; send the bytes from there' },
  NO_DEMAND_LAYER: {
    status: 409,
    message: 'No population layer is loaded yet: import a Zensus grid or another population layer first',
  },
  NO_DEMAND_LAYER_FOR_GROUP: {
    status: 409,
    message: 'No population layer counts the demand group {group}: import a Zensus grid that does',
  },
  EXPORT_TOO_LARGE: {
    status: 413,
    message: 'More than {limit} records match; narrow the export by quarter, kind or category',
  },
  IMPORT_TOO_LARGE: { status: 413, message: 'The file is larger than {limit} bytes' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than {limit} bytes' },
  MEDIA_TOO_LARGE: { status: 413, message: 'The file has {size} bytes; at most {limit} are allowed for its type' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send JSON with content-type application/json' },
  MEDIA_TYPE_NOT_ALLOWED: {
    status: 415,
    message: 'The type {type} is not accepted: send a photo (JPEG, PNG, WebP) or voice note (WebM, Ogg, MP4, MP3, WAV)',
  },
  MEDIA_TYPE_MISMATCH: { status: 415, message: 'The bytes are not a {type} file' },
  MEDIA_HASH_MISMATCH: {
    status: 422,
    message: 'The bytes do not have the SHA-256 {sha256}; the upload was discarded, send the file again from the start',
  },
  IMPORT_INVALID: {
    status: 422,
    message: 'Nothing was imported: {rejected} of {total} rows have problems; the report lists each one',
  },
  IMPORT_EMPTY: { status: 422, message: 'The file holds no rows to import' },
  ACCOUNT_LOCKED: {
    status: 423,
    message: 'Too many wrong passwords: this account is locked until {until}; an administrator can unlock it sooner',
  },
  RATE_LIMITED: { status: 429, message: 'Too many attempts; try again in {retryAfter}' },
  ANALYSIS_FAILED: { status: 500, message: 'The analysis stopped with an error: {reason}' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server; it has been logged' },
  UNAVAILABLE: { status: 503, message: 'The database is not reachable' },
  BUSY: { status: 503, message: 'The server is busy; nothing was changed, try again in a moment' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorDetails = FieldIssue[] | Record<string, unknown>;

function format(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, params: Record<string, unknown> = {}, details?: ErrorDetails) {
    super(format(ERRORS[code].message, params));
    this.code = code;
    this.statusCode = ERRORS[code].status;
    this.details = details;
  }
}

export function summarize(issues: readonly FieldIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => (i.field ? `${i.field} ${i.message}` : i.message));
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

const GEOMETRY_CODES = new Set([
  'INVALID_GEOMETRY',
  'INVALID_GEOMETRY_TYPE',
  'GEOMETRY_TYPE_NOT_ALLOWED',
  'INVALID_POSITION',
  'LONGITUDE_OUT_OF_RANGE',
  'LATITUDE_OUT_OF_RANGE',
  'INVALID_POLYGON',
  'RING_TOO_SHORT',
  'RING_NOT_CLOSED',
  'SELF_INTERSECTION',
  'AREA_TOO_SMALL',
  'AREA_TOO_LARGE',
  'TOO_MANY_POSITIONS',
]);

/** One 400 for a list of field issues, with the most specific top-level code that covers all of them. */
export function invalidInput(issues: readonly FieldIssue[]): AppError {
  const summary = summarize(issues);
  let code: ErrorCode = 'VALIDATION_FAILED';
  if (issues.every((i) => GEOMETRY_CODES.has(i.code))) code = 'INVALID_GEOMETRY';
  else if (issues.every((i) => i.code === 'UNKNOWN_CATEGORY')) code = 'UNKNOWN_CATEGORY';
  return new AppError(code, { summary }, [...issues]);
}
