import Type, { type Static } from 'typebox';
import type { GeometryRules } from './geometry.ts';
import { FreeText, LanguageTag, Slug, StringEnum } from './schema-helpers.ts';

/** Bedarf: something a resident or a Quartierszirkel misses, in the words and language they chose. */
export const NEED_SCHEMA_VERSION = 1;

export const TARGET_GROUPS = ['children', 'youth', 'families', 'seniors', 'disabled', 'newcomers'] as const;
export const URGENCIES = ['low', 'medium', 'high'] as const;

export const NeedFieldsSchema = Type.Object({
  category: Slug,
  targetGroups: Type.Optional(
    Type.Array(StringEnum(TARGET_GROUPS), { maxItems: TARGET_GROUPS.length, uniqueItems: true }),
  ),
  urgency: Type.Optional(StringEnum(URGENCIES)),
  text: Type.Optional(FreeText(2000)),
  lang: Type.Optional(LanguageTag),
  supporters: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 100_000, description: '+1 votes at a Quartierszirkel' }),
  ),
});
export type NeedFields = Static<typeof NeedFieldsSchema>;

export const NEED_DEFAULTS = { urgency: 'medium', supporters: 0, targetGroups: [] } as const;

export const needGeometry: GeometryRules = { allowed: ['Point'], minAreaM2: 0, maxAreaM2: 0, maxPositions: 1 };
