/**
 * The two demo quarters as the project sketched them: outlines, the streets services line up
 * along, the parts of a quarter where something is deliberately missing, and where people live.
 *
 * Everything here was drawn by hand at a few vertices per line, looking at where the addresses of
 * the statistical districts Eving/Kemminghausen (12) and Marten (74) lie. None of it is an official
 * boundary or a surveyed street axis; it only has to be plausible at the scale of a walk.
 */
import type { LonLat } from './geo.ts';
import { EVING } from './quarter-eving.ts';
import { MARTEN } from './quarter-marten.ts';

export type QuarterId = 'eving' | 'marten';

export interface Street {
  name: string;
  /** vertices in the direction house numbers grow */
  path: LonLat[];
  /** house numbers at the start and end of `path` */
  numbers: [number, number];
  /** a shopping street: shops, practices and empty shop fronts line up here */
  main: boolean;
}

/** A part of a quarter that the demo leaves short of some service, so the gap analysis finds it. */
export interface Zone {
  id: string;
  contains(p: LonLat): boolean;
}

export interface DensityPeak {
  at: LonLat;
  /** residents per hectare at the peak */
  peak: number;
  sigmaM: number;
}

export interface DemoQuarter {
  id: QuarterId;
  name: string;
  postcode: string;
  outline: LonLat[];
  streets: Street[];
  zones: Record<string, Zone>;
  density: { base: number; peaks: DensityPeak[] };
}

export const DEMO_QUARTERS: readonly DemoQuarter[] = [EVING, MARTEN];

export const SOURCE_NOTE =
  'Approximate outline drawn by the Quartiersatlas project for the demo; not an official boundary.';

export function zone(quarter: DemoQuarter, id: string): Zone {
  const found = quarter.zones[id];
  if (!found) throw new Error(`quarter ${quarter.id} has no zone "${id}"`);
  return found;
}
