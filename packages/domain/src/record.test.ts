import { describe, expect, it } from 'vitest';
import {
  EVING,
  feature,
  loadTaxonomy,
  RECORD_ID,
  SESSION_ID,
  square,
  validBrownfield,
  validNeed,
  validService,
  validVacancy,
} from '../test/fixtures/records.ts';
import type { FieldIssue, Parsed } from './issues.ts';
import { parseRecord, type ValidRecord } from './record.ts';

const taxonomy = loadTaxonomy();
const ID = RECORD_ID.toLowerCase();

function parse(input: unknown): Parsed<ValidRecord> {
  return parseRecord(input, taxonomy);
}

function valid(input: unknown): ValidRecord {
  const result = parse(input);
  if (!result.ok) throw new Error(`expected a valid record, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

function issues(input: unknown): FieldIssue[] {
  const result = parse(input);
  if (result.ok) throw new Error('expected the record to be refused');
  return result.issues;
}

function withProperties(base: ReturnType<typeof feature>, changes: Record<string, unknown>) {
  return { ...base, properties: { ...base.properties, ...changes } };
}

describe('parseRecord: valid records of each kind', () => {
  it('accepts a service and keeps its fields', () => {
    expect(valid(validService())).toEqual({
      id: ID,
      kind: 'service',
      geometry: { type: 'Point', coordinates: EVING },
      bbox: [EVING[0], EVING[1], EVING[0], EVING[1]],
      quarterId: 'eving',
      sessionId: SESSION_ID,
      category: 'kita',
      fields: {
        name: 'Kita Regenbogen',
        operatorType: 'nonprofit',
        capacity: 65,
        openingHours: 'Mo-Fr 07:00-16:30',
        languages: ['de', 'tr', 'ar'],
        stepFree: true,
      },
    });
  });

  it('accepts a vacancy as a point with category null', () => {
    const record = valid(validVacancy());
    expect(record).toMatchObject({ kind: 'vacancy', category: null, sessionId: null, quarterId: 'eving' });
    expect(record.fields).toEqual({
      formerUse: 'Bäckerei',
      address: 'Evinger Straße 12',
      floorAreaM2: 85.5,
      vacantSince: '2023-04',
      condition: 'fair',
      ownerKnown: false,
      shopFront: true,
    });
  });

  it('accepts a vacancy outlined as a polygon and computes its bbox', () => {
    const record = valid({ ...validVacancy(), geometry: square(EVING, 20) });
    expect(record.geometry.type).toBe('Polygon');
    expect(record.bbox[0]).toBe(EVING[0]);
    expect(record.bbox[1]).toBe(EVING[1]);
    expect(record.bbox[2]).toBeGreaterThan(EVING[0]);
    expect(record.bbox[3]).toBeGreaterThan(EVING[1]);
    expect(record.fields).not.toHaveProperty('areaM2');
  });

  it('accepts a brownfield polygon and computes its area in m² (one decimal)', () => {
    const record = valid(validBrownfield());
    expect(record).toMatchObject({ kind: 'brownfield', category: null });
    const area = record.fields.areaM2 as number;
    expect(Math.abs(area - 10_000) / 10_000).toBeLessThan(0.01);
    expect(Math.round(area * 10) / 10).toBe(area);
  });

  it('accepts a brownfield drafted as a point, with areaM2 null', () => {
    const record = valid({ ...validBrownfield(), geometry: { type: 'Point', coordinates: EVING } });
    expect(record.fields.areaM2).toBeNull();
  });

  it('overrides an areaM2 sent by the client with the computed one', () => {
    const record = valid(withProperties(validBrownfield(), { areaM2: 1 }));
    expect(record.fields.areaM2).toBeGreaterThan(9_900);
  });

  it('accepts a need and fills the defaults: urgency medium, 0 supporters, no target groups', () => {
    const record = valid(validNeed());
    expect(record).toMatchObject({ kind: 'need', category: 'youth_centre' });
    expect(record.fields).toEqual({
      text: 'Gençler için buluşma yeri yok',
      lang: 'tr',
      urgency: 'medium',
      supporters: 0,
      targetGroups: [],
    });
  });

  it('keeps the values a need came with instead of the defaults', () => {
    const record = valid(withProperties(validNeed(), { urgency: 'high', supporters: 12, targetGroups: ['youth'] }));
    expect(record.fields).toMatchObject({ urgency: 'high', supporters: 12, targetGroups: ['youth'] });
  });

  it('gives every need its own default target-group list', () => {
    const first = valid(validNeed());
    (first.fields.targetGroups as string[]).push('seniors');
    expect(valid(validNeed()).fields.targetGroups).toEqual([]);
  });

  it('stores the id lower-cased', () => {
    expect(valid(validService()).id).toBe('0190f3a2-7b1c-7d4e-9f00-1a2b3c4d5e6f');
  });

  it('silently ignores server fields a client sends back (version, createdAt, status, …)', () => {
    const input = withProperties(validService(), {
      version: 17,
      createdAt: '2024-05-01T10:00:00Z',
      updatedAt: '2024-05-02T10:00:00Z',
      createdBy: 'someone',
      status: 'published',
      demo: true,
      deleted: false,
    });
    const record = valid(input);
    for (const key of ['version', 'createdAt', 'updatedAt', 'createdBy', 'status', 'demo', 'deleted']) {
      expect(record.fields).not.toHaveProperty(key);
      expect(record).not.toHaveProperty(key);
    }
  });

  it('drops a GeoJSON bbox sent by the client and extra geometry members it may carry', () => {
    const input = { ...validService(), bbox: [0, 0, 1, 1], geometry: { type: 'Point', coordinates: EVING, bbox: [] } };
    const record = valid(input);
    expect(record.bbox).toEqual([EVING[0], EVING[1], EVING[0], EVING[1]]);
    expect(record.geometry).toEqual({ type: 'Point', coordinates: EVING });
  });

  it('accepts a null sessionId (desk work outside a session)', () => {
    expect(valid(withProperties(validService(), { sessionId: null })).sessionId).toBeNull();
  });
});

describe('parseRecord: missing and unknown fields', () => {
  it('requires a name for a service', () => {
    const { name: _name, ...properties } = validService().properties;
    expect(issues(feature(properties))).toEqual([
      { field: 'properties.name', code: 'REQUIRED', message: 'is required' },
    ]);
  });

  it('requires a category for a need', () => {
    const { category: _category, ...properties } = validNeed().properties;
    expect(issues(feature(properties))).toEqual([
      { field: 'properties.category', code: 'REQUIRED', message: 'is required' },
    ]);
  });

  it('requires a quarterId for every kind', () => {
    for (const make of [validService, validVacancy, validBrownfield, validNeed]) {
      const base = make();
      const { quarterId: _quarterId, ...properties } = base.properties;
      expect(issues({ ...base, properties })).toEqual([
        { field: 'properties.quarterId', code: 'REQUIRED', message: 'is required' },
      ]);
    }
  });

  it('names an unknown property', () => {
    expect(issues(withProperties(validService(), { wheelchair: true }))).toEqual([
      { field: 'properties.wheelchair', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
    ]);
  });

  it('refuses a category on a vacancy as an unknown field', () => {
    expect(issues(withProperties(validVacancy(), { category: 'groceries' }))).toEqual([
      { field: 'properties.category', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
    ]);
  });

  it('refuses a service field on a brownfield', () => {
    expect(issues(withProperties(validBrownfield(), { capacity: 10 }))).toEqual([
      expect.objectContaining({ field: 'properties.capacity', code: 'UNKNOWN_FIELD' }),
    ]);
  });

  it('names unknown top-level members of the feature', () => {
    expect(issues({ ...validService(), crs: {} })).toEqual([
      { field: 'crs', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
    ]);
  });
});

describe('parseRecord: wrong types and values', () => {
  it.each([
    ['capacity', '12', 'INVALID_TYPE', 'must be integer'],
    ['capacity', 12.5, 'INVALID_TYPE', 'must be integer'],
    ['capacity', -1, 'INVALID_MINIMUM', 'must be >= 0'],
    ['stepFree', 'yes', 'INVALID_TYPE', 'must be boolean'],
    ['name', '', 'INVALID_MINLENGTH', 'must not have fewer than 1 characters'],
    ['operatorType', 'state', 'INVALID_ENUM', 'must be one of public, private, nonprofit, civic'],
    ['languages', ['tr', 'tr'], 'INVALID_UNIQUEITEMS', 'must not have duplicate items'],
  ])('service %s = %j → %s', (name, value, code, message) => {
    expect(issues(withProperties(validService(), { [name]: value }))).toEqual([
      { field: `properties.${name}`, code, message },
    ]);
  });

  it('names the item of a list that is wrong', () => {
    expect(issues(withProperties(validService(), { languages: ['de', 'Türkisch'] }))).toEqual([
      expect.objectContaining({ field: 'properties.languages[1]', code: 'INVALID_PATTERN' }),
    ]);
    expect(issues(withProperties(validNeed(), { targetGroups: ['youth', 'kids'] }))).toEqual([
      {
        field: 'properties.targetGroups[1]',
        code: 'INVALID_ENUM',
        message: 'must be one of children, youth, families, seniors, disabled, newcomers',
      },
    ]);
  });

  it.each([
    ['urgency', 'urgent', 'INVALID_ENUM'],
    ['supporters', -3, 'INVALID_MINIMUM'],
    ['lang', 'Turkish', 'INVALID_PATTERN'],
  ])('need %s = %j → %s', (name, value, code) => {
    expect(issues(withProperties(validNeed(), { [name]: value }))).toEqual([
      expect.objectContaining({ field: `properties.${name}`, code }),
    ]);
  });

  it('refuses a need text over 2,000 characters', () => {
    expect(issues(withProperties(validNeed(), { text: 'x'.repeat(2001) }))).toEqual([
      { field: 'properties.text', code: 'INVALID_MAXLENGTH', message: 'must not have more than 2000 characters' },
    ]);
  });

  it.each([
    ['vacantSince', '2024-13', 'INVALID_PATTERN'],
    ['vacantSince', 'March 2024', 'INVALID_PATTERN'],
    ['condition', 'ruin', 'INVALID_ENUM'],
    ['floorAreaM2', '85', 'INVALID_TYPE'],
  ])('vacancy %s = %j → %s', (name, value, code) => {
    expect(issues(withProperties(validVacancy(), { [name]: value }))).toEqual([
      expect.objectContaining({ field: `properties.${name}`, code }),
    ]);
  });

  it('accepts a vacancy known only by year, or by the day', () => {
    expect(parse(withProperties(validVacancy(), { vacantSince: '2019' })).ok).toBe(true);
    expect(parse(withProperties(validVacancy(), { vacantSince: '2019-11-30' })).ok).toBe(true);
  });

  it('refuses a category that is not in the taxonomy', () => {
    expect(issues(withProperties(validService(), { category: 'casino' }))).toEqual([
      { field: 'properties.category', code: 'UNKNOWN_CATEGORY', message: '"casino" is not in the taxonomy' },
    ]);
  });

  it('accepts every category of the shipped taxonomy for services and needs', () => {
    for (const { id } of taxonomy.categories) {
      expect(parse(withProperties(validService(), { category: id })).ok, id).toBe(true);
      expect(parse(withProperties(validNeed(), { category: id })).ok, id).toBe(true);
    }
  });

  it('reports a malformed category once, as a pattern problem, not also as unknown', () => {
    expect(issues(withProperties(validService(), { category: 'Kita!' }))).toEqual([
      expect.objectContaining({ field: 'properties.category', code: 'INVALID_PATTERN' }),
    ]);
  });

  it('refuses an unknown kind and lists the kinds', () => {
    expect(issues(withProperties(validService(), { kind: 'shop' }))).toEqual([
      { field: 'properties.kind', code: 'INVALID_ENUM', message: 'must be one of service, vacancy, brownfield, need' },
    ]);
  });

  it.each([
    ['not a UUID', 'kita-1'],
    ['a number', 42],
    ['missing', undefined],
  ])('refuses an id that is %s', (_label, id) => {
    expect(issues({ ...validService(), id })).toEqual([
      { field: 'id', code: 'INVALID_ID', message: 'must be a UUID generated by the client' },
    ]);
  });

  it('refuses a sessionId that is not a UUID with one issue that mentions null is allowed', () => {
    const [issue, ...rest] = issues(withProperties(validService(), { sessionId: 'walk-1' }));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ field: 'properties.sessionId', code: 'INVALID_PATTERN' });
    expect(issue?.message).toMatch(/^must match pattern ".+", or null$/);
    expect(issues(withProperties(validService(), { sessionId: 7 }))).toEqual([
      { field: 'properties.sessionId', code: 'INVALID_TYPE', message: 'must be string, or null' },
    ]);
  });

  it('refuses a wrong geometry type for the kind: a polygon for a need', () => {
    expect(issues({ ...validNeed(), geometry: square(EVING, 50) })).toEqual([
      { field: 'geometry.type', code: 'GEOMETRY_TYPE_NOT_ALLOWED', message: 'must be one of Point' },
    ]);
  });

  it('refuses a missing geometry', () => {
    const { geometry: _geometry, ...input } = validService();
    expect(issues(input)).toEqual([
      { field: 'geometry', code: 'INVALID_GEOMETRY', message: 'must be a GeoJSON geometry object' },
    ]);
  });
});

describe('parseRecord: hostile and malformed input', () => {
  it.each([
    ['null', null],
    ['an array', [validService()]],
    ['a string', JSON.stringify(validService())],
    ['a number', 1],
    ['undefined', undefined],
  ])('refuses %s without throwing', (_label, input) => {
    expect(issues(input)).toEqual([{ field: '', code: 'INVALID_TYPE', message: 'must be a GeoJSON Feature object' }]);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['an array', []],
  ])('refuses properties that are %s', (_label, properties) => {
    expect(issues({ ...validService(), properties })).toEqual([
      { field: 'properties', code: 'INVALID_TYPE', message: 'must be an object' },
    ]);
  });

  it('refuses a Feature of the wrong type', () => {
    expect(issues({ ...validService(), type: 'FeatureCollection' })).toEqual([
      { field: 'type', code: 'INVALID_CONST', message: 'must be "Feature"' },
    ]);
  });

  it('reports several problems together so the user can fix them in one go', () => {
    const input = {
      type: 'Feature',
      id: 'nope',
      geometry: { type: 'Point', coordinates: [7.47, 123] },
      properties: {
        kind: 'service',
        quarterId: 'eving',
        category: 'casino',
        capacity: '12',
        stepFree: 'yes',
        colour: 'blue',
      },
    };
    const fields = issues(input).map((i) => `${i.field} ${i.code}`);
    expect(fields.sort()).toEqual(
      [
        'id INVALID_ID',
        'geometry.coordinates LATITUDE_OUT_OF_RANGE',
        'properties.name REQUIRED',
        'properties.capacity INVALID_TYPE',
        'properties.stepFree INVALID_TYPE',
        'properties.colour UNKNOWN_FIELD',
        'properties.category UNKNOWN_CATEGORY',
      ].sort(),
    );
  });

  it('never reports a field twice', () => {
    const list = issues(withProperties(validService(), { name: 5, capacity: 'a lot', extra: 1, more: 2 }));
    const fields = list.map((i) => i.field);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('gives every issue a field, a SCREAMING_SNAKE code and a readable message', () => {
    const list = issues({
      type: 'Feature',
      id: 'x',
      geometry: { type: 'Polygon', coordinates: [[EVING]] },
      properties: { kind: 'need', quarterId: 'Eving Nord', urgency: 'now', supporters: 1.5, spam: true },
    });
    expect(list.length).toBeGreaterThanOrEqual(5);
    for (const issue of list) {
      expect(issue.field).not.toBe('');
      expect(issue.code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(issue.message.length).toBeGreaterThan(5);
      expect(issue.message).not.toMatch(/undefined|\[object Object\]/);
    }
  });
});
