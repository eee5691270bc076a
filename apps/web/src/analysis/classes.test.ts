import { describe, expect, it } from 'vitest';
import {
  breaksWithZeroClass,
  classOf,
  classRanges,
  palette,
  quantileBreaks,
  roundNice,
  ZERO_BREAK,
} from './classes.ts';

/** Relative luminance (WCAG), to check the ramp's lightness order without trusting names. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('the heatmap palette', () => {
  it('darkens monotonically towards "needs attention", so it reads without hue and in greyscale', () => {
    for (let n = 2; n <= 7; n++) {
      const worse = palette(n, true).map(luminance);
      expect(worse).toHaveLength(n);
      for (let k = 1; k < n; k++) expect(worse[k]).toBeLessThan(worse[k - 1] as number);
      // Where higher is better, the lowest values get the darkest colour.
      expect(palette(n, false)).toEqual([...palette(n, true)].reverse());
    }
  });

  it('uses viridis, whose ends stay apart for red-green colour blindness', () => {
    expect(palette(5, true)).toEqual(['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154']);
  });
});

describe('class breaks', () => {
  it('rounds breaks to two significant digits', () => {
    expect(roundNice(1234)).toBe(1200);
    expect(roundNice(0.07234)).toBe(0.072);
    expect(roundNice(86)).toBe(86);
    expect(roundNice(0)).toBe(0);
  });

  it('puts the quantiles between the classes, ascending, and merges classes that round together', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileBreaks(values, 5)).toEqual([21, 41, 61, 81]);
    // Only two distinct values: one break, two classes.
    expect(quantileBreaks([3, 3, 3, 3, 9, 9], 6)).toEqual([9]);
    expect(quantileBreaks([], 6)).toEqual([]);
    // 1450 rounds to 1500, above every value: no empty top class.
    expect(quantileBreaks([200, 257, 343, 1450], 5)).toEqual([260, 340]);
  });

  it('gives exactly 0 a class of its own when most cells have nothing (no deficit, no voiced need)', () => {
    const breaks = breaksWithZeroClass([0, 0, 0, 0, 0, 2, 4, 8, 16, 32], 4);
    expect(breaks[0]).toBe(ZERO_BREAK);
    expect(classOf(0, breaks)).toBe(0);
    expect(classOf(2, breaks)).toBe(1);
    expect(classOf(32, breaks)).toBe(breaks.length);
    expect(breaksWithZeroClass([0, 0], 4)).toEqual([]);
  });

  it('classes a value at a break into the upper class, like MapLibre’s step', () => {
    const breaks = [10, 20, 40];
    expect([0, 9.99, 10, 19, 20, 40, 1000].map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });

  it('describes each class with its range for the legend', () => {
    expect(classRanges([ZERO_BREAK, 5], ['#a', '#b', '#c'])).toEqual([
      { colour: '#a', from: null, to: ZERO_BREAK, zero: true },
      { colour: '#b', from: ZERO_BREAK, to: 5, zero: false },
      { colour: '#c', from: 5, to: null, zero: false },
    ]);
  });
});
