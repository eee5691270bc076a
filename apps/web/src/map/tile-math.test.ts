import { describe, expect, it } from 'vitest';
import { padBBox, rangeSize, tileAt, tileRange, tileUrl } from './tile-math.ts';

describe('tile math', () => {
  it('finds the slippy-map tile of a position', () => {
    // Dortmund city centre at z10 is tile 533/340 (as on any XYZ map).
    expect(tileAt(7.4653, 51.5136, 10)).toEqual({ x: 533, y: 340 });
    expect(tileAt(-180, 85.1, 0)).toEqual({ x: 0, y: 0 });
    expect(tileAt(180, -85.1, 2)).toEqual({ x: 3, y: 3 });
  });

  it('covers a bbox with a range of tiles', () => {
    const range = tileRange([7.44, 51.54, 7.5, 51.57], 14);
    expect(range).toEqual({ z: 14, minX: 8530, maxX: 8533, minY: 5443, maxY: 5445 });
    expect(rangeSize(range)).toBe(12);
  });

  it('fills templates for XYZ, TMS and quadkeys', () => {
    expect(tileUrl('https://t/{z}/{x}/{y}.pbf', 14, 8530, 5443)).toBe('https://t/14/8530/5443.pbf');
    expect(tileUrl('https://t/{z}/{x}/{y}.png', 2, 1, 0, 'tms')).toBe('https://t/2/1/3.png');
    expect(tileUrl('https://t/{quadkey}.jpeg', 3, 3, 5)).toBe('https://t/213.jpeg');
  });

  it('pads a bbox by metres on every side', () => {
    const [w, s, e, n] = padBBox([7.44, 51.54, 7.5, 51.57], 300);
    expect(51.54 - s).toBeCloseTo(300 / 111_320, 6);
    expect(7.44 - w).toBeGreaterThan(51.54 - s);
    expect(e).toBeGreaterThan(7.5);
    expect(n).toBeGreaterThan(51.57);
  });
});
