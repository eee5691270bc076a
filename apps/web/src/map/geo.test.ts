import { describe, expect, it } from 'vitest';
import { boundsOf, circlePolygon, distanceM } from './geo.ts';
import type { Position } from './types.ts';

describe('circlePolygon', () => {
  it('puts every corner at the accuracy radius around the position, as a closed ring', () => {
    const center: Position = [7.4652, 51.5495];
    const ring = circlePolygon(center, 35, 48).coordinates[0] ?? [];
    expect(ring).toHaveLength(49);
    expect(ring[0]).toEqual(ring[48]);
    for (const corner of ring) expect(distanceM(center, corner as Position)).toBeCloseTo(35, 1);
  });

  it('is round on the ground: wider in degrees of longitude than of latitude at 51.5° N', () => {
    const ring = circlePolygon([7.4652, 51.5495], 100).coordinates[0] ?? [];
    const lons = ring.map((p) => p[0] ?? 0);
    const lats = ring.map((p) => p[1] ?? 0);
    const lonSpan = Math.max(...lons) - Math.min(...lons);
    const latSpan = Math.max(...lats) - Math.min(...lats);
    expect(lonSpan / latSpan).toBeCloseTo(1 / Math.cos((51.5495 * Math.PI) / 180), 1);
  });
});

describe('boundsOf', () => {
  it('spans polygons and multipolygons and skips nothing', () => {
    expect(
      boundsOf([
        {
          type: 'Polygon',
          coordinates: [
            [
              [7.4, 51.5],
              [7.5, 51.5],
              [7.5, 51.6],
              [7.4, 51.5],
            ],
          ],
        },
        {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [7.3, 51.55],
                [7.35, 51.7],
                [7.32, 51.6],
                [7.3, 51.55],
              ],
            ],
          ],
        },
      ]),
    ).toEqual([7.3, 51.5, 7.5, 51.7]);
    expect(boundsOf([])).toBeUndefined();
  });
});
