import Type, { type Static } from 'typebox';
import type { GeometryRules } from './geometry.ts';
import { FreeText, LanguageTag, Slug, StringEnum } from './schema-helpers.ts';

/** Angebot: an everyday service that exists in the quarter. */
export const SERVICE_SCHEMA_VERSION = 1;

export const OPERATOR_TYPES = ['public', 'private', 'nonprofit', 'civic'] as const;

export const ServiceFieldsSchema = Type.Object({
  category: Slug,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  operatorType: Type.Optional(StringEnum(OPERATOR_TYPES)),
  capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'e.g. Kita places' })),
  openingHours: Type.Optional(FreeText(500)),
  languages: Type.Optional(Type.Array(LanguageTag, { maxItems: 30, uniqueItems: true })),
  stepFree: Type.Optional(Type.Boolean({ description: 'step-free access' })),
});
export type ServiceFields = Static<typeof ServiceFieldsSchema>;

export const serviceGeometry: GeometryRules = { allowed: ['Point'], minAreaM2: 0, maxAreaM2: 0, maxPositions: 1 };
