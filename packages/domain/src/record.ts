import Type, { type TSchema } from 'typebox';
import {
  areaM2,
  type BBox,
  bboxOf,
  type Geometry,
  type GeometryRules,
  geometryIssues,
  normalizeGeometry,
} from './geometry.ts';
import { type FieldIssue, type Parsed, schemaIssues } from './issues.ts';
import { BrownfieldFieldsSchema, brownfieldGeometry } from './record-brownfield.ts';
import { NEED_DEFAULTS, NeedFieldsSchema, needGeometry } from './record-need.ts';
import { ServiceFieldsSchema, serviceGeometry } from './record-service.ts';
import { VacancyFieldsSchema, vacancyGeometry } from './record-vacancy.ts';
import { FreeText, IsoDateTime, Sha256, Slug, StringEnum, Uuid, UuidPattern } from './schema-helpers.ts';
import { findCategory, type Taxonomy } from './taxonomy.ts';

export const RECORD_KINDS = ['service', 'vacancy', 'brownfield', 'need'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** `pending` waits for a planner (resident submissions); `rejected` stays for the record's history. */
export const RECORD_STATUSES = ['published', 'pending', 'rejected'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** A record lists at most this many photos and voice notes. */
export const MAX_MEDIA_PER_RECORD = 12;

/** Fields every kind has, besides the kind's own. */
export const CommonFieldsSchema = Type.Object({
  quarterId: Slug,
  sessionId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  note: Type.Optional(FreeText(4000)),
  media: Type.Optional(
    Type.Array(Sha256, {
      maxItems: MAX_MEDIA_PER_RECORD,
      uniqueItems: true,
      description: 'photos and voice notes, uploaded separately to PUT /api/v1/media/{sha256}',
    }),
  ),
});

/** Kept by the server; a client may send them back unchanged (they are ignored), never set them. */
export const SERVER_FIELDS = [
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'status',
  'demo',
  'deleted',
  'areaM2',
] as const;

export const ServerFieldsSchema = Type.Object({
  version: Type.Integer({ description: 'changes with every write; the sync cursor' }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  status: StringEnum(RECORD_STATUSES),
  demo: Type.Boolean({ description: 'synthetic demonstration data, not a real observation' }),
  deleted: Type.Boolean(),
});

const kinds = {
  service: { fields: ServiceFieldsSchema, geometry: serviceGeometry },
  vacancy: { fields: VacancyFieldsSchema, geometry: vacancyGeometry },
  brownfield: { fields: BrownfieldFieldsSchema, geometry: brownfieldGeometry },
  need: { fields: NeedFieldsSchema, geometry: needGeometry },
} satisfies Record<RecordKind, { fields: TSchema; geometry: GeometryRules }>;

function propertiesSchema(kind: RecordKind) {
  const fields = kinds[kind].fields;
  return Type.Object(
    { kind: Type.Literal(kind), ...CommonFieldsSchema.properties, ...fields.properties },
    { additionalProperties: false },
  );
}

/** The properties of each kind as JSON Schema, for the API documentation. */
export const RecordPropertiesSchemas = {
  service: propertiesSchema('service'),
  vacancy: propertiesSchema('vacancy'),
  brownfield: propertiesSchema('brownfield'),
  need: propertiesSchema('need'),
} as const;

export const GeometrySchema = Type.Object(
  {
    type: StringEnum(['Point', 'Polygon'] as const),
    coordinates: Type.Array(Type.Unknown(), { description: 'GeoJSON coordinates in WGS84 (longitude, latitude)' }),
  },
  { description: 'GeoJSON Point or Polygon' },
);

/** The envelope of a record as clients send it; properties are checked per kind afterwards. */
export const RecordFeatureInputSchema = Type.Object({
  type: Type.Literal('Feature'),
  id: Uuid,
  geometry: GeometrySchema,
  properties: Type.Object(
    { kind: StringEnum(RECORD_KINDS) },
    { additionalProperties: true, description: 'kind-specific fields, see the record property schemas' },
  ),
});

export const RecordPatchSchema = Type.Object(
  {
    geometry: Type.Optional(GeometrySchema),
    properties: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: 'changed fields; null removes an optional field' }),
    ),
    baseVersion: Type.Optional(
      Type.Integer({ minimum: 0, description: 'refuse the change if the record moved on since' }),
    ),
  },
  { additionalProperties: false },
);

/** A record that passed every check, in the shape the store writes. */
export interface ValidRecord {
  id: string;
  kind: RecordKind;
  geometry: Geometry;
  bbox: BBox;
  quarterId: string;
  sessionId: string | null;
  category: string | null;
  /** The kind's own fields and the note; brownfields carry their computed area. */
  fields: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutServerFields(properties: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...properties };
  for (const key of SERVER_FIELDS) delete copy[key];
  return copy;
}

/** Validates a record feature sent by a client against the schemas, the geometry rules and the taxonomy. */
export function parseRecord(input: unknown, taxonomy: Taxonomy): Parsed<ValidRecord> {
  if (!isObject(input)) return fail('', 'INVALID_TYPE', 'must be a GeoJSON Feature object');
  const issues: FieldIssue[] = [];
  if (input.type !== 'Feature') issues.push({ field: 'type', code: 'INVALID_CONST', message: 'must be "Feature"' });
  if (typeof input.id !== 'string' || !new RegExp(UuidPattern).test(input.id)) {
    issues.push({ field: 'id', code: 'INVALID_ID', message: 'must be a UUID generated by the client' });
  }
  for (const key of Object.keys(input)) {
    if (!['type', 'id', 'geometry', 'properties', 'bbox'].includes(key)) {
      issues.push({ field: key, code: 'UNKNOWN_FIELD', message: 'is not a known field' });
    }
  }
  if (!isObject(input.properties)) {
    issues.push({ field: 'properties', code: 'INVALID_TYPE', message: 'must be an object' });
    return { ok: false, issues };
  }
  const kind = input.properties.kind;
  if (typeof kind !== 'string' || !(RECORD_KINDS as readonly string[]).includes(kind)) {
    issues.push({
      field: 'properties.kind',
      code: 'INVALID_ENUM',
      message: `must be one of ${RECORD_KINDS.join(', ')}`,
    });
    return { ok: false, issues };
  }
  const recordKind = kind as RecordKind;
  const properties = withoutServerFields(input.properties);
  issues.push(...schemaIssues(RecordPropertiesSchemas[recordKind], properties, 'properties'));
  issues.push(...geometryIssues(input.geometry, kinds[recordKind].geometry));

  const category = typeof properties.category === 'string' ? properties.category : null;
  if (
    category !== null &&
    !issues.some((i) => i.field === 'properties.category') &&
    !findCategory(taxonomy, category)
  ) {
    issues.push({
      field: 'properties.category',
      code: 'UNKNOWN_CATEGORY',
      message: `"${category}" is not in the taxonomy`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };

  const geometry = normalizeGeometry(input.geometry as Geometry);
  const { kind: _kind, quarterId, sessionId, category: _category, ...fields } = properties;
  if (recordKind === 'need') {
    // Copy the default array so that records never share (and mutate) one instance.
    for (const [key, value] of Object.entries(NEED_DEFAULTS)) fields[key] ??= Array.isArray(value) ? [...value] : value;
  }
  if (recordKind === 'brownfield') {
    fields.areaM2 = geometry.type === 'Point' ? null : Math.round(areaM2(geometry) * 10) / 10;
  }
  return {
    ok: true,
    value: {
      id: (input.id as string).toLowerCase(),
      kind: recordKind,
      geometry,
      bbox: bboxOf(geometry),
      quarterId: quarterId as string,
      sessionId: (sessionId as string | null | undefined) ?? null,
      category,
      fields,
    },
  };
}

/**
 * Applies a patch to a stored record's client-side view (kind, geometry, properties) and validates
 * the result as a whole, so a patch can never leave a record that a create would have refused.
 */
export function applyRecordPatch(
  current: { id: string; geometry: Geometry; properties: Record<string, unknown> },
  patch: unknown,
  taxonomy: Taxonomy,
): Parsed<ValidRecord> {
  const shape = schemaIssues(RecordPatchSchema, patch);
  if (shape.length > 0) return { ok: false, issues: shape };
  const { geometry, properties = {} } = patch as { geometry?: unknown; properties?: Record<string, unknown> };
  if ('kind' in properties && properties.kind !== current.properties.kind) {
    return fail('properties.kind', 'IMMUTABLE', 'the kind of a record cannot change; delete it and create a new one');
  }
  // A stored view carries nulls for absent values (a vacancy's `category: null`); null means absent here
  // as in the patch, so they must not reach the schema as if the client had sent them.
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(withoutServerFields(current.properties))) {
    if (value !== null) merged[key] = value;
  }
  for (const [key, value] of Object.entries(withoutServerFields(properties))) {
    if (value === null && key !== 'sessionId') delete merged[key];
    else merged[key] = value;
  }
  return parseRecord(
    { type: 'Feature', id: current.id, geometry: geometry ?? current.geometry, properties: merged },
    taxonomy,
  );
}

function fail(field: string, code: string, message: string): Parsed<never> {
  return { ok: false, issues: [{ field, code, message }] };
}
