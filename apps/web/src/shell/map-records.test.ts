import { describe, expect, it } from 'vitest';
import type { MapRecord } from '../map/types.ts';
import { DRAFT_ID, withDraft } from './map-records.ts';

const stored: MapRecord = {
  id: 'r1',
  kind: 'vacancy',
  icon: 'vacancy',
  label: 'Ehemalige Bäckerei',
  geometry: { type: 'Point', coordinates: [7.46, 51.55] },
  pending: false,
};

describe('withDraft', () => {
  it('shows a new record’s placed point as a selected, pending pin', () => {
    const point = { type: 'Point' as const, coordinates: [7.47, 51.56] as [number, number] };
    const { records, selectedId } = withDraft([stored], { kind: 'need', recordId: null }, point);
    expect(selectedId).toBe(DRAFT_ID);
    expect(records).toHaveLength(2);
    expect(records.at(-1)).toMatchObject({ id: DRAFT_ID, kind: 'need', pending: true, geometry: point });
  });

  it('moves the edited record to its new geometry instead of showing it twice', () => {
    const moved = { type: 'Point' as const, coordinates: [7.5, 51.5] as [number, number] };
    const { records, selectedId } = withDraft([stored], { kind: 'vacancy', recordId: 'r1' }, moved);
    expect(selectedId).toBe('r1');
    expect(records).toEqual([{ ...stored, geometry: moved, pending: true }]);
  });

  it('changes nothing without a form or without a geometry yet', () => {
    expect(withDraft([stored], null, null)).toEqual({ records: [stored], selectedId: null });
    expect(withDraft([stored], { kind: 'service', recordId: null }, null)).toEqual({
      records: [stored],
      selectedId: null,
    });
  });
});
