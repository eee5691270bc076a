import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFieldNames, type FieldVersions, type RecordView, sameValue } from './fields.ts';
import { editsSinceBase, mergeChanges, settleMerge } from './merge.ts';

const point = (lon: number) => ({ type: 'Point', coordinates: [lon, 51.55] });

const current: RecordView = {
  geometry: point(7.46),
  properties: {
    kind: 'service',
    category: 'groceries',
    quarterId: 'eving',
    sessionId: null,
    name: 'Markt',
    note: 'Eingang hinten',
    version: 9,
    status: 'published',
  },
};
/** note by device A at 5, category by device B at 7, geometry by an account at 9. */
const versions: FieldVersions = { note: [5, 'device-a'], category: [7, 'device-b'], geometry: [9, 'account:p1'] };

function merge(
  baseVersion: number | null,
  writer: string,
  changes: { geometry?: unknown; properties?: Record<string, unknown> },
) {
  return mergeChanges({ current, fieldVersions: versions, baseVersion, writer, changes });
}

describe('mergeChanges', () => {
  it('applies fields nobody else changed since the base without a clash', () => {
    const { patch, clashes } = merge(7, 'device-c', { properties: { note: 'Rampe', name: 'Markt Nord' } });
    expect(patch).toEqual({ properties: { note: 'Rampe', name: 'Markt Nord' } });
    expect(clashes).toEqual([]);
  });

  it('reports a clash for a field another writer changed after the base, and still applies the new value', () => {
    const { patch, clashes } = merge(6, 'device-c', { properties: { category: 'bakery', note: 'Rampe' } });
    expect(patch.properties).toEqual({ category: 'bakery', note: 'Rampe' });
    expect(clashes).toEqual([{ field: 'category', lost: 'groceries', lostBy: 'device-b', lostVersion: 7 }]);
  });

  it('never reports a writer clashing with its own earlier write', () => {
    expect(merge(0, 'device-b', { properties: { category: 'bakery' } }).clashes).toEqual([]);
    expect(merge(null, 'device-a', { properties: { note: 'x' } }).clashes).toEqual([]);
  });

  it('treats a null base as having seen only the create: every later write by others counts', () => {
    const { clashes } = merge(null, 'device-c', { geometry: point(7.47), properties: { note: 'x', name: 'y' } });
    expect(clashes.map((c) => c.field).sort()).toEqual(['geometry', 'note']);
  });

  it('skips values equal to the current ones, also objects with keys in another order and null for absent', () => {
    const { patch, clashes } = merge(null, 'device-c', {
      geometry: { coordinates: [7.46, 51.55], type: 'Point' },
      properties: { note: 'Eingang hinten', sessionId: null, openingHours: null, kind: 'service' },
    });
    expect(patch).toEqual({ properties: {} });
    expect(clashes).toEqual([]);
  });

  it('records a removed field as a clash with the removed value lost', () => {
    const { patch, clashes } = merge(4, 'device-c', { properties: { note: null } });
    expect(patch.properties).toEqual({ note: null });
    expect(clashes).toEqual([{ field: 'note', lost: 'Eingang hinten', lostBy: 'device-a', lostVersion: 5 }]);
  });

  it('ignores server fields and passes a changed kind on for validation to refuse', () => {
    const { patch } = merge(9, 'device-c', { properties: { version: 1, status: 'pending', kind: 'need' } });
    expect(patch.properties).toEqual({ kind: 'need' });
  });
});

describe('settleMerge', () => {
  it('keeps only clashes on fields that really changed, with the value that stayed', () => {
    const { clashes } = merge(0, 'device-c', { properties: { note: 'neu', category: 'groceries-x' } });
    const next: RecordView = {
      geometry: current.geometry,
      // Validation normalised category back: only the note changed.
      properties: { ...current.properties, note: 'neu' },
    };
    const settled = settleMerge({ current, next, clashes, fieldVersions: versions, version: 12, writer: 'device-c' });
    expect(settled.changed).toEqual(['note']);
    expect(settled.clashes).toEqual([
      { field: 'note', lost: 'Eingang hinten', lostBy: 'device-a', lostVersion: 5, kept: 'neu' },
    ]);
    expect(settled.fieldVersions).toEqual({ ...versions, note: [12, 'device-c'] });
  });
});

describe('editsSinceBase', () => {
  it('names the fields others changed after the base, with the values a delete would throw away', () => {
    const edits = editsSinceBase({ current, fieldVersions: versions, baseVersion: 6, writer: 'device-c' });
    expect(edits).toEqual({
      changes: { geometry: point(7.46), properties: { category: 'groceries' } },
      fields: ['category', 'geometry'],
      lastWriter: 'account:p1',
    });
    expect(editsSinceBase({ current, fieldVersions: versions, baseVersion: 9, writer: 'device-c' }).fields).toEqual([]);
    expect(
      editsSinceBase({ current, fieldVersions: { note: [5, 'device-a'] }, baseVersion: null, writer: 'device-a' })
        .fields,
    ).toEqual([]);
  });
});

describe('merge properties', () => {
  const values = fc.oneof(fc.constant(null), fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 3 }));
  const fields = ['note', 'name', 'capacity', 'openingHours'];
  const state = fc.dictionary(fc.constantFrom(...fields), values);

  it('applying the patch yields the sent values for every sent field', () => {
    fc.assert(
      fc.property(state, state, (before, sent) => {
        const view = { geometry: point(7), properties: before };
        const { patch } = mergeChanges({
          current: view,
          fieldVersions: {},
          baseVersion: 0,
          writer: 'w',
          changes: { properties: sent },
        });
        const after = { ...before, ...patch.properties };
        for (const [field, value] of Object.entries(sent)) {
          expect(sameValue(after[field] ?? null, value)).toBe(true);
        }
        // Nothing beyond what was sent changes.
        const changed = changedFieldNames(view, { geometry: view.geometry, properties: after });
        expect(changed.every((field) => field in sent)).toBe(true);
      }),
    );
  });

  it('a clash is reported exactly when the value differs and another writer wrote after the base', () => {
    fc.assert(
      fc.property(
        state,
        state,
        fc.dictionary(
          fc.constantFrom(...fields),
          fc.tuple(fc.integer({ min: 0, max: 10 }), fc.constantFrom('me', 'other')),
        ),
        fc.option(fc.integer({ min: 0, max: 10 })),
        (before, sent, fieldVersions, base) => {
          const view = { geometry: point(7), properties: before };
          const { clashes } = mergeChanges({
            current: view,
            fieldVersions,
            baseVersion: base,
            writer: 'me',
            changes: { properties: sent },
          });
          for (const [field, value] of Object.entries(sent)) {
            const entry = fieldVersions[field];
            const differs = !sameValue(before[field] ?? null, value ?? null);
            const later = entry !== undefined && entry[1] === 'other' && (base === null || entry[0] > base);
            expect(clashes.some((c) => c.field === field)).toBe(differs && later);
          }
        },
      ),
    );
  });
});
