import Type, { type Static } from 'typebox';
import type { GeometryRules } from './geometry.ts';
import { FreeText, StringEnum } from './schema-helpers.ts';

/** Brachfläche: unused land. A polygon; a point is accepted while the outline is still a draft. */
export const BROWNFIELD_SCHEMA_VERSION = 1;

export const OWNERSHIP = ['public', 'private', 'mixed', 'unknown'] as const;

export const BrownfieldFieldsSchema = Type.Object({
  name: Type.Optional(FreeText(200)),
  formerUse: Type.Optional(FreeText(200)),
  contaminationSuspected: Type.Optional(Type.Boolean()),
  interimUse: Type.Optional(FreeText(200)),
  ownership: Type.Optional(StringEnum(OWNERSHIP)),
});
export type BrownfieldFields = Static<typeof BrownfieldFieldsSchema> & {
  /** Computed by the server from the polygon; null while the site is only a point. */
  areaM2?: number | null;
};

// 5 km² is larger than any former colliery site in the north of Dortmund.
export const brownfieldGeometry: GeometryRules = {
  allowed: ['Polygon', 'Point'],
  minAreaM2: 10,
  maxAreaM2: 5_000_000,
  maxPositions: 2_000,
};
