import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointLayer } from '../cost-matrix.ts';
import type { CostMatrix } from '../types.ts';
import { buildNetwork, type Position, type StreetNetwork } from './build.ts';
import { greatCircle } from './geometry.ts';
import { networkMatrix } from './matrix.ts';
import { boundedSearch } from './search.ts';
import type { SnapReport } from './snap.ts';

type XY = [number, number];
interface Case {
  lines: Position[][];
  demand: XY[];
  supply: XY[];
  maxCost: number;
}

/**
 * Jittered street grids of 2–5 × 2–5 nodes 100 m apart with missing and bent links (so there are
 * dead ends, detours, several components and multi-segment edges), and points around them.
 */
const streets: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 5 }).chain((g) => {
  const xy = fc.tuple(
    fc.integer({ min: -60, max: (g - 1) * 100 + 60 }),
    fc.integer({ min: -60, max: (g - 1) * 100 + 60 }),
  );
  return fc
    .record({
      jitter: fc.array(fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -30, max: 30 })), {
        minLength: g * g,
        maxLength: g * g,
      }),
      links: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -40, max: 40 })), {
        minLength: 2 * g * (g - 1),
        maxLength: 2 * g * (g - 1),
      }),
      demand: fc.array(xy, { maxLength: 25 }),
      supply: fc.array(xy, { maxLength: 12 }),
      maxCost: fc.integer({ min: 0, max: 700 }),
    })
    .map(({ jitter, links, demand, supply, maxCost }) => {
      const node = (i: number, j: number): XY => {
        const [dx, dy] = jitter[i * g + j] as XY;
        return [i * 100 + dx, j * 100 + dy];
      };
      const lines: Position[][] = [];
      let k = 0;
      const link = (a: XY, b: XY) => {
        const [kind, bend] = links[k++] as XY;
        if (kind === 1) lines.push([a, b]);
        // A bent link: an extra vertex off the middle that no other line shares.
        if (kind === 2) lines.push([a, [(a[0] + b[0]) / 2 + bend, (a[1] + b[1]) / 2 - bend], b]);
      };
      for (let i = 0; i < g; i++)
        for (let j = 0; j < g; j++) {
          if (i + 1 < g) link(node(i, j), node(i + 1, j));
          if (j + 1 < g) link(node(i, j), node(i, j + 1));
        }
      return { lines, demand, supply, maxCost };
    });
});

const toWgs84 = ([x, y]: readonly number[]): XY => [7.45 + (x as number) / 69_000, 51.5 + (y as number) / 111_000];

function layer(coords: XY[], crs: 'wgs84' | 'planar') {
  return pointLayer(
    coords.map(([x, y], i) => ({ id: String(i), x, y })),
    crs,
  );
}

function pairsOf(matrix: CostMatrix): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < matrix.demandCount; i++)
    for (let k = matrix.offsets[i] as number; k < (matrix.offsets[i + 1] as number); k++)
      out.set(`${i} ${matrix.supply[k]}`, matrix.cost[k] as number);
  return out;
}

/**
 * Independent reference for planar networks: every snapped point becomes a real node that splits
 * its edge, then a plain O(V²) Dijkstra. Costs add both snap distances.
 */
function referenceCosts(network: StreetNetwork, demand: SnapReport, supply: SnapReport): number[][] {
  const nd = demand.edge.length;
  const ns = supply.edge.length;
  const count = network.nodeCount + nd + ns;
  const adj: Array<Array<[number, number]>> = Array.from({ length: count }, () => []);
  const connect = (a: number, b: number, w: number) => {
    adj[a]?.push([b, w]);
    adj[b]?.push([a, w]);
  };
  const onEdge: Array<Array<[number, number]>> = Array.from({ length: network.edgeCount }, () => []);
  const place = (report: SnapReport, base: number) =>
    report.edge.forEach((e, i) => {
      if (e >= 0) onEdge[e]?.push([base + i, report.alongFrom[i] as number]);
    });
  place(demand, network.nodeCount);
  place(supply, network.nodeCount + nd);
  onEdge.forEach((list, e) => {
    list.sort((a, b) => a[1] - b[1]);
    let prev = network.edgeFrom[e] as number;
    let at = 0;
    for (const [v, along] of list) {
      connect(prev, v, along - at);
      prev = v;
      at = along;
    }
    connect(prev, network.edgeTo[e] as number, (network.edgeLength[e] as number) - at);
  });
  return Array.from({ length: nd }, (_, i) => {
    const dist = new Array<number>(count).fill(Number.POSITIVE_INFINITY);
    const done = new Array<boolean>(count).fill(false);
    if ((demand.edge[i] as number) >= 0) dist[network.nodeCount + i] = 0;
    for (;;) {
      let u = -1;
      for (let v = 0; v < count; v++) if (!done[v] && (u < 0 || (dist[v] as number) < (dist[u] as number))) u = v;
      if (u < 0 || dist[u] === Number.POSITIVE_INFINITY) break;
      done[u] = true;
      for (const [v, w] of adj[u] ?? []) dist[v] = Math.min(dist[v] as number, (dist[u] as number) + w);
    }
    return Array.from(
      { length: ns },
      (_, j) =>
        (demand.distance[i] as number) + (dist[network.nodeCount + nd + j] as number) + (supply.distance[j] as number),
    );
  });
}

describe('networkMatrix properties', () => {
  it('equals shortest paths on the explicitly split graph, within the bound (planar)', () => {
    fc.assert(
      fc.property(streets, ({ lines, demand, supply, maxCost }) => {
        const network = buildNetwork(lines, { crs: 'planar' });
        const result = networkMatrix(network, layer(demand, 'planar'), layer(supply, 'planar'), {
          maxCost,
          maxSnap: 40,
        });
        const got = pairsOf(result.matrix);
        const want = referenceCosts(network, result.demandSnap, result.supplySnap);
        want.forEach((costs, i) => {
          costs.forEach((cost, j) => {
            const pair = got.get(`${i} ${j}`);
            if (cost <= maxCost - 1e-6) expect(pair).toBeCloseTo(cost, 6);
            if (cost > maxCost + 1e-6) expect(pair).toBeUndefined();
          });
        });
      }),
      { numRuns: 150 },
    );
  });

  it('costs at least the great-circle distance and at most maxCost, rows nearest first (WGS84)', () => {
    fc.assert(
      fc.property(streets, ({ lines, demand, supply, maxCost }) => {
        const network = buildNetwork(lines.map((line) => line.map(toWgs84)));
        const d = layer(demand.map(toWgs84), 'wgs84');
        const s = layer(supply.map(toWgs84), 'wgs84');
        const { matrix, demandSnap, supplySnap } = networkMatrix(network, d, s, { maxCost, maxSnap: 40 });
        for (let i = 0; i < matrix.demandCount; i++)
          for (let k = matrix.offsets[i] as number; k < (matrix.offsets[i + 1] as number); k++) {
            const j = matrix.supply[k] as number;
            const cost = matrix.cost[k] as number;
            expect(cost).toBeGreaterThanOrEqual(0);
            expect(cost).toBeLessThanOrEqual(maxCost);
            const straight = greatCircle(d.x[i] as number, d.y[i] as number, s.x[j] as number, s.y[j] as number);
            expect(cost).toBeGreaterThanOrEqual(straight - 1e-6);
            const snapped = greatCircle(
              demandSnap.x[i] as number,
              demandSnap.y[i] as number,
              supplySnap.x[j] as number,
              supplySnap.y[j] as number,
            );
            const walked = cost - (demandSnap.distance[i] as number) - (supplySnap.distance[j] as number);
            expect(walked).toBeGreaterThanOrEqual(snapped - 1e-6);
            if (k > (matrix.offsets[i] as number)) expect(cost).toBeGreaterThanOrEqual(matrix.cost[k - 1] as number);
          }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same pairs whichever side the search starts from, and the bound only cuts (WGS84)', () => {
    fc.assert(
      fc.property(streets, ({ lines, demand, supply, maxCost }) => {
        const network = buildNetwork(lines.map((line) => line.map(toWgs84)));
        const d = layer(demand.map(toWgs84), 'wgs84');
        const s = layer(supply.map(toWgs84), 'wgs84');
        const { demandSnap, supplySnap } = networkMatrix(network, d, s, { maxCost, maxSnap: 40 });
        const key = (i: number, j: number) => `${i} ${j}`;
        const collect = (fromSupply: boolean, bound: number) => {
          const pairs = fromSupply
            ? boundedSearch(network, supplySnap, demandSnap, bound)
            : boundedSearch(network, demandSnap, supplySnap, bound);
          const out = new Map<string, number>();
          pairs.cost.forEach((c, k) => {
            const a = pairs.source[k] as number;
            const b = pairs.target[k] as number;
            out.set(fromSupply ? key(b, a) : key(a, b), c);
          });
          return out;
        };
        const fromSupply = collect(true, maxCost);
        const fromDemand = collect(false, maxCost);
        const unbounded = collect(true, Number.POSITIVE_INFINITY);
        expect([...fromDemand.keys()].sort()).toEqual([...fromSupply.keys()].sort());
        for (const [k, c] of fromSupply) expect(fromDemand.get(k)).toBeCloseTo(c, 6);
        for (const [k, c] of unbounded) {
          if (c <= maxCost) expect(fromSupply.get(k)).toBeCloseTo(c, 9);
          else expect(fromSupply.has(k)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});
