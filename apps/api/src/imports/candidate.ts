import type { OPERATOR_TYPES, RecordKind } from '@quartiersatlas/domain';

/** One row of a file on its way to becoming a record: validated and placed in a quarter later. */
export interface Candidate {
  /** 1-based data row or feature number, for the report. */
  row: number;
  /** The row's own identifier for the report (OSM `node/123`, a stop id). */
  label?: string;
  /** The record id: stable for the same source row (see stableId) or the feature's own UUID. */
  id: string;
  kind: RecordKind;
  category: string | null;
  /** GeoJSON geometry as the record will have it (not yet validated). */
  geometry: { type: string; coordinates: unknown };
  /** The point that decides the quarter. */
  position: [number, number];
  /** The kind's fields and the note; kind, category, quarter and session are set apart. */
  fields: Record<string, unknown>;
  /** A quarter the row names itself (our own exports); otherwise the location decides. */
  quarterId?: string;
  sessionId?: string | null;
  /** True when the row is a whole record (our export): stored fields it lacks are removed on update. */
  replace: boolean;
  /** Where a field came from in the file, for the report: `properties.name` → `stop_name`. */
  sources?: Record<string, string>;
}

/** Attribute values a row may carry, by what they mean; each kind keeps the ones it has. */
export interface RowValues {
  name?: string;
  capacity?: number;
  openingHours?: string;
  stepFree?: boolean;
  operatorType?: string;
  address?: string;
  formerUse?: string;
  text?: string;
  lang?: string;
  note?: string;
}

const KIND_FIELDS: Record<RecordKind, ReadonlyArray<keyof RowValues>> = {
  service: ['name', 'capacity', 'openingHours', 'stepFree', 'operatorType'],
  vacancy: ['address', 'formerUse'],
  brownfield: ['name', 'formerUse'],
  need: ['text', 'lang'],
};

/** The record fields of `kind` among `values` (absent values stay absent). */
export function kindFields(kind: RecordKind, values: RowValues): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of [...KIND_FIELDS[kind], 'note'] as const) {
    const value = values[key];
    if (value !== undefined && value !== '') fields[key] = value;
  }
  return fields;
}

/** OSM `operator:type` values in the four operator types of a service. */
const OPERATOR_TYPE_OF: Record<string, (typeof OPERATOR_TYPES)[number]> = {
  public: 'public',
  government: 'public',
  municipal: 'public',
  private: 'private',
  business: 'private',
  ngo: 'nonprofit',
  charitable: 'nonprofit',
  religious: 'nonprofit',
  nonprofit: 'nonprofit',
  community: 'civic',
  cooperative: 'civic',
  civic: 'civic',
};

export function operatorType(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : OPERATOR_TYPE_OF[raw.trim().toLowerCase()];
}

/**
 * A capacity only when it is a plain whole number: OSM and hand-made lists hold "ca. 40" or
 * "40-50", which say little; such values are left out rather than refusing the whole file.
 */
export function wholeNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? raw : undefined;
  if (typeof raw !== 'string' || !/^\s*\d{1,6}\s*$/.test(raw)) return undefined;
  return Number(raw);
}

/** `wheelchair=yes|no` (OSM) or a yes/no column as step-free access; anything else unknown. */
export function yesNo(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim().toLowerCase();
  if (['yes', 'ja', 'true', '1'].includes(value)) return true;
  if (['no', 'nein', 'false', '0'].includes(value)) return false;
  return undefined;
}

/** A column or property name reduced to letters and digits: `Stop_Name`, `stop name` → `stopname`. */
function normalName(name: string): string {
  return name
    .replace(/^tags\//i, '')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

/** Names (normalised) of the columns or properties each value is read from, most specific first. */
export const ATTRIBUTE_NAMES = {
  name: ['name', 'stopname', 'bezeichnung', 'titel', 'title'],
  key: ['stopid', 'id', 'uuid', 'osmid', 'objectid', 'fid', 'nr', 'nummer'],
  capacity: ['capacity', 'kapazitaet', 'plaetze'],
  openingHours: ['openinghours', 'oeffnungszeiten'],
  stepFree: ['stepfree', 'wheelchair', 'barrierefrei'],
  address: ['address', 'adresse', 'anschrift'],
  formerUse: ['formeruse', 'frueherenutzung', 'ehemaligenutzung'],
  text: ['text', 'beschreibung', 'description'],
  lang: ['lang', 'sprache', 'language'],
  category: ['category', 'kategorie'],
} as const;

/** The first of `names` (normalised) among `keys`, as the key is spelled in the file. */
export function findKey(keys: readonly string[], names: readonly string[]): string | undefined {
  for (const name of names) {
    const found = keys.find((key) => normalName(key) === name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Row values from generic attributes (CSV columns, GeoJSON properties), with where each came from. */
export function attributeValues(attributes: Record<string, unknown>): {
  values: RowValues;
  sources: Record<string, string>;
} {
  const keys = Object.keys(attributes);
  const values: RowValues = {};
  const sources: Record<string, string> = {};
  const text = (field: keyof typeof ATTRIBUTE_NAMES) => {
    const key = findKey(keys, ATTRIBUTE_NAMES[field]);
    if (key === undefined) return undefined;
    sources[`properties.${field}`] = key;
    const value = attributes[key];
    return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
  };
  values.name = text('name');
  const capacityKey = findKey(keys, ATTRIBUTE_NAMES.capacity);
  if (capacityKey !== undefined) values.capacity = wholeNumber(attributes[capacityKey]);
  values.openingHours = text('openingHours');
  const stepFreeKey = findKey(keys, ATTRIBUTE_NAMES.stepFree);
  if (stepFreeKey !== undefined) values.stepFree = yesNo(attributes[stepFreeKey]);
  values.address = text('address');
  values.formerUse = text('formerUse');
  values.text = text('text');
  values.lang = text('lang');
  return { values, sources };
}
