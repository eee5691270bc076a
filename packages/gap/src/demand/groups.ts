/**
 * Demand groups and the age bands behind them, and how a group's head count is derived from the
 * count and share columns a population table happens to have.
 */

import { DEMAND_GROUPS, type DemandGroup } from '@quartiersatlas/domain';

export { DEMAND_GROUPS, type DemandGroup };

export function isDemandGroup(value: string): value is DemandGroup {
  return (DEMAND_GROUPS as readonly string[]).includes(value);
}

/** Ages from `from` up to but excluding `to` (Infinity for open-ended bands such as "ab65"). */
export interface AgeBand {
  from: number;
  to: number;
}

/**
 * `families` is approximated by the residents under 18: no grid table counts households with
 * children, and the number of minors is what family services (family centres, playgrounds,
 * parent counselling) scale with.
 */
export const GROUP_BANDS: Record<DemandGroup, AgeBand> = {
  all: { from: 0, to: Number.POSITIVE_INFINITY },
  children_0_6: { from: 0, to: 6 },
  children_6_10: { from: 6, to: 10 },
  youth_10_18: { from: 10, to: 18 },
  seniors_65: { from: 65, to: Number.POSITIVE_INFINITY },
  seniors_80: { from: 80, to: Number.POSITIVE_INFINITY },
  families: { from: 0, to: 18 },
};

/** A column that holds residents of an age band: a head count, or a percentage of the total. */
export interface BandColumn {
  column: string;
  band: AgeBand;
  kind: 'count' | 'share';
}

const TOTAL_NAMES = new Set(['einwohner', 'insgesamt_bevoelkerung', 'bevoelkerung', 'population']);

/**
 * Reads the age band from a column name, in the Zensus spelling: `Einwohner` (everyone),
 * `unter6`, `6bis10` (6 to under 10), `ab65`; a suffix `_A` marks a percentage share of
 * `Einwohner` (`unter18_A`, `ab65_A` in the 1 km table).
 */
export function bandOfColumn(column: string): BandColumn | null {
  const share = /_A$/.test(column);
  const name = (share ? column.slice(0, -2) : column).toLowerCase();
  const kind = share ? 'share' : 'count';
  if (!share && TOTAL_NAMES.has(name)) return { column, band: GROUP_BANDS.all, kind };
  let m = /^unter_?(\d+)$/.exec(name);
  if (m) return { column, band: { from: 0, to: Number(m[1]) }, kind };
  m = /^(\d+)_?bis_?(\d+)$/.exec(name);
  if (m && Number(m[1]) < Number(m[2])) return { column, band: { from: Number(m[1]), to: Number(m[2]) }, kind };
  m = /^ab_?(\d+)$/.exec(name);
  if (m) return { column, band: { from: Number(m[1]), to: Number.POSITIVE_INFINITY }, kind };
  return null;
}

/** One term of a derivation: `factor` × the column's head count (shares already turned into people). */
export interface Term {
  source: BandColumn;
  factor: number;
}

export interface Derivation {
  terms: Term[];
  /** True when a band was split by years of age (children are assumed evenly spread over the years). */
  approximate: boolean;
  /** How the weight is computed, for reports: "unter6 + 6bis10 + 10bis18", "unter10 × 6/10". */
  description: string;
}

function bandLabel(band: AgeBand): string {
  return Number.isFinite(band.to) ? `${band.from}–${band.to - 1}` : `${band.from}+`;
}

function termLabel(term: Term, total: string | null): string {
  const base = term.source.kind === 'share' ? `${total} × ${term.source.column} / 100` : term.source.column;
  if (term.factor === 1) return base;
  const { from, to } = term.source.band;
  return `${base} × ${Math.round(term.factor * (to - from))}/${to - from}`;
}

/**
 * How to get the head count of `target` from the available columns, in order of preference:
 * one column with exactly that band; columns whose bands tile it (unter6 + 6bis10 + 10bis18);
 * or a share of one finite band that contains it, by years of age (unter10 × 6/10). Open-ended
 * bands are never split: the share of the over-80s among the over-65s varies too much.
 * Share columns need the total column (`total`); counts are preferred over shares.
 */
export function deriveBand(target: AgeBand, columns: readonly BandColumn[], total: string | null): Derivation | null {
  const usable = columns
    .filter((c) => c.kind === 'count' || total !== null)
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'count' ? -1 : 1));
  const exact = usable.find((c) => c.band.from === target.from && c.band.to === target.to);
  if (exact) return describe([{ source: exact, factor: 1 }], false, total);

  const tiling = tile(target.from, target.to, usable, 0);
  if (tiling) return describe(tiling, false, total);

  if (!Number.isFinite(target.to)) return null;
  const containing = usable
    .filter((c) => Number.isFinite(c.band.to) && c.band.from <= target.from && c.band.to >= target.to)
    .sort((a, b) => a.band.to - a.band.from - (b.band.to - b.band.from));
  const widest = containing[0];
  if (!widest) return null;
  const factor = (target.to - target.from) / (widest.band.to - widest.band.from);
  return describe([{ source: widest, factor }], true, total);
}

function tile(from: number, to: number, columns: readonly BandColumn[], depth: number): Term[] | null {
  if (from === to) return [];
  if (depth > 8) return null;
  for (const c of columns) {
    if (c.band.from !== from || c.band.to > to || c.band.to <= from) continue;
    const rest = tile(c.band.to, to, columns, depth + 1);
    if (rest) return [{ source: c, factor: 1 }, ...rest];
  }
  return null;
}

function describe(terms: Term[], approximate: boolean, total: string | null): Derivation {
  const text = terms.map((t) => termLabel(t, total)).join(' + ');
  return {
    terms,
    approximate,
    description: approximate ? `${text}, assuming an even spread over the years of age` : text,
  };
}

/** Explains which columns would have been needed, for the error when a group cannot be derived. */
export function missingBandMessage(group: DemandGroup, columns: readonly BandColumn[]): string {
  const band = GROUP_BANDS[group];
  const have = columns.map((c) => c.column);
  return (
    `demand group "${group}" (ages ${bandLabel(band)}) cannot be derived from the columns ` +
    `${have.length > 0 ? have.join(', ') : '(no age or population columns)'}; ` +
    'it needs a count or share column of that band, columns that add up to it, or a finite band that contains it'
  );
}
