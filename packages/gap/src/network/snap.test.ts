import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointLayer } from '../cost-matrix.ts';
import { buildNetwork } from './build.ts';
import { snapPoints } from './snap.ts';

const planar = { crs: 'planar' } as const;
const DEGREE = (6_371_000 * Math.PI) / 180;
const points = (coords: Array<[number, number]>, crs: 'wgs84' | 'planar' = 'planar') =>
  pointLayer(
    coords.map(([x, y], i) => ({ id: `p${i}`, x, y })),
    crs,
  );

describe('snapPoints', () => {
  const street = buildNetwork(
    [
      [
        [0, 0],
        [100, 0],
      ],
    ],
    planar,
  );

  it('snaps to the nearest point of the street and reports the distance and the split of the edge', () => {
    const report = snapPoints(street, points([[30, 40]]));
    expect(report.distance[0]).toBe(40);
    expect([report.x[0], report.y[0]]).toEqual([30, 0]);
    expect([report.alongFrom[0], report.alongTo[0]]).toEqual([30, 70]);
    expect(report.edge[0]).toBe(0);
    expect(report.component[0]).toBe(0);
    expect(report.unsnapped).toHaveLength(0);
  });

  it('snaps a point beyond the end of the street to the end node', () => {
    const report = snapPoints(street, points([[150, 0]]));
    expect(report.distance[0]).toBe(50);
    expect([report.alongFrom[0], report.alongTo[0]]).toEqual([100, 0]);
  });

  it('reports points beyond maxSnap as unsnapped, with their distance, and invalid positions too', () => {
    const report = snapPoints(
      street,
      points([
        [50, 600],
        [50, 499],
        [Number.NaN, 0],
      ]),
      500,
    );
    expect([...report.unsnapped]).toEqual([0, 2]);
    expect(report.distance[0]).toBe(600);
    expect(report.edge[0]).toBe(-1);
    expect(Number.isNaN(report.x[0])).toBe(true);
    expect(report.distance[1]).toBe(499);
    expect(report.distance[2]).toBe(Number.POSITIVE_INFINITY);
  });

  it('reports WGS84 snapping distances in great-circle metres', () => {
    const network = buildNetwork([
      [
        [7.45, 51.5],
        [7.46, 51.5],
      ],
    ]);
    const report = snapPoints(network, points([[7.455, 51.501]], 'wgs84'));
    expect(report.distance[0]).toBeCloseTo(0.001 * DEGREE, 3);
    expect(report.x[0]).toBeCloseTo(7.455, 9);
    expect(report.y[0]).toBeCloseTo(51.5, 9);
  });

  it('finds the nearest segment even when many nearer boxes hold farther segments', () => {
    // Six long diagonals whose boxes contain the point (box distance 0) but pass ~560 m away,
    // and a short street 50 m away whose box ranks only seventh.
    const diagonals = Array.from(
      { length: 6 },
      (_, k): Array<[number, number]> => [
        [0, 10 * k],
        [1000 - 10 * k, 1000],
      ],
    );
    const network = buildNetwork(
      [
        ...diagonals,
        [
          [880, 150],
          [950, 150],
        ],
      ],
      planar,
    );
    const report = snapPoints(network, points([[900, 100]]));
    expect(report.distance[0]).toBe(50);
    expect([report.x[0], report.y[0]]).toEqual([900, 150]);
  });

  it('marks points that snap to a part not connected to the main network', () => {
    const network = buildNetwork(
      [
        [
          [0, 0],
          [100, 0],
          [200, 0],
        ],
        [
          [100, 0],
          [100, 100],
        ],
        [
          [1000, 0],
          [1100, 0],
        ],
      ],
      planar,
    );
    const report = snapPoints(
      network,
      points([
        [50, 5],
        [1050, 5],
      ]),
    );
    expect([...report.component]).toEqual([0, 1]);
    expect([...report.offMain]).toEqual([1]);
  });

  it('refuses points in another coordinate system than the network', () => {
    expect(() => snapPoints(street, points([[7.45, 51.5]], 'wgs84'))).toThrow(/wgs84/);
  });

  it('snaps to a segment no farther than any other segment (brute force, random streets)', () => {
    const coord = fc.integer({ min: 0, max: 1000 });
    const segment = fc.tuple(coord, coord, coord, coord);
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(coord, coord), { minLength: 1, maxLength: 20 }),
        (segments, pts) => {
          const network = buildNetwork(
            segments.map(([a, b, c, d]) => [
              [a, b],
              [c, d],
            ]),
            planar,
          );
          const report = snapPoints(network, points(pts), Number.POSITIVE_INFINITY);
          pts.forEach(([x, y], i) => {
            let nearest = Number.POSITIVE_INFINITY;
            for (let s = 0; s < network.segments.count; s++)
              nearest = Math.min(nearest, segmentDistance(x, y, network, s));
            if (network.segments.count > 0) expect(report.distance[i]).toBeCloseTo(nearest, 6);
          });
        },
      ),
    );
  });
});

function segmentDistance(x: number, y: number, network: ReturnType<typeof buildNetwork>, s: number): number {
  const { x0, y0, x1, y1 } = network.segments;
  const ax = x0[s] as number;
  const ay = y0[s] as number;
  const dx = (x1[s] as number) - ax;
  const dy = (y1[s] as number) - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(ax + t * dx - x, ay + t * dy - y);
}
