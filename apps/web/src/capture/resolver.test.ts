import { readFileSync } from 'node:fs';
import type { Geometry, Taxonomy } from '@quartiersatlas/domain';
import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { buildFeature, parseNumberInput, recordChanges } from './build-feature.ts';
import { formFieldOf, issuesToErrors } from './field-issues.ts';
import { emptyValues, type RecordFormValues, valuesFromRecord } from './form-values.ts';
import { issueMessage } from './issue-message.ts';
import { type RecordResolverContext, recordResolver } from './resolver.ts';

const taxonomy = JSON.parse(
  readFileSync(new URL('../../../../data/taxonomy.json', import.meta.url), 'utf8'),
) as Taxonomy;

const ID = '0190f3a2-7b1c-7d4e-9f00-1a2b3c4d5e6f';
const SESSION = '0190f3a2-0000-7000-8000-000000000001';
const EVING: [number, number] = [7.4735, 51.5466];
const point: Geometry = { type: 'Point', coordinates: EVING };
const square = (sizeDeg: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      EVING,
      [EVING[0] + sizeDeg, EVING[1]],
      [EVING[0] + sizeDeg, EVING[1] + sizeDeg],
      [EVING[0], EVING[1] + sizeDeg],
      EVING,
    ],
  ],
});

function values(patch: Partial<RecordFormValues>): RecordFormValues {
  return { ...emptyValues('eving', SESSION, 'de'), geometry: point, ...patch };
}

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<RecordFormValues>;

async function resolve(kind: RecordResolverContext['kind'], form: RecordFormValues, keep?: Record<string, unknown>) {
  return recordResolver(form, { kind, id: ID, taxonomy, keep }, options);
}

describe('buildFeature', () => {
  it('builds a service from typed text: numbers parsed, yes/no to booleans, empty fields left out', () => {
    const feature = buildFeature(
      'service',
      ID,
      values({
        category: 'kita',
        name: '  Kita Regenbogen ',
        operatorType: 'nonprofit',
        capacity: '65',
        languages: ['de', 'tr'],
        stepFree: 'no',
        formerUse: 'ignored for a service',
      }),
    );
    expect(feature).toEqual({
      type: 'Feature',
      id: ID,
      geometry: point,
      properties: {
        kind: 'service',
        quarterId: 'eving',
        sessionId: SESSION,
        category: 'kita',
        name: 'Kita Regenbogen',
        operatorType: 'nonprofit',
        capacity: 65,
        languages: ['de', 'tr'],
        stepFree: false,
      },
    });
  });

  it('builds a need with only a category and a location (the voice-note case)', () => {
    const feature = buildFeature('need', ID, values({ category: 'youth_centre', sessionId: '' }), { supporters: 4 });
    expect(feature.properties).toEqual({
      kind: 'need',
      quarterId: 'eving',
      category: 'youth_centre',
      targetGroups: [],
      urgency: 'medium',
      lang: 'de',
      supporters: 4,
    });
  });

  it('reads decimal commas and Arabic-Indic digits in numbers', () => {
    expect(parseNumberInput('85,5')).toBe(85.5);
    expect(parseNumberInput('٨٥٫٥')).toBe(85.5);
    expect(parseNumberInput('۱۲')).toBe(12);
    expect(parseNumberInput('  ')).toBeUndefined();
    expect(parseNumberInput('zwölf')).toBe('zwölf');
  });

  it('round-trips a stored record through the form unchanged', () => {
    const stored = {
      geometry: square(0.001),
      properties: {
        kind: 'vacancy',
        quarterId: 'eving',
        formerUse: 'Bäckerei',
        floorAreaM2: 85.5,
        vacantSince: '2023',
        condition: 'fair',
        ownerKnown: false,
        shopFront: true,
      },
    };
    const form = valuesFromRecord(stored, 'de');
    expect(form.vacantSincePrecision).toBe('year');
    expect(buildFeature('vacancy', ID, form).properties).toEqual(stored.properties);
    expect(recordChanges('vacancy', stored, buildFeature('vacancy', ID, form))).toEqual({});
  });
});

describe('recordChanges', () => {
  const stored = {
    geometry: point,
    properties: {
      kind: 'service',
      quarterId: 'eving',
      sessionId: SESSION,
      category: 'kita',
      name: 'Kita',
      capacity: 40,
    },
  };

  it('sends changed fields, null for cleared ones, and the geometry only when it moved', () => {
    const form = valuesFromRecord(stored, 'de');
    const moved: Geometry = { type: 'Point', coordinates: [7.48, 51.55] };
    const edited = buildFeature('service', ID, { ...form, capacity: '', name: 'Kita Nord', geometry: moved });
    expect(recordChanges('service', stored, edited)).toEqual({
      geometry: moved,
      properties: { name: 'Kita Nord', capacity: null },
    });
  });

  it('leaves properties the form does not manage alone', () => {
    const withExtra = { ...stored, properties: { ...stored.properties, areaM2: 12, version: 3 } };
    const edited = buildFeature('service', ID, valuesFromRecord(withExtra, 'de'));
    expect(recordChanges('service', withExtra, edited)).toEqual({});
  });
});

describe('formFieldOf', () => {
  it.each([
    ['properties.capacity', 'capacity'],
    ['properties.languages[1]', 'languages'],
    ['properties.targetGroups[0]', 'targetGroups'],
    ['properties.sessionId', 'sessionId'],
    ['geometry', 'geometry'],
    ['geometry.type', 'geometry'],
    ['geometry.coordinates', 'geometry'],
    ['geometry.coordinates[0][3]', 'geometry'],
    ['properties.kind', 'root'],
    ['properties.casino', 'root'],
    ['id', 'root'],
    ['', 'root'],
  ])('%s → %s', (issueField, formField) => {
    expect(formFieldOf(issueField)).toBe(formField);
  });
});

describe('issuesToErrors', () => {
  it('keeps the first issue per field and names the code as the error type', () => {
    const errors = issuesToErrors(
      [
        { field: 'properties.languages[0]', code: 'INVALID_PATTERN', message: 'bad tag' },
        { field: 'properties.languages[1]', code: 'INVALID_PATTERN', message: 'bad tag' },
        { field: 'properties.kind', code: 'INVALID_ENUM', message: 'must be one of …' },
      ],
      { geometry: point },
    );
    expect(errors.languages).toMatchObject({ type: 'INVALID_PATTERN' });
    expect(errors.root).toMatchObject({ type: 'INVALID_ENUM' });
  });

  it('reports a geometry that is not placed yet as required', () => {
    const errors = issuesToErrors([{ field: 'geometry', code: 'INVALID_GEOMETRY', message: 'x' }], { geometry: null });
    expect(errors.geometry).toMatchObject({ type: 'REQUIRED' });
  });
});

describe('recordResolver', () => {
  it('accepts a valid service and hands the values on unchanged', async () => {
    const form = values({ category: 'kita', name: 'Kita Regenbogen', capacity: '65' });
    expect(await resolve('service', form)).toEqual({ values: form, errors: {} });
  });

  it('maps the domain issues of an empty service form to its fields', async () => {
    const result = await resolve('service', values({ geometry: null, capacity: '12.5' }));
    expect(result.values).toEqual({});
    expect(result.errors).toMatchObject({
      category: { type: 'REQUIRED' },
      name: { type: 'REQUIRED' },
      capacity: { type: 'INVALID_TYPE' },
      geometry: { type: 'REQUIRED' },
    });
  });

  it('accepts a need with only a category and a location', async () => {
    const result = await resolve('need', values({ category: 'youth_centre', sessionId: '' }));
    expect(result.errors).toEqual({});
  });

  it('refuses a category the taxonomy does not know', async () => {
    const result = await resolve('need', values({ category: 'casino' }));
    expect(result.errors).toMatchObject({ category: { type: 'UNKNOWN_CATEGORY' } });
  });

  it('refuses a polygon for a need and a tiny outline for a brownfield', async () => {
    expect((await resolve('need', values({ category: 'kita', geometry: square(0.001) }))).errors).toMatchObject({
      geometry: { type: 'GEOMETRY_TYPE_NOT_ALLOWED' },
    });
    expect((await resolve('brownfield', values({ geometry: square(0.00001) }))).errors).toMatchObject({
      geometry: { type: 'AREA_TOO_SMALL' },
    });
  });

  it('reports too long text and out-of-range numbers at their fields', async () => {
    const result = await resolve(
      'vacancy',
      values({ address: 'x'.repeat(201), floorAreaM2: '-3', vacantSince: '2023-13' }),
    );
    expect(result.errors).toMatchObject({
      address: { type: 'INVALID_MAXLENGTH' },
      floorAreaM2: { type: 'INVALID_MINIMUM' },
      vacantSince: { type: 'INVALID_PATTERN' },
    });
  });
});

describe('issueMessage', () => {
  it('names the limit from the schema and the geometry rules', () => {
    expect(issueMessage('vacancy', 'address', 'INVALID_MAXLENGTH')).toEqual({
      key: 'capture.issue.INVALID_MAXLENGTH',
      limit: 200,
    });
    expect(issueMessage('service', 'capacity', 'INVALID_MAXIMUM')).toEqual({
      key: 'capture.issue.INVALID_MAXIMUM',
      limit: 100_000,
    });
    expect(issueMessage('brownfield', 'geometry', 'AREA_TOO_SMALL')).toEqual({
      key: 'capture.issue.AREA_TOO_SMALL',
      limit: 10,
    });
  });

  it('asks for a whole number or a number depending on the field', () => {
    expect(issueMessage('service', 'capacity', 'INVALID_TYPE').key).toBe('capture.issue.NOT_WHOLE_NUMBER');
    expect(issueMessage('vacancy', 'floorAreaM2', 'INVALID_TYPE').key).toBe('capture.issue.NOT_A_NUMBER');
    expect(issueMessage('service', 'stepFree', 'INVALID_TYPE').key).toBe('capture.issue.INVALID_TYPE');
  });

  it('asks to place a missing geometry, and folds broken shapes into one message', () => {
    expect(issueMessage('need', 'geometry', 'REQUIRED').key).toBe('capture.issue.GEOMETRY_REQUIRED');
    expect(issueMessage('vacancy', 'geometry', 'RING_NOT_CLOSED').key).toBe('capture.issue.INVALID_GEOMETRY');
  });

  it('falls back to a general message for codes without a text', () => {
    expect(issueMessage('service', 'languages', 'INVALID_UNIQUEITEMS').key).toBe('capture.issue.unknown');
    expect(issueMessage('service', 'root', 'toString').key).toBe('capture.issue.unknown');
  });
});
