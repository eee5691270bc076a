import Papa from 'papaparse';
import type { PointLayer } from '../types.ts';
import { epsg3035ToWgs84 } from './epsg3035.ts';
import {
  centreFromCellId,
  detectDelimiter,
  type GridColumns,
  type GridValue,
  gridColumns,
  readValue,
} from './grid-header.ts';
import {
  bandOfColumn,
  type DemandGroup,
  type Derivation,
  deriveBand,
  GROUP_BANDS,
  missingBandMessage,
} from './groups.ts';

export interface ZensusGridOptions {
  /** Whose head count becomes the weight; `all` unless `column` is given. */
  group?: DemandGroup;
  /** A column to weight by instead of a group: a count, or a `…_A` percentage of `Einwohner`. */
  column?: string;
  /** Keeps only the rows this returns true for, e.g. the cells inside the city. */
  keep?: (fields: Readonly<Record<string, string>>) => boolean;
  /** `wgs84` (default): lon/lat; `epsg3035`: the grid's own metres, as a planar layer. */
  crs?: 'wgs84' | 'epsg3035';
}

/** `row` is the line number in the file (the header is line 1). */
export interface GridProblem {
  row: number | null;
  column: string | null;
  reason: string;
}

export interface ZensusGridReport {
  /** Data rows read (not counting the header and blank lines). */
  rows: number;
  /** Points in the layer. */
  cells: number;
  /** Rows left out because a figure the weight needs was withheld (-1, -9, empty). */
  withheld: number;
  withheldIds: string[];
  /** Rows whose share column was withheld while the total was known: the file's mean share is used. */
  estimated: number;
  /** Rows the `keep` option dropped. */
  filteredOut: number;
  skipped: Array<{ row: number; reason: string }>;
  /** Sum of the weights: people of the requested group in the layer. */
  totalPopulation: number;
  /** Cell edge in metres (100, 1000) when the header or the ids tell it. */
  cellSize: number | null;
  /** How the weight was computed from the columns, e.g. "Einwohner × unter18_A / 100 × 6/18". */
  weightFrom: string;
  /** True when the weight splits an age band by years (see groups.ts). */
  approximate: boolean;
}

export type ZensusGridResult =
  | { ok: true; layer: PointLayer; report: ZensusGridReport }
  | { ok: false; problems: GridProblem[] };

const MAX_PROBLEMS = 20;

interface Parsed {
  id: string;
  line: number;
  x: number;
  y: number;
  values: GridValue[];
}

function fail(reason: string, row: number | null = null, column: string | null = null): ZensusGridResult {
  return { ok: false, problems: [{ row, column, reason }] };
}

/** The weight's recipe: `Derivation` terms, with the total column's index when a share needs it. */
function weightRecipe(header: string[], options: ZensusGridOptions): Derivation | string {
  const bands = header.map(bandOfColumn).filter((b) => b !== null);
  const total = bands.find((b) => b.kind === 'count' && !Number.isFinite(b.band.to) && b.band.from === 0);
  if (options.column !== undefined) {
    if (!header.includes(options.column)) {
      return `column "${options.column}" is not in the file (columns: ${header.join(', ')})`;
    }
    const band = bandOfColumn(options.column);
    if (band?.kind === 'share' && !total) return `share column "${options.column}" needs an Einwohner column`;
    const source = band ?? { column: options.column, band: GROUP_BANDS.all, kind: 'count' as const };
    const description = band?.kind === 'share' ? `${total?.column} × ${options.column} / 100` : options.column;
    return { terms: [{ source, factor: 1 }], approximate: false, description };
  }
  const group = options.group ?? 'all';
  return deriveBand(GROUP_BANDS[group], bands, total?.column ?? null) ?? missingBandMessage(group, bands);
}

/**
 * Reads a Zensus grid CSV (100 m or 1 km, EPSG:3035 cell centres) into a demand layer weighted by
 * the head count of a demand group. Pure: takes the file's text. Cells missing from the file are
 * uninhabited (or, at 100 m, home to fewer than 3 people): they are not in the layer. See
 * README.md in this folder for withheld figures, shares and the `families` approximation.
 */
export function parseZensusGrid(csvText: string, options: ZensusGridOptions = {}): ZensusGridResult {
  if (options.group !== undefined && options.column !== undefined) return fail('give either a group or a column');
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.trim() === '') return fail('the file is empty', 1);
  const delimiter = detectDelimiter(firstLine);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) return fail(quoteError.message, (quoteError.row ?? 0) + 1);
  const [headerRow, ...rows] = parsed.data;
  const header = (headerRow ?? []).map((h) => h.trim());
  const columns = gridColumns(header);
  if ((columns.x < 0 || columns.y < 0) && columns.id < 0) {
    return fail(`no cell centre columns (x_mp_100m/y_mp_100m, x_mp_1km/y_mp_1km) and no Gitter_ID column`, 1);
  }
  const recipe = weightRecipe(header, options);
  if (typeof recipe === 'string') return fail(recipe, 1);
  const totalIndex = header.findIndex((h) => {
    const b = bandOfColumn(h);
    return b?.kind === 'count' && b.band.from === 0 && !Number.isFinite(b.band.to);
  });
  const termIndex = recipe.terms.map((t) => header.indexOf(t.source.column));
  const decimalComma = delimiter !== ',';

  const problems: GridProblem[] = [];
  const problem = (row: number, column: string | null, reason: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ row, column, reason });
  };
  const skipped: ZensusGridReport['skipped'] = [];
  const cells: Parsed[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  let filteredOut = 0;
  let cellSize = columns.cellSize;

  for (const [k, fields] of rows.entries()) {
    const line = k + 2;
    if (fields.length === 1 && (fields[0] ?? '').trim() === '') continue;
    dataRows++;
    if (fields.length !== header.length) {
      problem(line, null, `has ${fields.length} fields, the header has ${header.length}`);
      continue;
    }
    if (options.keep && !options.keep(Object.fromEntries(header.map((h, i) => [h, fields[i] ?? ''])))) {
      filteredOut++;
      continue;
    }
    const id = columns.id >= 0 ? (fields[columns.id] ?? '').trim() : `row-${line}`;
    const centre = cellCentre(fields, id, header, columns, decimalComma);
    if ('reason' in centre) {
      problem(line, centre.column, centre.reason);
      continue;
    }
    cellSize ??= centre.size;
    const first = seen.get(id);
    if (first !== undefined) {
      skipped.push({ row: line, reason: `cell ${id} already appeared in row ${first}` });
      continue;
    }
    seen.set(id, line);
    const values = [totalIndex, ...termIndex].map((index) =>
      index >= 0 ? readValue(fields[index], decimalComma) : ({ kind: 'withheld', code: 'none' } as const),
    );
    const invalid = values.findIndex((v) => v.kind === 'invalid');
    if (invalid >= 0) {
      const index = [totalIndex, ...termIndex][invalid] as number;
      problem(line, header[index] ?? null, `"${fields[index]}" is not a number`);
      continue;
    }
    recipe.terms.forEach((t, n) => {
      const v = values[n + 1];
      if (t.source.kind === 'share' && v?.kind === 'value' && v.value > 100) {
        problem(line, t.source.column, `share ${v.value} is over 100 %`);
      }
    });
    cells.push({ id, line, x: centre.x, y: centre.y, values });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (dataRows === 0) return fail('the file has a header but no rows', 2);

  const meanShares = recipe.terms.map((t, n) => (t.source.kind === 'share' ? meanShare(cells, n + 1) : 0));
  const ids: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const weights: number[] = [];
  const withheldIds: string[] = [];
  let estimated = 0;
  for (const cell of cells) {
    const total = cell.values[0];
    let weight = 0;
    let withheld = false;
    let guessed = false;
    recipe.terms.forEach((term, n) => {
      const v = cell.values[n + 1] as GridValue;
      if (term.source.kind === 'count') {
        if (v.kind === 'value') weight += term.factor * v.value;
        else withheld = true;
        return;
      }
      if (total?.kind !== 'value') {
        withheld = true;
        return;
      }
      const share = v.kind === 'value' ? v.value : (meanShares[n] as number);
      if (v.kind !== 'value') guessed = true;
      weight += (term.factor * total.value * share) / 100;
    });
    if (withheld) {
      withheldIds.push(cell.id);
      continue;
    }
    if (guessed) estimated++;
    ids.push(cell.id);
    if (options.crs === 'epsg3035') {
      xs.push(cell.x);
      ys.push(cell.y);
    } else {
      const [lon, lat] = epsg3035ToWgs84(cell.x, cell.y);
      xs.push(lon);
      ys.push(lat);
    }
    weights.push(weight);
  }
  const layer: PointLayer = {
    ids,
    x: Float64Array.from(xs),
    y: Float64Array.from(ys),
    weight: Float64Array.from(weights),
    crs: options.crs === 'epsg3035' ? 'planar' : 'wgs84',
  };
  return {
    ok: true,
    layer,
    report: {
      rows: dataRows,
      cells: ids.length,
      withheld: withheldIds.length,
      withheldIds,
      estimated,
      filteredOut,
      skipped,
      totalPopulation: weights.reduce((a, b) => a + b, 0),
      cellSize,
      weightFrom: recipe.description,
      approximate: recipe.approximate,
    },
  };
}

/** The cell centre from the x/y columns, else from the cell id; or what is wrong with the row. */
function cellCentre(
  fields: readonly string[],
  id: string,
  header: readonly string[],
  columns: GridColumns,
  decimalComma: boolean,
): { x: number; y: number; size: number | null } | { column: string | null; reason: string } {
  if (columns.x >= 0 && columns.y >= 0) {
    const x = readValue(fields[columns.x], decimalComma);
    const y = readValue(fields[columns.y], decimalComma);
    if (x.kind !== 'value')
      return { column: header[columns.x] ?? null, reason: `"${fields[columns.x]}" is not a coordinate` };
    if (y.kind !== 'value')
      return { column: header[columns.y] ?? null, reason: `"${fields[columns.y]}" is not a coordinate` };
    return { x: x.value, y: y.value, size: null };
  }
  const centre = centreFromCellId(id);
  if (!centre)
    return { column: header[columns.id] ?? null, reason: `"${id}" is not a grid cell id like 100mN31619E41458` };
  return centre;
}

/** Population-weighted mean of a share column over the cells where both it and the total are known. */
function meanShare(cells: readonly Parsed[], index: number): number {
  let people = 0;
  let inGroup = 0;
  for (const cell of cells) {
    const total = cell.values[0];
    const share = cell.values[index];
    if (total?.kind === 'value' && share?.kind === 'value') {
      people += total.value;
      inGroup += (total.value * share.value) / 100;
    }
  }
  return people > 0 ? (100 * inGroup) / people : 0;
}

/** True when the first line of a CSV text has the Zensus grid columns (cell centres or cell ids). */
export function looksLikeZensusGrid(csvText: string): boolean {
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const header = firstLine.split(detectDelimiter(firstLine)).map((h) => h.trim().replace(/^"|"$/g, ''));
  const columns = gridColumns(header);
  return (columns.x >= 0 && columns.y >= 0) || columns.id >= 0;
}
