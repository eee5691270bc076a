import type { HexProperties } from '@quartiersatlas/gap';
import { describe, expect, it } from 'vitest';
import { ZERO_BREAK } from './classes.ts';
import { cellColour, cellValue, type MeasureContext, measureStyle } from './measures.ts';
import { sceneResult } from './test-result.ts';

const result = sceneResult();
const cells = result.grid.features.map((feature) => feature.properties);
const context: MeasureContext = {
  method: '2sfca',
  weights: { deficit: 0.5, needs: 0.3, access: 0.2 },
  target: 0.5,
};
const far = cells.find((cell) => cell.unreachablePopulation > 0) as HexProperties;
const nobody = cells.find((cell) => cell.population === 0) as HexProperties;
const near = cells.find((cell) => cell.population === 900) as HexProperties;

describe('measures on the map', () => {
  it('has cells of every kind in the scene: served, unreachable, and without people', () => {
    expect([far, nobody, near].every(Boolean)).toBe(true);
  });

  it('draws unreachable people hatched instead of as the low end of the scale', () => {
    const style = measureStyle('supply', cells, context);
    expect(cellValue('supply', far, context)).toBeNull();
    expect(cellColour(style, far, context)).toBeNull();
    expect(style.unreachable).not.toBeNull();
    expect(style.unit).toBe('perThousandTarget');
    // Classes against the target: a quarter, half, three quarters, the target itself.
    expect(style.breaks).toEqual([0.125, 0.25, 0.375, 0.5]);
    // The served cells reach 0.357 per 1,000, between half and three quarters of the target.
    expect(cellColour(style, near, context)).toBe(style.classes[2]?.colour);
  });

  it('leaves cells without people of the group out of per-person measures, but not out of need density', () => {
    expect(cellValue('deficit', nobody, context)).toBeNull();
    expect(cellValue('coverage', nobody, context)).toBeNull();
    expect(cellValue('needs', nobody, context)).toBeGreaterThan(0);
    expect(measureStyle('deficit', cells, context).empty).not.toBeNull();
    expect(measureStyle('needs', cells, context).empty).toBeNull();
  });

  it('shows deficit in people, darkest where it is largest', () => {
    const style = measureStyle('deficit', cells, context);
    expect(style.unit).toBe('people');
    expect(style.higherIsWorse).toBe(true);
    expect(cellColour(style, far, context)).toBe(style.classes.at(-1)?.colour);
    expect(cellColour(style, far, context)).toBe('#440154');
    // Every populated cell here has some deficit, so no class stands for exactly none.
    expect(style.breaks[0]).not.toBe(ZERO_BREAK);
  });

  it('gives no deficit at all a class of its own when some cells have none', () => {
    const served = cells.map((cell) => (cell === near ? { ...cell, deficit: 0 } : cell));
    const style = measureStyle('deficit', served, context);
    expect(style.breaks[0]).toBe(ZERO_BREAK);
    expect(style.classes[0]?.zero).toBe(true);
    expect(cellColour(style, { ...near, deficit: 0 }, context)).toBe('#fde725');
  });

  it('shows the method’s own value per 1,000 people for the floating-catchment methods', () => {
    expect(cellValue('accessibility', near, context)).toBeCloseTo(near.accessibility ? near.accessibility * 1000 : 0);
    expect(measureStyle('accessibility', cells, context).unit).toBe('perThousand');
    // The nearest-service distance is worse when higher.
    const nearest = measureStyle('accessibility', cells, { ...context, method: 'nearest' });
    expect(nearest.unit).toBe('metres');
    expect(nearest.higherIsWorse).toBe(true);
  });

  it('recolours the priority index with new weights without new data', () => {
    const needsOnly = { ...context, weights: { deficit: 0, needs: 1, access: 0 } };
    expect(cellValue('priority', nobody, needsOnly)).toBeCloseTo(nobody.needScore);
    expect(measureStyle('priority', cells, needsOnly).value).toEqual([
      '+',
      ['*', 0, ['get', 'deficitScore']],
      ['*', 1, ['get', 'needScore']],
      ['*', 0, ['get', 'accessScore']],
    ]);
  });
});
