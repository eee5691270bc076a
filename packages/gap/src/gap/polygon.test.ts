import { describe, expect, it } from 'vitest';
import { containsPoint, parseQuarterShape, shapeAreaKm2 } from './polygon.ts';
import { at, squareAt } from './test-points.ts';

describe('quarter polygons', () => {
  const square = parseQuarterShape(squareAt(0, 0, 1000, 1000));

  it('reads Polygon and MultiPolygon and rejects other geometries', () => {
    expect(square).not.toBeNull();
    const multi = parseQuarterShape({ type: 'MultiPolygon', coordinates: [squareAt(0, 0, 10, 10).coordinates] });
    expect(multi?.polygons).toHaveLength(1);
    expect(parseQuarterShape({ type: 'Point', coordinates: [7, 51] })).toBeNull();
    expect(
      parseQuarterShape({
        type: 'Polygon',
        coordinates: [
          [
            [7, 51],
            [7, 'x'],
          ],
        ],
      }),
    ).toBeNull();
    expect(parseQuarterShape(null)).toBeNull();
  });

  it('tells points inside from points outside, holes excluded', () => {
    if (!square) throw new Error('square did not parse');
    expect(containsPoint(square, ...at(500, 500))).toBe(true);
    expect(containsPoint(square, ...at(1500, 500))).toBe(false);
    expect(containsPoint(square, ...at(500, -10))).toBe(false);
    const outer = squareAt(0, 0, 1000, 1000).coordinates[0];
    const hole = squareAt(400, 400, 600, 600).coordinates[0];
    const donut = parseQuarterShape({ type: 'Polygon', coordinates: [outer, hole] });
    if (!donut) throw new Error('donut did not parse');
    expect(containsPoint(donut, ...at(500, 500))).toBe(false);
    expect(containsPoint(donut, ...at(200, 500))).toBe(true);
    expect(shapeAreaKm2(donut)).toBeCloseTo(1 - 0.04, 3);
  });

  it('measures a 1 km square as 1 km²', () => {
    if (!square) throw new Error('square did not parse');
    expect(shapeAreaKm2(square)).toBeCloseTo(1, 3);
  });
});
