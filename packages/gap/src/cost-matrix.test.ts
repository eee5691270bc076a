import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixFromPairs, matrixFromTable, pointLayer, straightLineMatrix } from './cost-matrix.ts';
import type { CostMatrix } from './types.ts';

/** Haversine great-circle distance in metres (R = 6,371 km), the reference for straight lines. */
function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

function pairsOf(matrix: CostMatrix): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < matrix.demandCount; i++)
    for (let k = matrix.offsets[i] as number; k < (matrix.offsets[i + 1] as number); k++)
      out.set(`${i}-${matrix.supply[k]}`, matrix.cost[k] as number);
  return out;
}

describe('straightLineMatrix', () => {
  it('finds exactly the pairs within the bound, at great-circle distance × detour', () => {
    const point = fc.record({
      x: fc.double({ min: 7.3, max: 7.6, noNaN: true }),
      y: fc.double({ min: 51.4, max: 51.6, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 40 }),
        fc.array(point, { minLength: 1, maxLength: 15 }),
        fc.double({ min: 1, max: 2 }),
        (d, s, detour) => {
          const demand = pointLayer(d.map((p, i) => ({ id: `d${i}`, ...p })));
          const supply = pointLayer(s.map((p, j) => ({ id: `s${j}`, ...p })));
          const maxCost = 3000;
          const found = pairsOf(straightLineMatrix(demand, supply, { maxCost, detour }));
          d.forEach((a, i) => {
            s.forEach((b, j) => {
              const expected = haversine(a.x, a.y, b.x, b.y) * detour;
              const got = found.get(`${i}-${j}`);
              // Pairs within a metre of the bound may fall either side of it by rounding.
              if (Math.abs(expected - maxCost) < 1) return;
              if (expected < maxCost) {
                expect(got).toBeDefined();
                expect(Math.abs((got as number) - expected)).toBeLessThan(Math.max(0.01, expected * 1e-5));
              } else expect(got).toBeUndefined();
            });
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps a pair exactly at the bound', () => {
    const demand = pointLayer([{ id: 'a', x: 0, y: 0 }], 'planar');
    const supply = pointLayer([{ id: 's', x: 300, y: 400 }], 'planar');
    expect(pairsOf(straightLineMatrix(demand, supply, { maxCost: 500 })).get('0-0')).toBe(500);
    expect(pairsOf(straightLineMatrix(demand, supply, { maxCost: 499.9 })).size).toBe(0);
    expect(pairsOf(straightLineMatrix(demand, supply, { maxCost: 1000, detour: 1.5 })).get('0-0')).toBe(750);
  });

  it('returns an empty matrix for an empty layer on either side', () => {
    const some = pointLayer([{ id: 'a', x: 7.46, y: 51.55 }]);
    const none = pointLayer([]);
    const noSupply = straightLineMatrix(some, none, { maxCost: 1000 });
    expect(noSupply.demandCount).toBe(1);
    expect(noSupply.cost.length).toBe(0);
    expect(straightLineMatrix(none, some, { maxCost: 1000 }).demandCount).toBe(0);
  });

  it('gives the same answer when the demand index is reused for another supply layer', () => {
    const demand = pointLayer(
      Array.from({ length: 50 }, (_, i) => ({ id: `d${i}`, x: 7.4 + i * 0.002, y: 51.5 + (i % 7) * 0.001 })),
    );
    const first = pointLayer([{ id: 's', x: 7.42, y: 51.502 }]);
    const second = pointLayer([{ id: 't', x: 7.48, y: 51.505 }]);
    straightLineMatrix(demand, first, { maxCost: 800 });
    const reused = pairsOf(straightLineMatrix(demand, second, { maxCost: 800 }));
    const fresh = pairsOf(straightLineMatrix({ ...demand, x: demand.x.slice() }, second, { maxCost: 800 }));
    expect(reused).toEqual(fresh);
    expect(reused.size).toBeGreaterThan(0);
  });

  it('refuses to mix coordinate systems', () => {
    expect(() => straightLineMatrix(pointLayer([], 'planar'), pointLayer([]), { maxCost: 1 })).toThrow(
      /coordinate system/,
    );
  });
});

describe('matrixFromPairs and matrixFromTable', () => {
  it('orders pairs by demand point and drops those beyond the bound', () => {
    const m = matrixFromPairs(3, 2, [2, 0, 2, 1], [0, 1, 1, 0], [5, 1, 50, 2], 10);
    expect(Array.from(m.offsets)).toEqual([0, 1, 2, 3]);
    expect(pairsOf(m)).toEqual(
      new Map([
        ['0-1', 1],
        ['1-0', 2],
        ['2-0', 5],
      ]),
    );
  });

  it('names every table row it cannot use', () => {
    const result = matrixFromTable(
      [
        { origin: 'a', dest: 's', cost: 3 },
        { origin: 'x', dest: 's', cost: 3 },
        { origin: 'a', dest: 'y', cost: 3 },
        { origin: 'a', dest: 's', cost: -1 },
      ],
      ['a'],
      ['s'],
      10,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.row)).toEqual([1, 2, 3]);
  });
});
