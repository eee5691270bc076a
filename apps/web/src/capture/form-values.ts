import {
  type Geometry,
  NEED_DEFAULTS,
  OPERATOR_TYPES,
  OWNERSHIP,
  type RecordKind,
  URGENCIES,
  VACANCY_CONDITIONS,
} from '@quartiersatlas/domain';

/** A yes/no question that may stay unanswered: "don't know" is a real answer in the field. */
export type TriState = '' | 'yes' | 'no';

/** How precisely the vacancy date is known: many shops are only known to have closed "in 2023". */
export type DatePrecision = 'year' | 'month' | 'day';

/**
 * Everything any of the four forms edits, as the inputs hold it (numbers as typed text, unanswered
 * choices as ''). One flat shape keeps react-hook-form's field names simple; `buildFeature` picks the
 * fields of the record's kind and turns them into the domain's types.
 */
export interface RecordFormValues {
  geometry: Geometry | null;
  quarterId: string;
  sessionId: string;
  note: string;
  category: string;
  name: string;
  operatorType: string;
  capacity: string;
  openingHours: string;
  languages: string[];
  stepFree: TriState;
  formerUse: string;
  address: string;
  floorAreaM2: string;
  vacantSincePrecision: DatePrecision;
  vacantSince: string;
  condition: string;
  ownerKnown: TriState;
  shopFront: TriState;
  contaminationSuspected: TriState;
  interimUse: string;
  ownership: string;
  targetGroups: string[];
  urgency: string;
  text: string;
  lang: string;
}

export type FormFieldName = Exclude<keyof RecordFormValues, 'vacantSincePrecision'>;

/** The form fields of each kind besides the common ones (geometry, quarter, session, note). */
export const KIND_FIELDS = {
  service: ['category', 'name', 'operatorType', 'capacity', 'openingHours', 'languages', 'stepFree'],
  vacancy: ['formerUse', 'address', 'floorAreaM2', 'vacantSince', 'condition', 'ownerKnown', 'shopFront'],
  brownfield: ['name', 'formerUse', 'contaminationSuspected', 'interimUse', 'ownership'],
  need: ['category', 'targetGroups', 'urgency', 'text', 'lang'],
} as const satisfies Record<RecordKind, readonly FormFieldName[]>;

export const COMMON_FIELDS = ['quarterId', 'sessionId', 'note'] as const satisfies readonly FormFieldName[];

export { OPERATOR_TYPES, OWNERSHIP, URGENCIES, VACANCY_CONDITIONS };

export function emptyValues(quarterId: string, sessionId: string | null, lang: string): RecordFormValues {
  return {
    geometry: null,
    quarterId,
    sessionId: sessionId ?? '',
    note: '',
    category: '',
    name: '',
    operatorType: '',
    capacity: '',
    openingHours: '',
    languages: [],
    stepFree: '',
    formerUse: '',
    address: '',
    floorAreaM2: '',
    vacantSincePrecision: 'month',
    vacantSince: '',
    condition: '',
    ownerKnown: '',
    shopFront: '',
    contaminationSuspected: '',
    interimUse: '',
    ownership: '',
    targetGroups: [],
    urgency: NEED_DEFAULTS.urgency,
    text: '',
    lang,
  };
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function triState(value: unknown): TriState {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return '';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function precisionOf(date: string): DatePrecision {
  if (/^\d{4}$/.test(date)) return 'year';
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'day';
  return 'month';
}

/** The form's starting values for a stored record, so that saving it unchanged changes nothing. */
export function valuesFromRecord(
  record: { geometry: Geometry; properties: Record<string, unknown> },
  lang: string,
): RecordFormValues {
  const p = record.properties;
  const base = emptyValues(text(p.quarterId), typeof p.sessionId === 'string' ? p.sessionId : null, lang);
  const vacantSince = text(p.vacantSince);
  return {
    ...base,
    geometry: record.geometry,
    note: text(p.note),
    category: text(p.category),
    name: text(p.name),
    operatorType: text(p.operatorType),
    capacity: text(p.capacity),
    openingHours: text(p.openingHours),
    languages: strings(p.languages),
    stepFree: triState(p.stepFree),
    formerUse: text(p.formerUse),
    address: text(p.address),
    floorAreaM2: text(p.floorAreaM2),
    vacantSincePrecision: vacantSince === '' ? base.vacantSincePrecision : precisionOf(vacantSince),
    vacantSince,
    condition: text(p.condition),
    ownerKnown: triState(p.ownerKnown),
    shopFront: triState(p.shopFront),
    contaminationSuspected: triState(p.contaminationSuspected),
    interimUse: text(p.interimUse),
    ownership: text(p.ownership),
    targetGroups: strings(p.targetGroups),
    urgency: text(p.urgency) || base.urgency,
    text: text(p.text),
    lang: text(p.lang) || lang,
  };
}
