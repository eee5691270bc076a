import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { fieldPath, schemaIssues } from './issues.ts';

describe('fieldPath', () => {
  it.each([
    ['/properties/languages/1', '', 'properties.languages[1]'],
    ['/languages/1', 'properties', 'properties.languages[1]'],
    ['/categories/3/field', '', 'categories[3].field'],
    ['/0/id', '', '[0].id'],
    ['/coordinates/0/2', 'geometry', 'geometry.coordinates[0][2]'],
    ['', '', ''],
    ['', 'properties', 'properties'],
  ])('%j with prefix %j → %j', (pointer, prefix, expected) => {
    expect(fieldPath(pointer, prefix)).toBe(expected);
  });

  it('unescapes JSON pointer tokens (~1 is /, ~0 is ~)', () => {
    expect(fieldPath('/a~1b/c~0d')).toBe('a/b.c~d');
  });
});

describe('schemaIssues', () => {
  const schema = Type.Object(
    {
      name: Type.String({ minLength: 1 }),
      size: Type.Optional(Type.Integer({ minimum: 0 })),
      tags: Type.Optional(Type.Array(Type.String({ maxLength: 3 }))),
      endedAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
      colour: Type.Optional(Type.Enum(['red', 'green'])),
    },
    { additionalProperties: false },
  );

  it('returns nothing for a valid value', () => {
    expect(schemaIssues(schema, { name: 'a', size: 0, tags: ['ab'], endedAt: null, colour: 'red' })).toEqual([]);
  });

  it('names each unknown field once', () => {
    expect(schemaIssues(schema, { name: 'a', extra: 1, other: 2 })).toEqual([
      { field: 'extra', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
      { field: 'other', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
    ]);
  });

  it('names each missing field under the prefix', () => {
    expect(schemaIssues(schema, {}, 'properties')).toEqual([
      { field: 'properties.name', code: 'REQUIRED', message: 'is required' },
    ]);
  });

  it('names array items and uses INVALID_<KEYWORD> codes', () => {
    expect(schemaIssues(schema, { name: 'a', size: -1, tags: ['ok', 'toolong'] })).toEqual([
      { field: 'size', code: 'INVALID_MINIMUM', message: 'must be >= 0' },
      { field: 'tags[1]', code: 'INVALID_MAXLENGTH', message: 'must not have more than 3 characters' },
    ]);
  });

  it('lists the allowed values of an enum', () => {
    expect(schemaIssues(schema, { name: 'a', colour: 'blue' })).toEqual([
      { field: 'colour', code: 'INVALID_ENUM', message: 'must be one of red, green' },
    ]);
  });

  it('reports a failing nullable field once, saying that null is allowed too', () => {
    expect(schemaIssues(schema, { name: 'a', endedAt: 'tomorrow' })).toEqual([
      { field: 'endedAt', code: 'INVALID_FORMAT', message: 'must match format "date-time", or null' },
    ]);
  });

  it('reports a value of the wrong type at the root', () => {
    expect(schemaIssues(schema, null, 'properties')).toEqual([
      { field: 'properties', code: 'INVALID_TYPE', message: 'must be object' },
    ]);
  });
});
