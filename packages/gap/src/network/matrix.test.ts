import { describe, expect, it } from 'vitest';
import { pointLayer } from '../cost-matrix.ts';
import type { CostMatrix } from '../types.ts';
import { buildNetwork, type Position } from './build.ts';
import { networkMatrix } from './matrix.ts';

const planar = { crs: 'planar' } as const;
const DEGREE = (6_371_000 * Math.PI) / 180;
const points = (coords: Array<[number, number]>, crs: 'wgs84' | 'planar' = 'planar') =>
  pointLayer(
    coords.map(([x, y], i) => ({ id: `p${i}`, x, y })),
    crs,
  );

/** The (supply, cost) pairs of one demand row. */
function row(matrix: CostMatrix, i: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = matrix.offsets[i] as number; k < (matrix.offsets[i + 1] as number); k++)
    out.push([matrix.supply[k] as number, matrix.cost[k] as number]);
  return out;
}

/** A square street grid of n × n nodes, `step` apart, as two-point lines. */
function grid(n: number, step: number, at: (x: number, y: number) => Position = (x, y) => [x, y]): Position[][] {
  const lines: Position[][] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i + 1 < n) lines.push([at(i * step, j * step), at((i + 1) * step, j * step)]);
      if (j + 1 < n) lines.push([at(i * step, j * step), at(i * step, (j + 1) * step)]);
    }
  return lines;
}

describe('networkMatrix', () => {
  it('walks around the blocks of a grid: farther than the straight line', () => {
    const network = buildNetwork(grid(3, 100), planar);
    const { matrix } = networkMatrix(
      network,
      points([
        [0, 0],
        [100, 100],
      ]),
      points([[200, 200]]),
      { maxCost: 1000 },
    );
    expect(row(matrix, 0)).toEqual([[0, 400]]);
    expect(row(matrix, 1)).toEqual([[0, 200]]);
    expect(matrix.maxCost).toBe(1000);
  });

  it('sums great-circle lengths on a WGS84 grid', () => {
    const lon = (x: number) => 7.45 + x / 1e5;
    const lat = (y: number) => 51.5 + y / 1e5;
    const network = buildNetwork(grid(3, 100, (x, y) => [lon(x), lat(y)]));
    const { matrix } = networkMatrix(
      network,
      points([[lon(0), lat(0)]], 'wgs84'),
      points([[lon(200), lat(200)]], 'wgs84'),
      { maxCost: 5000 },
    );
    // Two blocks north along a meridian, then two blocks east along the shorter, northern parallel.
    const [[, cost]] = row(matrix, 0) as [[number, number]];
    expect(cost).toBeCloseTo(0.002 * DEGREE + 0.002 * DEGREE * Math.cos((51.502 * Math.PI) / 180), 4);
  });

  it('counts the snap distances and the way through a T-junction', () => {
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
      ],
      planar,
    );
    const { matrix, demandSnap, supplySnap } = networkMatrix(
      network,
      points([[100, 90]]),
      points([
        [10, 5],
        [190, -6],
      ]),
      { maxCost: 1000 },
    );
    // 5 m to the street, 90 m to the junction, 90 m up the stem.
    expect(row(matrix, 0)).toEqual([
      [0, 185],
      [1, 186],
    ]);
    expect(demandSnap.distance[0]).toBe(0);
    expect([...supplySnap.distance]).toEqual([5, 6]);
  });

  it('leaves demand on a disconnected part without pairs and reports it', () => {
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
          [300, 0],
          [400, 0],
        ],
      ],
      planar,
    );
    const result = networkMatrix(
      network,
      points([
        [350, 10],
        [150, 10],
      ]),
      points([[50, 0]]),
      { maxCost: 10_000 },
    );
    expect(row(result.matrix, 0)).toEqual([]);
    expect(row(result.matrix, 1)).toEqual([[0, 110]]);
    expect(result.disconnected).toEqual({ demand: 1, supply: 0 });
    expect([...result.demandSnap.offMain]).toEqual([0]);
  });

  it('leaves points beyond the snapping distance unsnapped and unreachable', () => {
    const network = buildNetwork(grid(2, 100), planar);
    const result = networkMatrix(network, points([[50, 0]]), points([[50, 700]]), { maxCost: 10_000, maxSnap: 500 });
    expect(row(result.matrix, 0)).toEqual([]);
    expect([...result.supplySnap.unsnapped]).toEqual([0]);
    expect(result.supplySnap.distance[0]).toBe(600);
  });

  it('goes straight along the edge when demand and supply are on the same one', () => {
    const network = buildNetwork(
      [
        [
          [0, 0],
          [1000, 0],
        ],
      ],
      planar,
    );
    const { matrix } = networkMatrix(
      network,
      points([
        [300, 10],
        [900, 0],
      ]),
      points([[700, -20]]),
      { maxCost: 5000 },
    );
    expect(row(matrix, 0)).toEqual([[0, 430]]);
    expect(row(matrix, 1)).toEqual([[0, 220]]);
  });

  it('goes along an edge of several segments, on one segment and across them, in either order', () => {
    const network = buildNetwork(
      [
        [
          [0, 0],
          [100, 0],
          [200, 0],
          [300, 0],
        ],
      ],
      planar,
    );
    expect(network.edgeCount).toBe(1);
    const { matrix } = networkMatrix(
      network,
      points([
        [50, 5],
        [20, 0],
        [290, 0],
      ]),
      points([
        [250, 5],
        [80, 0],
      ]),
      { maxCost: 5000 },
    );
    expect(row(matrix, 0)).toEqual([
      [1, 30 + 5],
      [0, 5 + 200 + 5],
    ]);
    expect(row(matrix, 1)).toEqual([
      [1, 60],
      [0, 230 + 5],
    ]);
    expect(row(matrix, 2)).toEqual([
      [0, 40 + 5],
      [1, 210],
    ]);
  });

  it('takes the shorter way round a loop rather than the direct way along the shared edge', () => {
    // A 100 m edge bent into a 90 m detour: the two points on it are nearer through the short link.
    const network = buildNetwork(
      [
        [
          [0, 0],
          [0, 400],
          [10, 400],
          [10, 0],
        ],
        [
          [0, 0],
          [10, 0],
        ],
      ],
      planar,
    );
    const { matrix } = networkMatrix(network, points([[0, 10]]), points([[10, 10]]), { maxCost: 5000 });
    expect(row(matrix, 0)).toEqual([[0, 30]]);
  });

  it('keeps pairs at exactly maxCost and drops those above it', () => {
    const network = buildNetwork(
      [
        [
          [0, 0],
          [1000, 0],
        ],
      ],
      planar,
    );
    const demand = points([[300, 0]]);
    const supply = points([
      [700, 0],
      [100, 0],
    ]);
    expect(row(networkMatrix(network, demand, supply, { maxCost: 400 }).matrix, 0)).toEqual([
      [1, 200],
      [0, 400],
    ]);
    expect(row(networkMatrix(network, demand, supply, { maxCost: 399.9 }).matrix, 0)).toEqual([[1, 200]]);
  });

  it('reports progress at most about 200 times and finishes at the total', () => {
    const network = buildNetwork(grid(4, 100), planar);
    const supply = points(Array.from({ length: 1000 }, (_, k): [number, number] => [(k % 300) + 0.5, 7]));
    const demand = points(Array.from({ length: 1500 }, (_, k): [number, number] => [(k % 300) + 0.25, 107]));
    const calls: Array<[number, number]> = [];
    networkMatrix(network, demand, supply, { maxCost: 120, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeLessThanOrEqual(201);
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.at(-1)).toEqual([1000, 1000]);
  });

  it('rejects a negative or missing bound', () => {
    const network = buildNetwork(grid(2, 100), planar);
    expect(() => networkMatrix(network, points([]), points([]), { maxCost: Number.NaN })).toThrow(/maxCost/);
    expect(() => networkMatrix(network, points([]), points([]), { maxCost: -1 })).toThrow(/maxCost/);
  });
});
