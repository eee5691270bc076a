import { describe, expect, it } from 'vitest';
import { schemaIssues } from './issues.ts';
import { SurveySessionInputSchema, SurveySessionPatchSchema } from './survey-session.ts';

const walkabout = {
  id: '0190f3a2-0000-7000-8000-000000000001',
  kind: 'walkabout',
  title: 'Begehung Evinger Mitte',
  quarterId: 'eving',
  startedAt: '2024-05-14T08:30:00Z',
};

describe('SurveySessionInputSchema', () => {
  it('accepts each participation format, open or ended', () => {
    for (const kind of ['walkabout', 'quartierszirkel', 'resident_link', 'desk']) {
      expect(schemaIssues(SurveySessionInputSchema, { ...walkabout, kind }), kind).toEqual([]);
    }
    expect(schemaIssues(SurveySessionInputSchema, { ...walkabout, endedAt: '2024-05-14T11:00:00Z' })).toEqual([]);
    expect(schemaIssues(SurveySessionInputSchema, { ...walkabout, endedAt: null })).toEqual([]);
  });

  it('refuses an unknown format, an empty title and a start that is not a timestamp', () => {
    const issues = schemaIssues(SurveySessionInputSchema, {
      ...walkabout,
      kind: 'workshop',
      title: '',
      startedAt: '14.05.2024',
    });
    expect(issues).toEqual([
      {
        field: 'kind',
        code: 'INVALID_ENUM',
        message: 'must be one of walkabout, quartierszirkel, resident_link, desk',
      },
      { field: 'title', code: 'INVALID_MINLENGTH', message: 'must not have fewer than 1 characters' },
      { field: 'startedAt', code: 'INVALID_FORMAT', message: 'must match format "date-time"' },
    ]);
  });

  it('refuses server fields sent on create', () => {
    expect(schemaIssues(SurveySessionInputSchema, { ...walkabout, version: 3 })).toEqual([
      { field: 'version', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
    ]);
  });
});

describe('SurveySessionPatchSchema', () => {
  it('lets a planner end a session, reopen it and clear the note', () => {
    expect(schemaIssues(SurveySessionPatchSchema, { endedAt: '2024-05-14T11:00:00Z' })).toEqual([]);
    expect(schemaIssues(SurveySessionPatchSchema, { endedAt: null, note: null })).toEqual([]);
  });

  it('refuses changing the kind or the quarter of a session', () => {
    expect(schemaIssues(SurveySessionPatchSchema, { kind: 'desk', quarterId: 'marten' })).toEqual([
      { field: 'kind', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
      { field: 'quarterId', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
    ]);
  });

  it('refuses a title set to null: it is required', () => {
    expect(schemaIssues(SurveySessionPatchSchema, { title: null })).toEqual([
      { field: 'title', code: 'INVALID_TYPE', message: 'must be string' },
    ]);
  });
});
