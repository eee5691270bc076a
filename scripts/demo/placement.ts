/**
 * Where things go inside a quarter: along its streets (shops, stops, empty shop fronts) or where
 * people live (needs, Kitas, care). Nothing lands outside the outline or on a brownfield site.
 */
import {
  at,
  closedCcwRing,
  distanceM,
  type LonLat,
  lineLengthM,
  offset,
  pointAlong,
  pointInRing,
  type Ring,
  randomPointIn,
} from './geo.ts';
import type { Rng } from './prng.ts';
import type { DemoQuarter, Street } from './quarters.ts';

export interface QuarterContext {
  quarter: DemoQuarter;
  ring: Ring;
  /** outlines nothing else may be placed on (the brownfield sites) */
  avoid: Ring[];
}

export function makeContext(quarter: DemoQuarter, avoid: Ring[] = []): QuarterContext {
  return { quarter, ring: closedCcwRing(quarter.outline), avoid };
}

export function isFree(ctx: QuarterContext, p: LonLat): boolean {
  return pointInRing(p, ctx.ring) && !ctx.avoid.some((ring) => pointInRing(p, ring));
}

/** Residents per hectare the demo assumes at a position (before cell-level noise). */
export function densityAt(quarter: DemoQuarter, p: LonLat): number {
  let density = quarter.density.base;
  for (const { at: centre, peak, sigmaM } of quarter.density.peaks) {
    const d = distanceM(p, centre);
    density += peak * Math.exp(-(d * d) / (2 * sigmaM * sigmaM));
  }
  return density;
}

function maxDensity(quarter: DemoQuarter): number {
  return quarter.density.base + quarter.density.peaks.reduce((sum, peak) => sum + peak.peak, 0);
}

/** A position where people live: denser areas are proportionally more likely. */
export function residentialPoint(ctx: QuarterContext, rng: Rng, accept: (p: LonLat) => boolean = () => true): LonLat {
  const max = maxDensity(ctx.quarter);
  return randomPointIn(
    ctx.ring,
    rng,
    (p) => isFree(ctx, p) && accept(p) && rng.next() < densityAt(ctx.quarter, p) / max,
  );
}

export interface StreetPlace {
  street: Street;
  position: LonLat;
  /** direction of the street at that point, radians counter-clockwise from east */
  bearing: number;
  houseNumber: number;
}

function houseNumber(street: Street, t: number): number {
  const [first, last] = street.numbers;
  return Math.max(1, Math.round(first + (last - first) * t));
}

/**
 * A building front on one of `streets` (longer streets more likely), set back from the axis by
 * `setbackM` metres to one side.
 */
export function streetPlace(
  ctx: QuarterContext,
  streets: readonly Street[],
  rng: Rng,
  setbackM: [number, number],
  accept: (p: LonLat) => boolean = () => true,
): StreetPlace {
  const weighted = streets.map((street) => [street, lineLengthM(street.path)] as const);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const street = rng.weighted(weighted);
    const t = rng.next();
    const { position, bearing } = pointAlong(street.path, t);
    const side = rng.chance(0.5) ? 1 : -1;
    const setback = side * rng.range(setbackM[0], setbackM[1]);
    const p = offset(position, -Math.sin(bearing) * setback, Math.cos(bearing) * setback);
    if (isFree(ctx, p) && accept(p)) return { street, position: p, bearing, houseNumber: houseNumber(street, t) };
  }
  throw new Error(`no free place along the streets of ${ctx.quarter.id}`);
}

/** `count` places spread evenly over the streets (bus stops): spacing by length, a little jitter. */
export function evenlyAlongStreets(
  ctx: QuarterContext,
  streets: readonly Street[],
  count: number,
  rng: Rng,
): StreetPlace[] {
  const lengths = streets.map((street) => lineLengthM(street.path));
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const shares = lengths.map((length) => (length / total) * count);
  const counts = shares.map((share) => Math.floor(share));
  // Largest remainders get the leftover places, so the total is exactly `count`.
  const order = shares
    .map((share, i) => [i, share - Math.floor(share)] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < count; k++) {
    const index = at(order, k % order.length)[0];
    counts[index] = at(counts, index) + 1;
  }
  const places: StreetPlace[] = [];
  streets.forEach((street, i) => {
    const n = at(counts, i);
    for (let k = 0; k < n; k++) {
      const t = Math.min(Math.max((k + 0.5 + rng.range(-0.2, 0.2)) / n, 0), 1);
      const { position, bearing } = pointAlong(street.path, t);
      const setback = (k % 2 === 0 ? 1 : -1) * rng.range(6, 12);
      let p = offset(position, -Math.sin(bearing) * setback, Math.cos(bearing) * setback);
      if (!isFree(ctx, p)) p = position;
      if (!isFree(ctx, p)) continue;
      places.push({ street, position: p, bearing, houseNumber: houseNumber(street, t) });
    }
  });
  return places;
}

/** Distance in metres from a position to a street axis (sampled every ~10 m). */
export function distanceToStreetM(street: Street, p: LonLat): number {
  const samples = Math.max(2, Math.ceil(lineLengthM(street.path) / 10));
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= samples; i++) best = Math.min(best, distanceM(p, pointAlong(street.path, i / samples).position));
  return best;
}

export function nearestStreet(quarter: DemoQuarter, p: LonLat, except?: Street): { street: Street; distanceM: number } {
  let best: { street: Street; distanceM: number } | undefined;
  for (const street of quarter.streets) {
    if (street === except) continue;
    const d = distanceToStreetM(street, p);
    if (!best || d < best.distanceM) best = { street, distanceM: d };
  }
  if (!best) throw new Error(`quarter ${quarter.id} has no streets`);
  return best;
}
