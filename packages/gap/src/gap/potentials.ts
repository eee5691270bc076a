/**
 * Potentials: which candidate sites (vacancies, brownfields) would serve the most unmet demand if a
 * new service of the category opened there. Greedy maximal covering: demand not yet covered (no
 * service within the category catchment) is weighted by population, plus optionally voiced needs;
 * the site covering the most of it is picked, its demand marked covered, and so on for k sites.
 * Greedy is within 1 − 1/e of the best k-set for this (submodular) objective and, unlike an exact
 * solver, explains itself: each pick reports what it adds on top of the earlier ones.
 */
import { around, distance } from 'geokdbush';
import KDBush from 'kdbush';
import type { PointLayer } from '../types.ts';

export interface PotentialsInput {
  demand: PointLayer;
  needs: PointLayer;
  supply: PointLayer;
  sites: PointLayer & { kinds?: string[] };
  /** Reach of a service of the category, in metres of straight line × detour. */
  catchmentM: number;
  detour: number;
  /** How many sites to pick. */
  count: number;
  /** People-equivalents per weighted voiced need in the objective; 0 = population only. */
  needWeight: number;
  /**
   * Demand points already within the catchment of a service, when the caller knows them (from a
   * straight-line matrix with the same detour); computed here otherwise.
   */
  demandCovered?: Uint8Array;
}

export interface PotentialSite {
  id: string;
  /** `vacancy`, `brownfield` …, null when the layer carries no kinds. */
  kind: string | null;
  lng: number;
  lat: number;
  /** People of the group not yet covered whom a service here would reach if it were the only new one. */
  alonePeople: number;
  /** Uncovered voiced needs it would reach alone, weighted by 1 + supporters, and their count. */
  aloneNeeds: number;
  aloneNeedsCount: number;
  /** Order in which greedy covering picked it (1 = first); null when not picked. */
  rank: number | null;
  /** People reached that no existing service and no earlier pick reaches; null when not picked. */
  newPeople: number | null;
  newNeeds: number | null;
  newNeedsCount: number | null;
  /** Share of the group's population covered by existing services and picks 1 … rank; null when not picked. */
  cumulativeCoveredShare: number | null;
}

export interface PotentialsResult {
  sites: PotentialSite[];
  population: number;
  /** Covered by existing services (within the catchment) before any pick. */
  initialCoveredShare: number | null;
  /** After all picks. */
  finalCoveredShare: number | null;
  /** Uncovered voiced needs before any pick, weighted. */
  uncoveredNeeds: number;
}

// geokdbush's sphere (R = 6,371 km), so that the box always holds the circle.
const KM_PER_DEG_LAT = (6371 * Math.PI) / 180;

function indexOf(layer: PointLayer): KDBush {
  const index = new KDBush(Math.max(layer.x.length, 1));
  for (let i = 0; i < layer.x.length; i++) index.add(layer.x[i] as number, layer.y[i] as number);
  index.finish();
  return index;
}

/** 1 for every point of `layer` with a point of `targets` within `radiusKm`. */
function coveredBy(layer: PointLayer, targets: PointLayer, radiusKm: number): Uint8Array {
  const out = new Uint8Array(layer.x.length);
  if (targets.x.length === 0) return out;
  const index = indexOf(targets);
  for (let i = 0; i < layer.x.length; i++)
    if (around(index, layer.x[i] as number, layer.y[i] as number, 1, radiusKm).length > 0) out[i] = 1;
  return out;
}

/**
 * For each site, the relevant points of `layer` within `radiusKm` (CSR lists). Only relevant
 * points (uncovered, with people) go into the index, which in a well-served city is a small
 * share; a bounding-box query plus the great-circle test is several times faster than geokdbush's
 * `around`, which sorts hundreds of results by distance that greedy covering does not need.
 */
function reachLists(
  sites: PointLayer,
  layer: PointLayer,
  radiusKm: number,
  relevant: (i: number) => boolean,
): { offsets: Uint32Array; items: Uint32Array } {
  const offsets = new Uint32Array(sites.x.length + 1);
  const points: number[] = [];
  for (let i = 0; i < layer.x.length; i++) if (relevant(i)) points.push(i);
  const items: number[] = [];
  if (points.length > 0) {
    const index = new KDBush(points.length);
    for (const i of points) index.add(layer.x[i] as number, layer.y[i] as number);
    index.finish();
    const dLat = (radiusKm / KM_PER_DEG_LAT) * 1.001;
    for (let s = 0; s < sites.x.length; s++) {
      const x = sites.x[s] as number;
      const y = sites.y[s] as number;
      const dLng = dLat / Math.cos(((Math.abs(y) + dLat) * Math.PI) / 180);
      for (const k of index.range(x - dLng, y - dLat, x + dLng, y + dLat)) {
        const i = points[k] as number;
        if (distance(x, y, layer.x[i] as number, layer.y[i] as number) <= radiusKm) items.push(i);
      }
      offsets[s + 1] = items.length;
    }
  }
  return { offsets, items: Uint32Array.from(items) };
}

function sumOver(list: { offsets: Uint32Array; items: Uint32Array }, s: number, value: (i: number) => number): number {
  let sum = 0;
  for (let k = list.offsets[s] as number, end = list.offsets[s + 1] as number; k < end; k++)
    sum += value(list.items[k] as number);
  return sum;
}

export function rankPotentials(input: PotentialsInput): PotentialsResult {
  const { demand, needs, sites } = input;
  const radiusKm = input.catchmentM / input.detour / 1000;
  const covered = input.demandCovered ? input.demandCovered.slice() : coveredBy(demand, input.supply, radiusKm);
  const needCovered = coveredBy(needs, input.supply, radiusKm);

  let population = 0;
  let coveredPeople = 0;
  for (let i = 0; i < demand.weight.length; i++) {
    const p = demand.weight[i] as number;
    population += p;
    if (covered[i] === 1) coveredPeople += p;
  }
  let uncoveredNeeds = 0;
  for (let k = 0; k < needs.weight.length; k++) if (needCovered[k] === 0) uncoveredNeeds += needs.weight[k] as number;
  const share = (people: number): number | null => (population > 0 ? people / population : null);
  const initialCoveredShare = share(coveredPeople);

  const people = reachLists(sites, demand, radiusKm, (i) => covered[i] === 0 && (demand.weight[i] as number) > 0);
  const voiced = reachLists(sites, needs, radiusKm, (k) => needCovered[k] === 0);
  const personOf = (i: number) => (covered[i] === 0 ? (demand.weight[i] as number) : 0);
  const needOf = (k: number) => (needCovered[k] === 0 ? (needs.weight[k] as number) : 0);
  const needCountOf = (k: number) => (needCovered[k] === 0 ? 1 : 0);

  const result: PotentialSite[] = [];
  for (let s = 0; s < sites.x.length; s++) {
    result.push({
      id: sites.ids[s] as string,
      kind: sites.kinds?.[s] ?? null,
      lng: sites.x[s] as number,
      lat: sites.y[s] as number,
      alonePeople: sumOver(people, s, personOf),
      aloneNeeds: sumOver(voiced, s, needOf),
      aloneNeedsCount: sumOver(voiced, s, needCountOf),
      rank: null,
      newPeople: null,
      newNeeds: null,
      newNeedsCount: null,
      cumulativeCoveredShare: null,
    });
  }

  for (let rank = 1; rank <= input.count; rank++) {
    let best = -1;
    let bestGain = 0;
    let bestPeople = 0;
    let bestNeeds = 0;
    for (let s = 0; s < sites.x.length; s++) {
      if (result[s]?.rank !== null) continue;
      const p = sumOver(people, s, personOf);
      const n = sumOver(voiced, s, needOf);
      const gain = p + input.needWeight * n;
      // Ties go to the site that reaches more voiced needs, then to the earlier one.
      if (gain > bestGain || (gain === bestGain && gain > 0 && n > bestNeeds)) {
        best = s;
        bestGain = gain;
        bestPeople = p;
        bestNeeds = n;
      }
    }
    if (best < 0) break;
    const site = result[best] as PotentialSite;
    site.rank = rank;
    site.newPeople = bestPeople;
    site.newNeeds = bestNeeds;
    site.newNeedsCount = sumOver(voiced, best, needCountOf);
    for (let k = people.offsets[best] as number; k < (people.offsets[best + 1] as number); k++)
      covered[people.items[k] as number] = 1;
    for (let k = voiced.offsets[best] as number; k < (voiced.offsets[best + 1] as number); k++)
      needCovered[voiced.items[k] as number] = 1;
    coveredPeople += bestPeople;
    site.cumulativeCoveredShare = share(coveredPeople);
  }

  const order = result.map((_, s) => s);
  order.sort((a, b) => {
    const x = result[a] as PotentialSite;
    const y = result[b] as PotentialSite;
    if (x.rank !== null || y.rank !== null)
      return (x.rank ?? Number.POSITIVE_INFINITY) - (y.rank ?? Number.POSITIVE_INFINITY);
    return y.alonePeople - x.alonePeople || y.aloneNeeds - x.aloneNeeds || a - b;
  });
  return {
    sites: order.map((s) => result[s] as PotentialSite),
    population,
    initialCoveredShare,
    finalCoveredShare: share(coveredPeople),
    uncoveredNeeds,
  };
}
