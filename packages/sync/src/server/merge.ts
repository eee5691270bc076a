import {
  changedFieldNames,
  type FieldVersions,
  fieldValues,
  GEOMETRY_FIELD,
  isEditableField,
  type RecordView,
  sameValue,
  stampFields,
} from './fields.ts';

/** The changes one op sends: changed fields only, null removes a field. */
export interface FieldChanges {
  geometry?: unknown;
  properties?: Record<string, unknown>;
}

/** A patch in the form `applyRecordPatch` takes. */
export interface RecordPatch {
  geometry?: unknown;
  properties: Record<string, unknown>;
}

/** A field another writer changed after the op's base version, which the op now overwrites. */
export interface FieldClash {
  field: string;
  /** The value that is overwritten (null: the field was absent). */
  lost: unknown;
  lostBy: string;
  /** The version at which the overwritten value was written. */
  lostVersion: number;
}

/** A clash that really changed the record: the value that stays beside the one that lost. */
export interface RecordedClash extends FieldClash {
  kept: unknown;
}

/**
 * Whether a field was written after `baseVersion` by someone other than `writer`. A null base
 * means the writer has seen only its own create, so every later write by someone else counts; a
 * writer's own earlier writes never count, whatever its base.
 */
export function writtenSinceBase(
  entry: [number, string] | undefined,
  baseVersion: number | null,
  writer: string,
): entry is [number, string] {
  return entry !== undefined && entry[1] !== writer && (baseVersion === null || entry[0] > baseVersion);
}

/**
 * The field rule of an update. Every field the op sends that differs from the current value goes
 * into the patch: edits are applied in arrival order. A field that someone else changed after the
 * op's base version is a clash; its current value will be overwritten and must be kept for review.
 * Fields equal to the current value change nothing and never clash.
 */
export function mergeChanges(input: {
  current: RecordView;
  fieldVersions: FieldVersions;
  baseVersion: number | null;
  writer: string;
  changes: FieldChanges;
}): { patch: RecordPatch; clashes: FieldClash[] } {
  const { current, fieldVersions, baseVersion, writer, changes } = input;
  const values = fieldValues(current);
  const patch: RecordPatch = { properties: {} };
  const clashes: FieldClash[] = [];
  const consider = (field: string, incoming: unknown, set: (value: unknown) => void) => {
    const previous = values.get(field);
    if (sameValue(previous, incoming ?? undefined)) return;
    set(incoming);
    const entry = fieldVersions[field];
    if (writtenSinceBase(entry, baseVersion, writer)) {
      clashes.push({ field, lost: previous ?? null, lostBy: entry[1], lostVersion: entry[0] });
    }
  };
  if (changes.geometry !== undefined) {
    consider(GEOMETRY_FIELD, changes.geometry, (value) => {
      patch.geometry = value;
    });
  }
  for (const [name, value] of Object.entries(changes.properties ?? {})) {
    // A different kind is passed on so that validation refuses it; the same kind is no change.
    if (name === 'kind') {
      if (value !== current.properties.kind) patch.properties.kind = value;
      continue;
    }
    if (!isEditableField(name)) continue;
    consider(name, value, (v) => {
      patch.properties[name] = v;
    });
  }
  return { patch, clashes };
}

/**
 * What an applied merge leaves: the fields that really changed (validation may normalise a value
 * back to the current one, such as a need's default urgency), their new field versions, and the
 * clashes among them with the value that was kept.
 */
export function settleMerge(input: {
  current: RecordView;
  next: RecordView;
  clashes: readonly FieldClash[];
  fieldVersions: FieldVersions;
  version: number;
  writer: string;
}): { changed: string[]; fieldVersions: FieldVersions; clashes: RecordedClash[] } {
  const changed = changedFieldNames(input.current, input.next);
  const nextValues = fieldValues(input.next);
  const clashes = input.clashes
    .filter((clash) => changed.includes(clash.field))
    .map((clash) => ({ ...clash, kept: nextValues.get(clash.field) ?? null }));
  return {
    changed,
    fieldVersions: stampFields(input.fieldVersions, changed, input.version, input.writer),
    clashes,
  };
}

/**
 * The fields someone other than `writer` changed after `baseVersion`, with their current values,
 * in the form of the changes that would bring them back: what a delete made on an older base
 * would throw away. Empty when the delete saw every edit.
 */
export function editsSinceBase(input: {
  current: RecordView;
  fieldVersions: FieldVersions;
  baseVersion: number | null;
  writer: string;
}): { changes: FieldChanges; fields: string[]; lastWriter: string | null } {
  const values = fieldValues(input.current);
  const changes: FieldChanges = {};
  const fields: string[] = [];
  let last: [number, string] | null = null;
  for (const [field, entry] of Object.entries(input.fieldVersions)) {
    if (!writtenSinceBase(entry, input.baseVersion, input.writer)) continue;
    fields.push(field);
    if (last === null || entry[0] > last[0]) last = entry;
    const value = values.get(field) ?? null;
    if (field === GEOMETRY_FIELD) changes.geometry = value;
    else changes.properties = { ...changes.properties, [field]: value };
  }
  return { changes, fields: fields.sort(), lastWriter: last?.[1] ?? null };
}
