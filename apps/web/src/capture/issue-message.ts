import {
  brownfieldGeometry,
  type GeometryRules,
  needGeometry,
  type RecordKind,
  RecordPropertiesSchemas,
  serviceGeometry,
  vacancyGeometry,
} from '@quartiersatlas/domain';
import { type Messages, sourceMessages } from '@quartiersatlas/i18n';
import type { FormFieldName } from './form-values.ts';

export type IssueKey = `capture.issue.${keyof Messages['capture']['issue'] & string}`;

/** Geometry codes that all mean "the shape is broken, set it again". */
const BROKEN_GEOMETRY = new Set([
  'INVALID_GEOMETRY',
  'INVALID_GEOMETRY_TYPE',
  'INVALID_POSITION',
  'INVALID_POLYGON',
  'RING_NOT_CLOSED',
]);

const GEOMETRY_RULES: Record<RecordKind, GeometryRules> = {
  service: serviceGeometry,
  vacancy: vacancyGeometry,
  brownfield: brownfieldGeometry,
  need: needGeometry,
};

type FieldSchema = { type?: unknown; minimum?: unknown; maximum?: unknown; maxLength?: unknown };

function fieldSchema(kind: RecordKind, field: string): FieldSchema {
  const properties = RecordPropertiesSchemas[kind].properties as Record<string, FieldSchema | undefined>;
  return properties[field] ?? {};
}

function numeric(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function issueKey(code: string): IssueKey {
  return Object.hasOwn(sourceMessages.capture.issue, code)
    ? (`capture.issue.${code}` as IssueKey)
    : 'capture.issue.unknown';
}

/**
 * The translation key for an issue and the limit it names, taken from the same schema and geometry
 * rules that produced the issue (so "at most 200 characters" can never disagree with the check).
 */
export function issueMessage(
  kind: RecordKind,
  field: FormFieldName | 'root',
  code: string,
): { key: IssueKey; limit?: number } {
  if (field === 'geometry') {
    const rules = GEOMETRY_RULES[kind];
    if (code === 'REQUIRED') return { key: 'capture.issue.GEOMETRY_REQUIRED' };
    if (code === 'AREA_TOO_SMALL') return { key: issueKey(code), limit: rules.minAreaM2 };
    if (code === 'AREA_TOO_LARGE') return { key: issueKey(code), limit: rules.maxAreaM2 };
    if (code === 'TOO_MANY_POSITIONS') return { key: issueKey(code), limit: rules.maxPositions };
    if (BROKEN_GEOMETRY.has(code)) return { key: 'capture.issue.INVALID_GEOMETRY' };
    return { key: issueKey(code) };
  }
  const schema = fieldSchema(kind, field);
  switch (code) {
    case 'INVALID_TYPE':
      if (schema.type === 'integer') return { key: 'capture.issue.NOT_WHOLE_NUMBER' };
      if (schema.type === 'number') return { key: 'capture.issue.NOT_A_NUMBER' };
      return { key: issueKey(code) };
    case 'INVALID_MINIMUM':
      return { key: issueKey(code), limit: numeric(schema.minimum) };
    case 'INVALID_MAXIMUM':
      return { key: issueKey(code), limit: numeric(schema.maximum) };
    case 'INVALID_MAXLENGTH':
      return { key: issueKey(code), limit: numeric(schema.maxLength) };
    default:
      return { key: issueKey(code) };
  }
}
