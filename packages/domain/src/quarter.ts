import Type, { type Static } from 'typebox';
import type { GeometryRules, MultiPolygon, Polygon } from './geometry.ts';
import { FreeText, Slug } from './schema-helpers.ts';

/** A neighbourhood lab's area (Eving, Marten, …). Its outline frames the map and the analyses. */
export const QuarterInputSchema = Type.Object(
  {
    id: Slug,
    name: Type.String({ minLength: 1, maxLength: 120 }),
    city: Type.String({ minLength: 1, maxLength: 120 }),
    approximate: Type.Boolean({ description: 'the outline is a sketch, not an official boundary' }),
    sourceNote: FreeText(500),
  },
  { additionalProperties: false },
);
export type QuarterInput = Static<typeof QuarterInputSchema>;

export interface Quarter extends QuarterInput {
  geometry: Polygon | MultiPolygon;
  demo: boolean;
}

// Dortmund's largest Stadtbezirk is about 37 km²; 200 km² leaves room for whole towns.
export const quarterGeometry: GeometryRules = {
  allowed: ['Polygon', 'MultiPolygon'],
  minAreaM2: 10_000,
  maxAreaM2: 200_000_000,
  maxPositions: 20_000,
};
