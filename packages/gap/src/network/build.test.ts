import { describe, expect, it } from 'vitest';
import { buildNetwork, type LineFeatureCollection, type StreetNetwork } from './build.ts';

const planar = { crs: 'planar' } as const;
/** One degree of latitude on the engine's sphere (R = 6,371 km), in metres. */
const DEGREE = (6_371_000 * Math.PI) / 180;

function neighbours(network: StreetNetwork, node: number): number[] {
  const out: number[] = [];
  for (let k = network.adjOffsets[node] as number; k < (network.adjOffsets[node + 1] as number); k++)
    out.push(network.adjNode[k] as number);
  return out.sort((a, b) => a - b);
}

function nodeAt(network: StreetNetwork, x: number, y: number): number {
  for (let n = 0; n < network.nodeCount; n++) if (network.nodeX[n] === x && network.nodeY[n] === y) return n;
  throw new Error(`no node at ${x} ${y}`);
}

describe('buildNetwork', () => {
  it('makes a T-junction where a line ends on an interior vertex of another', () => {
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
    expect(network.nodeCount).toBe(4);
    expect(network.edgeCount).toBe(3);
    expect([...network.edgeLength]).toEqual([100, 100, 100]);
    const junction = nodeAt(network, 100, 0);
    expect(neighbours(network, junction)).toEqual(
      [nodeAt(network, 0, 0), nodeAt(network, 200, 0), nodeAt(network, 100, 100)].sort((a, b) => a - b),
    );
    expect(network.components).toMatchObject({ count: 1, sizes: [4], lengths: [300] });
  });

  it('joins two lines at an interior vertex both share, but not where they only cross (bridge)', () => {
    const shared = buildNetwork(
      [
        [
          [0, 0],
          [100, 0],
          [200, 0],
        ],
        [
          [100, -100],
          [100, 0],
          [100, 100],
        ],
      ],
      planar,
    );
    expect(shared.nodeCount).toBe(5);
    expect(shared.edgeCount).toBe(4);
    expect(neighbours(shared, nodeAt(shared, 100, 0))).toHaveLength(4);

    const bridge = buildNetwork(
      [
        [
          [0, 0],
          [200, 0],
        ],
        [
          [100, -100],
          [100, 100],
        ],
      ],
      planar,
    );
    expect(bridge.nodeCount).toBe(4);
    expect(bridge.components.count).toBe(2);
  });

  it('keeps unshared interior vertices inside one edge and sums the segment lengths', () => {
    const network = buildNetwork(
      [
        [
          [0, 0],
          [30, 40],
          [60, 0],
        ],
      ],
      planar,
    );
    expect(network.nodeCount).toBe(2);
    expect(network.edgeCount).toBe(1);
    expect(network.edgeLength[0]).toBe(100);
    expect(network.segments.count).toBe(2);
    expect([...network.segments.along]).toEqual([0, 50]);
  });

  it('measures WGS84 edges as great-circle metres', () => {
    const network = buildNetwork([
      [
        [7.45, 51.5],
        [7.45, 51.501],
      ],
    ]);
    expect(network.edgeLength[0]).toBeCloseTo(0.001 * DEGREE, 6);
  });

  it('joins WGS84 ends that differ only beyond the 7th decimal, not those 1e-6° apart', () => {
    const close = buildNetwork([
      [
        [7.44, 51.5],
        [7.4501, 51.5],
      ],
      [
        [7.45010000004, 51.50000000003],
        [7.46, 51.5],
      ],
    ]);
    expect(close.nodeCount).toBe(3);
    expect(close.components.count).toBe(1);

    const apart = buildNetwork([
      [
        [7.44, 51.5],
        [7.4501, 51.5],
      ],
      [
        [7.450101, 51.5],
        [7.46, 51.5],
      ],
    ]);
    expect(apart.components.count).toBe(2);
  });

  it('reads LineString and MultiLineString features and counts what it cannot use', () => {
    const input: LineFeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [100, 0],
            ],
          },
        },
        {
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              [
                [100, 0],
                [100, 100],
              ],
              [
                [500, 500],
                [600, 500],
              ],
            ],
          },
        },
        { geometry: { type: 'Point', coordinates: [5, 5] } },
        { geometry: null },
        { geometry: { type: 'LineString', coordinates: [[7, 7]] } },
        {
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [Number.NaN, 3],
            ],
          },
        },
      ],
    };
    const network = buildNetwork(input, planar);
    expect(network.skipped).toBe(4);
    expect(network.edgeCount).toBe(3);
    expect(network.components).toMatchObject({ count: 2, sizes: [3, 2], lengths: [200, 100] });
  });

  it('numbers components largest first and labels every node', () => {
    const network = buildNetwork(
      [
        [
          [0, 0],
          [10, 0],
        ],
        [
          [1000, 0],
          [1010, 0],
          [1020, 0],
        ],
        [
          [1020, 0],
          [1030, 0],
        ],
      ],
      planar,
    );
    expect(network.components.sizes).toEqual([3, 2]);
    expect(network.components.ofNode[nodeAt(network, 0, 0)]).toBe(1);
    expect(network.components.ofNode[nodeAt(network, 1030, 0)]).toBe(0);
  });

  it('builds an empty network from no lines', () => {
    const network = buildNetwork([]);
    expect(network).toMatchObject({ nodeCount: 0, edgeCount: 0, components: { count: 0, sizes: [] } });
    expect(network.segments.index).toBeNull();
  });
});
