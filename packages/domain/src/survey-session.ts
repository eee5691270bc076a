import Type, { type Static } from 'typebox';
import { FreeText, IsoDateTime, Slug, StringEnum, Uuid } from './schema-helpers.ts';

/** The participation format a record came from; planners count and filter by it. */
export const SESSION_KINDS = ['walkabout', 'quartierszirkel', 'resident_link', 'desk'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SurveySessionInputSchema = Type.Object(
  {
    id: Uuid,
    kind: StringEnum(SESSION_KINDS),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    quarterId: Slug,
    startedAt: IsoDateTime,
    endedAt: Type.Optional(Type.Union([IsoDateTime, Type.Null()])),
    note: Type.Optional(FreeText(4000)),
  },
  { additionalProperties: false },
);
export type SurveySessionInput = Static<typeof SurveySessionInputSchema>;

export const SurveySessionPatchSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    endedAt: Type.Optional(Type.Union([IsoDateTime, Type.Null()])),
    note: Type.Optional(Type.Union([FreeText(4000), Type.Null()])),
  },
  { additionalProperties: false },
);
export type SurveySessionPatch = Static<typeof SurveySessionPatchSchema>;

export interface SurveySession extends SurveySessionInput {
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  demo: boolean;
}
