import type { Geometry, RecordKind } from '@quartiersatlas/domain';
import { COMMON_FIELDS, KIND_FIELDS, type RecordFormValues, type TriState } from './form-values.ts';

/** A record feature as `createRecord` and the domain's `parseRecord` take it. */
export interface CaptureFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry | null;
  properties: Record<string, unknown> & { kind: RecordKind; quarterId: string };
}

// Keyboards in Arabic and Persian type their own digits and separators; the schema wants Latin numbers.
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** `٢٠٢٣` → `2023`: Arabic-Indic and Persian digits as Latin ones. */
export function latinDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
}

/**
 * Reads a typed number: `12`, `85,5` (German decimal comma), `٨٥٫٥`. Empty means "not given"; anything
 * unreadable is passed on as the text so that validation reports it next to the field.
 */
export function parseNumberInput(raw: string): number | string | undefined {
  const latin = latinDigits(raw.trim())
    .replace(/[\u066b,]/g, '.')
    .replace(/[\u066c\s']/g, '');
  if (latin === '') return undefined;
  const value = Number(latin);
  return /^-?(\d+\.?\d*|\.\d+)$/.test(latin) && Number.isFinite(value) ? value : raw.trim();
}

function triState(value: TriState): boolean | undefined {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return undefined;
}

function freeText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function choice(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/** The value of one form field as the record stores it; `undefined` leaves the property out. */
function propertyValue(field: keyof RecordFormValues, values: RecordFormValues): unknown {
  switch (field) {
    case 'capacity':
    case 'floorAreaM2':
      return parseNumberInput(values[field]);
    case 'stepFree':
    case 'ownerKnown':
    case 'shopFront':
    case 'contaminationSuspected':
      return triState(values[field]);
    case 'languages':
      return values.languages.length > 0 ? [...values.languages] : undefined;
    case 'targetGroups':
      // Needs always carry the list (the domain defaults it to []), so clearing it is a real change.
      return [...values.targetGroups];
    case 'category':
    case 'operatorType':
    case 'condition':
    case 'ownership':
    case 'urgency':
    case 'lang':
    case 'sessionId':
    case 'quarterId':
      return choice(values[field]);
    case 'vacantSince':
      return freeText(latinDigits(values.vacantSince));
    case 'name':
    case 'openingHours':
    case 'formerUse':
    case 'address':
    case 'interimUse':
    case 'text':
    case 'note':
      return freeText(values[field]);
    default:
      return undefined;
  }
}

/** The property names the form of a kind manages; others in a stored record are left alone. */
export function managedProperties(kind: RecordKind): string[] {
  return [...COMMON_FIELDS, ...KIND_FIELDS[kind]];
}

/**
 * Builds the record feature from the form. `keep` carries stored values the form shows but does not
 * edit (a need's supporters), so validation and the saved record see them unchanged.
 */
export function buildFeature(
  kind: RecordKind,
  id: string,
  values: RecordFormValues,
  keep: Record<string, unknown> = {},
): CaptureFeature {
  const properties: CaptureFeature['properties'] = { kind, quarterId: values.quarterId };
  for (const field of managedProperties(kind)) {
    const value = propertyValue(field as keyof RecordFormValues, values);
    if (value !== undefined) properties[field] = value;
  }
  for (const [key, value] of Object.entries(keep)) {
    if (value !== undefined && value !== null) properties[key] = value;
  }
  return { type: 'Feature', id, geometry: values.geometry, properties };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The changes that turn a stored record into the edited one, as `updateRecord` takes them: only
 * changed properties, `null` for a removed one, and the geometry only when it moved.
 */
export function recordChanges(
  kind: RecordKind,
  before: { geometry: Geometry; properties: Record<string, unknown> },
  after: CaptureFeature,
): { geometry?: Geometry; properties?: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  for (const key of managedProperties(kind)) {
    const old = before.properties[key] ?? undefined;
    const next = after.properties[key];
    if (next === undefined) {
      if (old !== undefined) properties[key] = null;
    } else if (!same(old, next)) {
      properties[key] = next;
    }
  }
  const changes: { geometry?: Geometry; properties?: Record<string, unknown> } = {};
  if (after.geometry && !same(before.geometry, after.geometry)) changes.geometry = after.geometry;
  if (Object.keys(properties).length > 0) changes.properties = properties;
  return changes;
}
