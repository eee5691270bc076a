import { describe, expect, it } from 'vitest';
import { rankPotentials } from './potentials.ts';
import { emptyLayer, layerAt } from './test-points.ts';

describe('rankPotentials (greedy maximal covering)', () => {
  // One existing service at the origin, catchment 500 m. People: 100 near the service (covered),
  // a cluster of 300 at 2 km east, a cluster of 120 at 2 km north.
  const demand = layerAt('d', [
    [100, 0, 100],
    [2000, 0, 150],
    [2100, 0, 150],
    [0, 2000, 120],
  ]);
  const supply = layerAt('s', [[0, 0, 1]]);

  it('ranks the site next to uncovered people first and ignores people already covered', () => {
    const sites = {
      ...layerAt('site', [
        [150, 0],
        [2050, 50],
        [0, 2050],
      ]),
      kinds: ['vacancy', 'brownfield', 'vacancy'],
    };
    const result = rankPotentials({
      demand,
      needs: emptyLayer(),
      supply,
      sites,
      catchmentM: 500,
      detour: 1,
      count: 3,
      needWeight: 0,
    });
    expect(result.initialCoveredShare).toBeCloseTo(100 / 520);
    const [first, second, third] = result.sites;
    expect(first).toMatchObject({ id: 'site1', kind: 'brownfield', rank: 1, newPeople: 300, alonePeople: 300 });
    expect(second).toMatchObject({ id: 'site2', rank: 2, newPeople: 120 });
    expect(second?.cumulativeCoveredShare).toBeCloseTo(1);
    // The site beside the existing service reaches nobody new: never picked, alone score 0.
    expect(third).toMatchObject({ id: 'site0', rank: null, newPeople: null, alonePeople: 0 });
    expect(result.finalCoveredShare).toBeCloseTo(1);
  });

  it('does not count demand an earlier pick already covers', () => {
    // Sites A and B both reach the 300-people cluster (A also a few more); C reaches the 120.
    const more = layerAt('d', [
      [2000, 0, 150],
      [2100, 0, 150],
      [2650, 0, 10],
      [0, 2000, 120],
    ]);
    const sites = layerAt('site', [
      [2200, 0],
      [2050, 0],
      [0, 2050],
    ]);
    const result = rankPotentials({
      demand: more,
      needs: emptyLayer(),
      supply,
      sites,
      catchmentM: 500,
      detour: 1,
      count: 3,
      needWeight: 0,
    });
    const byId = new Map(result.sites.map((s) => [s.id, s]));
    expect(byId.get('site0')).toMatchObject({ rank: 1, newPeople: 310, alonePeople: 310 });
    // B alone would reach 300, more than C's 120, but after A they are all covered.
    expect(byId.get('site1')).toMatchObject({ alonePeople: 300, rank: null });
    expect(byId.get('site2')).toMatchObject({ rank: 2, newPeople: 120 });
    expect(result.sites.map((s) => s.id)).toEqual(['site0', 'site2', 'site1']);
  });

  it('counts voiced needs when asked to, and reports them either way', () => {
    const needs = layerAt('n', [[0, 2000, 5]]);
    const sites = layerAt('site', [
      [2050, 0],
      [0, 2050],
    ]);
    const base = { demand, needs, supply, sites, catchmentM: 500, detour: 1, count: 1 };
    const byPeople = rankPotentials({ ...base, needWeight: 0 });
    expect(byPeople.sites[0]).toMatchObject({ id: 'site0', newNeeds: 0 });
    expect(byPeople.sites[1]).toMatchObject({ id: 'site1', aloneNeeds: 5, aloneNeedsCount: 1 });
    // 5 weighted needs × 50 people-equivalents lift the northern site above the eastern one.
    const withNeeds = rankPotentials({ ...base, needWeight: 50 });
    expect(withNeeds.sites[0]).toMatchObject({ id: 'site1', rank: 1, newPeople: 120, newNeeds: 5, newNeedsCount: 1 });
  });

  it('stops when no site reaches anybody new', () => {
    const sites = layerAt('site', [[150, 0]]);
    const result = rankPotentials({
      demand,
      needs: emptyLayer(),
      supply,
      sites,
      catchmentM: 500,
      detour: 1,
      count: 5,
      needWeight: 0,
    });
    expect(result.sites[0]?.rank).toBeNull();
  });

  it('shrinks the reach by the detour factor', () => {
    // 400 m straight line × 1.3 = 520 m > 500 m catchment: out of reach.
    const sites = layerAt('site', [[0, 2400]]);
    const plain = rankPotentials({
      demand,
      needs: emptyLayer(),
      supply,
      sites,
      catchmentM: 500,
      detour: 1,
      count: 1,
      needWeight: 0,
    });
    const detour = rankPotentials({
      demand,
      needs: emptyLayer(),
      supply,
      sites,
      catchmentM: 500,
      detour: 1.3,
      count: 1,
      needWeight: 0,
    });
    expect(plain.sites[0]?.alonePeople).toBe(120);
    expect(detour.sites[0]?.alonePeople).toBe(0);
  });
});
