import { describe, expect, it } from 'vitest';
import {
  EVING,
  loadTaxonomy,
  RECORD_ID,
  SESSION_ID,
  square,
  validBrownfield,
  validNeed,
  validService,
  validVacancy,
} from '../test/fixtures/records.ts';
import { bboxOf, type Geometry } from './geometry.ts';
import type { FieldIssue, Parsed } from './issues.ts';
import { applyRecordPatch, parseRecord, type ValidRecord } from './record.ts';

const taxonomy = loadTaxonomy();

/** The stored record as the API hands it to applyRecordPatch: the parsed record plus server fields. */
function stored(input: unknown): { id: string; geometry: Geometry; properties: Record<string, unknown> } {
  const parsed = parseRecord(input, taxonomy);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { id, kind, geometry, quarterId, sessionId, category, fields } = parsed.value;
  return {
    id,
    geometry,
    properties: {
      kind,
      quarterId,
      sessionId,
      category,
      ...fields,
      version: 41,
      createdAt: '2024-05-01T10:00:00.000Z',
      updatedAt: '2024-05-02T10:00:00.000Z',
      createdBy: 'field-team-1',
      status: 'published',
      demo: false,
      deleted: false,
    },
  };
}

function patched(current: ReturnType<typeof stored>, patch: unknown): ValidRecord {
  const result = applyRecordPatch(current, patch, taxonomy);
  if (!result.ok) throw new Error(`expected the patch to apply, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

function refused(current: ReturnType<typeof stored>, patch: unknown): FieldIssue[] {
  const result: Parsed<ValidRecord> = applyRecordPatch(current, patch, taxonomy);
  if (result.ok) throw new Error('expected the patch to be refused');
  return result.issues;
}

describe('applyRecordPatch: merging', () => {
  it('changes the sent fields and keeps the others', () => {
    const record = patched(stored(validService()), { properties: { capacity: 80, stepFree: false }, baseVersion: 41 });
    expect(record.fields).toEqual({
      name: 'Kita Regenbogen',
      operatorType: 'nonprofit',
      capacity: 80,
      openingHours: 'Mo-Fr 07:00-16:30',
      languages: ['de', 'tr', 'ar'],
      stepFree: false,
    });
    expect(record).toMatchObject({ id: RECORD_ID.toLowerCase(), quarterId: 'eving', sessionId: SESSION_ID });
  });

  it('changes the category to another one in the taxonomy', () => {
    expect(patched(stored(validService()), { properties: { category: 'family_centre' } }).category).toBe(
      'family_centre',
    );
  });

  it('applies an empty patch as a no-op', () => {
    const original = parseRecord(validNeed(), taxonomy);
    expect(original.ok).toBe(true);
    if (!original.ok) return;
    expect(patched(stored(validNeed()), {})).toEqual(original.value);
    expect(patched(stored(validNeed()), { properties: {} })).toEqual(original.value);
  });

  it('removes an optional field set to null', () => {
    const record = patched(stored(validService()), { properties: { capacity: null, openingHours: null } });
    expect(record.fields).not.toHaveProperty('capacity');
    expect(record.fields).not.toHaveProperty('openingHours');
    expect(record.fields.name).toBe('Kita Regenbogen');
  });

  it('detaches a record from its session with sessionId null', () => {
    expect(patched(stored(validService()), { properties: { sessionId: null } }).sessionId).toBeNull();
  });

  it('resets a removed need field to its default', () => {
    const current = stored({ ...validNeed(), properties: { ...validNeed().properties, urgency: 'high' } });
    expect(patched(current, { properties: { urgency: null } }).fields.urgency).toBe('medium');
  });

  it('ignores server fields sent in the patch', () => {
    const record = patched(stored(validService()), {
      properties: { version: 1, status: 'rejected', name: 'Kita Süd' },
    });
    expect(record.fields).toEqual(expect.objectContaining({ name: 'Kita Süd' }));
    expect(record.fields).not.toHaveProperty('version');
    expect(record.fields).not.toHaveProperty('status');
  });

  it('patches a stored vacancy although its stored category is null', () => {
    const record = patched(stored(validVacancy()), { properties: { condition: 'poor' } });
    expect(record).toMatchObject({ kind: 'vacancy', category: null });
    expect(record.fields.condition).toBe('poor');
  });

  it('patches a stored brownfield without tripping over its computed areaM2', () => {
    const record = patched(stored(validBrownfield()), { properties: { interimUse: 'urban garden' } });
    expect(record.fields.interimUse).toBe('urban garden');
    expect(Math.abs((record.fields.areaM2 as number) - 10_000)).toBeLessThan(100);
  });
});

describe('applyRecordPatch: geometry', () => {
  it('replaces the geometry and recomputes bbox and area', () => {
    const record = patched(stored(validBrownfield()), { geometry: square(EVING, 200) });
    expect(Math.abs((record.fields.areaM2 as number) - 40_000) / 40_000).toBeLessThan(0.01);
    expect(record.geometry).toEqual(square(EVING, 200));
    expect(record.bbox).toEqual(bboxOf(square(EVING, 200)));
  });

  it('turns a drafted brownfield point into a polygon', () => {
    const draft = stored({ ...validBrownfield(), geometry: { type: 'Point', coordinates: EVING } });
    expect(draft.properties.areaM2).toBeNull();
    expect(patched(draft, { geometry: square(EVING, 50) }).fields.areaM2).toBeGreaterThan(2_400);
  });

  it('re-validates the new geometry', () => {
    const issues = refused(stored(validService()), { geometry: { type: 'Point', coordinates: [7.47, 99] } });
    expect(issues).toEqual([expect.objectContaining({ field: 'geometry.coordinates', code: 'LATITUDE_OUT_OF_RANGE' })]);
  });

  it('refuses a polygon for a need', () => {
    expect(refused(stored(validNeed()), { geometry: square(EVING, 50) })).toEqual([
      expect.objectContaining({ field: 'geometry.type', code: 'GEOMETRY_TYPE_NOT_ALLOWED' }),
    ]);
  });
});

describe('applyRecordPatch: refusals', () => {
  it('refuses to change the kind', () => {
    expect(refused(stored(validService()), { properties: { kind: 'need' } })).toEqual([
      {
        field: 'properties.kind',
        code: 'IMMUTABLE',
        message: 'the kind of a record cannot change; delete it and create a new one',
      },
    ]);
  });

  it('accepts the unchanged kind sent along', () => {
    expect(patched(stored(validService()), { properties: { kind: 'service', capacity: 1 } }).kind).toBe('service');
  });

  it('refuses an unknown top-level member', () => {
    expect(refused(stored(validService()), { name: 'Kita Süd' })).toEqual([
      { field: 'name', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
    ]);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'capacity=80'],
  ])('refuses a patch that is %s without throwing', (_label, patch) => {
    expect(refused(stored(validService()), patch)).toEqual([
      expect.objectContaining({ field: '', code: 'INVALID_TYPE' }),
    ]);
  });

  it('refuses a negative baseVersion', () => {
    expect(refused(stored(validService()), { baseVersion: -1 })).toEqual([
      expect.objectContaining({ field: 'baseVersion', code: 'INVALID_MINIMUM' }),
    ]);
  });

  it('refuses setting a required field to null', () => {
    expect(refused(stored(validService()), { properties: { name: null } })).toEqual([
      { field: 'properties.name', code: 'REQUIRED', message: 'is required' },
    ]);
    expect(refused(stored(validNeed()), { properties: { quarterId: null } })).toEqual([
      { field: 'properties.quarterId', code: 'REQUIRED', message: 'is required' },
    ]);
  });

  it('refuses a patch that would leave an invalid record', () => {
    expect(refused(stored(validService()), { properties: { capacity: '80', category: 'casino' } })).toEqual([
      expect.objectContaining({ field: 'properties.capacity', code: 'INVALID_TYPE' }),
      expect.objectContaining({ field: 'properties.category', code: 'UNKNOWN_CATEGORY' }),
    ]);
  });

  it('refuses adding a category to a vacancy', () => {
    expect(refused(stored(validVacancy()), { properties: { category: 'groceries' } })).toEqual([
      expect.objectContaining({ field: 'properties.category', code: 'UNKNOWN_FIELD' }),
    ]);
  });
});
