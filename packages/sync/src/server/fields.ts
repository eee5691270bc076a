import { SERVER_FIELDS } from '@quartiersatlas/domain';

/**
 * Who last wrote each field of a record after its creation, and at which version:
 * `{note: [42, "<device id>"]}`. A writer is a device id (sync pushes) or `account:<id>` (the plain
 * records API). A field missing here was last written when the record was created.
 */
export type FieldVersions = Record<string, [version: number, writer: string]>;

/** Geometry and properties of a record, as a feature carries them (server fields may be present). */
export interface RecordView {
  geometry: unknown;
  properties: Record<string, unknown>;
}

const ACCOUNT_WRITER = 'account:';

/** The writer name of writes made through the plain REST API by an account. */
export function accountWriter(accountId: string): string {
  return `${ACCOUNT_WRITER}${accountId}`;
}

/** The account behind an `account:<id>` writer; null for a device. */
export function writerAccountId(writer: string): string | null {
  return writer.startsWith(ACCOUNT_WRITER) ? writer.slice(ACCOUNT_WRITER.length) : null;
}

/** The one field name for the geometry; every other field is a property name. */
export const GEOMETRY_FIELD = 'geometry';

/** `*` names a whole record: an edit that met a delete, or a delete that met edits. */
export const WHOLE_RECORD = '*';

const NOT_FIELDS = new Set<string>(['kind', ...SERVER_FIELDS]);

/** Whether a property is something a device edits (not the immutable kind, not a server field). */
export function isEditableField(name: string): boolean {
  return !NOT_FIELDS.has(name);
}

/**
 * The editable fields of a record and their values. Null counts as absent, as in a patch where
 * null removes a field: a stored `sessionId: null` and a missing one are the same state.
 */
export function fieldValues(view: RecordView): Map<string, unknown> {
  const values = new Map<string, unknown>([[GEOMETRY_FIELD, view.geometry]]);
  for (const [name, value] of Object.entries(view.properties)) {
    if (isEditableField(name) && value !== null && value !== undefined) values.set(name, value);
  }
  return values;
}

/** Structural equality of JSON values; object key order does not matter, array order does. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const left = Object.entries(a as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const right = b as Record<string, unknown>;
  const rightKeys = Object.keys(right).filter((k) => right[k] !== undefined);
  return left.length === rightKeys.length && left.every(([key, value]) => key in right && sameValue(value, right[key]));
}

/** Names of the fields whose value differs between two states of a record, sorted. */
export function changedFieldNames(before: RecordView, after: RecordView): string[] {
  const old = fieldValues(before);
  const next = fieldValues(after);
  const names = new Set([...old.keys(), ...next.keys()]);
  return [...names].filter((name) => !sameValue(old.get(name), next.get(name))).sort();
}

/** `versions` with each of `fields` marked as written by `writer` at `version` (a new object). */
export function stampFields(
  versions: FieldVersions,
  fields: readonly string[],
  version: number,
  writer: string,
): FieldVersions {
  const next: FieldVersions = { ...versions };
  for (const field of fields) next[field] = [version, writer];
  return next;
}

/** Reads the stored JSON; anything unreadable counts as "every field as created". */
export function parseFieldVersions(json: string): FieldVersions {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const versions: FieldVersions = {};
  for (const [field, entry] of Object.entries(parsed)) {
    if (Array.isArray(entry) && typeof entry[0] === 'number' && typeof entry[1] === 'string') {
      versions[field] = [entry[0], entry[1]];
    }
  }
  return versions;
}
