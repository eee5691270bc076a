import Type, { type Static } from 'typebox';
import type { GeometryRules } from './geometry.ts';
import { FreeText, PartialDate, StringEnum } from './schema-helpers.ts';

/** Leerstand: an empty shop or building that could host a new service. */
export const VACANCY_SCHEMA_VERSION = 1;

export const VACANCY_CONDITIONS = ['good', 'fair', 'poor', 'unknown'] as const;

export const VacancyFieldsSchema = Type.Object({
  formerUse: Type.Optional(FreeText(200)),
  address: Type.Optional(FreeText(200)),
  floorAreaM2: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
  vacantSince: Type.Optional(PartialDate),
  condition: Type.Optional(StringEnum(VACANCY_CONDITIONS)),
  ownerKnown: Type.Optional(Type.Boolean()),
  shopFront: Type.Optional(Type.Boolean({ description: 'ground-floor shop front' })),
});
export type VacancyFields = Static<typeof VacancyFieldsSchema>;

export const vacancyGeometry: GeometryRules = {
  allowed: ['Point', 'Polygon'],
  minAreaM2: 1,
  maxAreaM2: 1_000_000,
  maxPositions: 2_000,
};
