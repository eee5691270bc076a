import { describe, expect, it } from 'vitest';
import { closedRing, draftArea, draftFeatures, draftIssues, formatArea } from './polygon-draft.ts';
import type { Position } from './types.ts';

// A square of about 50 m × 50 m in Eving (0.0007° of latitude ≈ 78 m is too big; these are ~50 m).
const SQUARE: Position[] = [
  [7.46, 51.55],
  [7.46072, 51.55],
  [7.46072, 51.55045],
  [7.46, 51.55045],
];

describe('polygon drafts', () => {
  it('measures the area only from three corners on', () => {
    expect(draftArea(SQUARE.slice(0, 2))).toBeNull();
    const area = draftArea(SQUARE) ?? 0;
    expect(area).toBeGreaterThan(2400);
    expect(area).toBeLessThan(2600);
  });

  it('closes the ring by repeating the first corner', () => {
    expect(closedRing(SQUARE)).toHaveLength(5);
    expect(closedRing(SQUARE)[4]).toEqual(SQUARE[0]);
    expect(closedRing([])).toEqual([]);
  });

  it('reports a crossing outline with the domain rules', () => {
    const bowTie: Position[] = [SQUARE[0], SQUARE[2], SQUARE[1], SQUARE[3]] as Position[];
    expect(draftIssues(bowTie, 'brownfield')).toEqual(['SELF_INTERSECTION']);
    expect(draftIssues(SQUARE, 'brownfield')).toEqual([]);
  });

  it('applies the area bounds of the kind being drawn', () => {
    // About 5 m²: a plausible vacancy (≥ 1 m²), too small for a brownfield site (≥ 10 m²).
    const tiny: Position[] = [
      [7.46, 51.55],
      [7.46003, 51.55],
      [7.46003, 51.55002],
    ];
    expect(draftIssues(tiny, 'vacancy')).toEqual([]);
    expect(draftIssues(tiny, 'brownfield')).toEqual(['AREA_TOO_SMALL']);
    expect(draftIssues(tiny.slice(0, 2), 'brownfield')).toEqual([]);
  });

  it('draws a line for two corners and a polygon from three', () => {
    expect(draftFeatures(SQUARE.slice(0, 1)).features).toHaveLength(0);
    expect(draftFeatures(SQUARE.slice(0, 2)).features[0]?.geometry.type).toBe('LineString');
    expect(draftFeatures(SQUARE).features[0]?.geometry.type).toBe('Polygon');
  });
});

describe('formatArea', () => {
  it('reads small sites in m² and large ones in hectares, in the reader’s number format', () => {
    expect(formatArea(1234.4, 'de')).toEqual({ unit: 'm2', value: '1.234' });
    expect(formatArea(1234.4, 'en')).toEqual({ unit: 'm2', value: '1,234' });
    expect(formatArea(25_300, 'de')).toEqual({ unit: 'ha', value: '2,53' });
    expect(formatArea(1_520_000, 'pl')).toEqual({ unit: 'ha', value: '152' });
    expect(formatArea(1234, 'ar').value).toBe(new Intl.NumberFormat('ar').format(1234));
  });
});
