import { describe, expect, it } from 'vitest';
import { classColor, mapClasses, mapFrame, niceStep, PALETTE } from './map-scale.ts';

describe('report map scale', () => {
  it('rounds class steps to numbers a legend can show', () => {
    expect(niceStep(37)).toBe(50);
    expect(niceStep(212)).toBe(250);
    expect(niceStep(0.18)).toBe(0.2);
    expect(niceStep(0)).toBe(1);
  });

  it('splits the deficit into five round classes up to the largest cell', () => {
    const classes = mapClasses('deficit', [0, 12, 460]);
    expect(classes.map((item) => item.to)).toEqual([100, 200, 300, 400, 500]);
    expect(classColor(classes, 460)).toBe(PALETTE[4]);
    expect(classColor(classes, 0)).toBe(PALETTE[0]);
  });

  it('gives the largest value of the last class its colour rather than none', () => {
    const classes = mapClasses('priority', [1]);
    expect(classColor(classes, 1)).toBe(PALETTE[4]);
  });

  it('keeps the aspect of the area and offers a round scale bar', () => {
    // About 2.1 km east–west and 1.1 km north–south at Dortmund's latitude.
    const frame = mapFrame(
      [
        [
          [7.45, 51.54],
          [7.48, 51.54],
          [7.48, 51.55],
          [7.45, 51.54],
        ],
      ],
      1000,
      0,
    );
    expect(frame).not.toBeNull();
    expect(frame?.height).toBeGreaterThan(500);
    expect(frame?.height).toBeLessThan(600);
    expect(frame?.scaleBar.metres).toBe(500);
    expect(frame?.scaleBar.length).toBeGreaterThan(200);
    expect(frame?.scaleBar.length).toBeLessThan(260);
  });
});
