import { describe, expect, it } from 'vitest';
import { changedFieldNames, fieldValues, parseFieldVersions, sameValue, stampFields } from './fields.ts';

describe('record fields', () => {
  const view = {
    geometry: { type: 'Point', coordinates: [7.46, 51.55] },
    properties: {
      kind: 'need',
      category: 'kita',
      quarterId: 'eving',
      sessionId: null,
      version: 3,
      status: 'pending',
      supporters: 2,
    },
  };

  it('lists the editable fields: geometry and properties, without the kind, server fields and nulls', () => {
    expect([...fieldValues(view).keys()].sort()).toEqual(['category', 'geometry', 'quarterId', 'supporters']);
  });

  it('compares values by content', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(0, null)).toBe(false);
  });

  it('names the fields that differ between two states', () => {
    const next = {
      geometry: { coordinates: [7.46, 51.55], type: 'Point' },
      properties: { ...view.properties, supporters: 3, note: 'neu', category: null, version: 4 },
    };
    expect(changedFieldNames(view, next)).toEqual(['category', 'note', 'supporters']);
  });

  it('stamps fields with version and writer without touching the others', () => {
    const before = { note: [3, 'a'] as [number, string] };
    expect(stampFields(before, ['geometry'], 8, 'b')).toEqual({ note: [3, 'a'], geometry: [8, 'b'] });
    expect(before).toEqual({ note: [3, 'a'] });
    expect(parseFieldVersions(JSON.stringify({ note: [3, 'a'], bad: 'x' }))).toEqual({ note: [3, 'a'] });
  });
});
