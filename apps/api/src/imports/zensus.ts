import { DEMAND_GROUPS, type DemandGroup } from '@quartiersatlas/domain';
import { bandOfColumn, looksLikeZensusGrid, parseZensusGrid } from '@quartiersatlas/gap';
import Papa from 'papaparse';
import { AppError } from '../errors.ts';
import type { DemandCell } from '../store/demand.ts';
import type { RowProblems } from './report.ts';
import { readNumber, unreadable } from './source-text.ts';

export interface GroupSummary {
  group: DemandGroup;
  /** People of the group in the imported cells. */
  people: number;
  /** How the group's head count is computed from the columns, e.g. `Einwohner × ab65_A / 100`. */
  from: string;
  /** True when an age band was split by years (`unter10 × 6/10` for children under 6). */
  approximate: boolean;
}

export interface ZensusLayer {
  rows: number;
  cells: DemandCell[];
  cellSize: number | null;
  groups: GroupSummary[];
  /** Cells whose age share was withheld while the population was known: the file's mean share is used. */
  estimated: number;
}

const CELL_ID = /^(\d+k?m)N(\d+)E(\d+)$|RES(\d+)(k?m)N(\d+)E(\d+)$/i;
const WITHHELD = /^(-\d+|-|–)?$/;

interface CheckedRow {
  row: number;
  cellId: string;
  withheld: string[];
}

/**
 * Checks every row first, so the report lists each broken one (the grid parser stops listing
 * after a few): the field count, the cell position, and that each population column holds a
 * number or a withheld code (-1, -9, empty, a dash).
 */
function checkRows(text: string, problems: RowProblems): { rows: number; byCell: Map<string, CheckedRow> } {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const decimalComma = delimiter !== ',';
  const [headerRow = [], ...data] = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
  const header = headerRow.map((h) => h.trim());
  const id = header.findIndex((h) => /^gitter_?id/i.test(h));
  const xy = [header.findIndex((h) => /^x_mp/i.test(h)), header.findIndex((h) => /^y_mp/i.test(h))];
  const values = header.flatMap((h, k) => {
    const band = bandOfColumn(h);
    return band ? [{ column: h, index: k, share: band.kind === 'share' }] : [];
  });
  const byCell = new Map<string, CheckedRow>();
  let row = 0;
  data.forEach((fields, index) => {
    if (fields.length === 1 && (fields[0] ?? '').trim() === '') return;
    row++;
    if (fields.length !== header.length) {
      problems.reject({
        row,
        code: 'WRONG_FIELD_COUNT',
        message: `has ${fields.length} fields, the header has ${header.length}`,
      });
      return;
    }
    // Without an id column the grid parser names cells by their line in the file (header = line 1).
    const cellId = id >= 0 ? (fields[id] ?? '').trim() : `row-${index + 2}`;
    const label = id >= 0 ? { id: cellId } : {};
    if (xy.every((k) => k >= 0)) {
      for (const k of xy) {
        if (readNumber(fields[k], decimalComma) === undefined)
          problems.reject({
            row,
            ...label,
            field: header[k],
            code: 'INVALID_COORDINATE',
            message: `"${fields[k]}" is not a grid coordinate`,
          });
      }
    } else if (!CELL_ID.test(cellId)) {
      problems.reject({
        row,
        ...label,
        field: header[id],
        code: 'INVALID_CELL_ID',
        message: `"${cellId}" is not a grid cell id like 100mN31619E41458`,
      });
    }
    const withheld: string[] = [];
    for (const { column, index: k, share } of values) {
      const raw = (fields[k] ?? '').trim();
      if (WITHHELD.test(raw)) {
        withheld.push(`${column} = ${raw === '' ? 'empty' : raw}`);
        continue;
      }
      const value = readNumber(raw, decimalComma);
      if (value === undefined || value < 0)
        problems.reject({ row, ...label, field: column, code: 'INVALID_NUMBER', message: `"${raw}" is not a number` });
      else if (share && value > 100)
        problems.reject({
          row,
          ...label,
          field: column,
          code: 'SHARE_OVER_100',
          message: `share ${value} is over 100 %`,
        });
    }
    if (problems.isRejected(row)) return;
    if (byCell.has(cellId)) {
      const first = byCell.get(cellId) as CheckedRow;
      problems.skip({
        row,
        ...label,
        code: 'DUPLICATE_ROW',
        reason: `cell ${cellId} already appeared in row ${first.row}`,
      });
      return;
    }
    byCell.set(cellId, { row, cellId, withheld });
  });
  return { rows: row, byCell };
}

/**
 * A population layer from a Zensus grid CSV (100 m or 1 km, EPSG:3035), read with the gap
 * engine's grid parser once per demand group. Each group is fed by the columns the file has
 * (see packages/gap/src/demand/README.md): `Einwohner` → everybody, `unter10` → children 0–5 and
 * 6–9, `ab80` → over-80s, `Einwohner × unter18_A` → families and the young age groups,
 * `Einwohner × ab65_A` → over-65s. Cells with a withheld figure are skipped, never read as 0.
 */
export function zensusLayer(text: string, problems: RowProblems): ZensusLayer {
  if (text.trim() === '') throw new AppError('IMPORT_EMPTY');
  if (!looksLikeZensusGrid(text))
    throw unreadable('zensus', 'it has no grid cell columns (Gitter_ID_100m, or x_mp_100m and y_mp_100m)');
  const { rows, byCell } = checkRows(text, problems);
  if (problems.rejectedRows > 0) return { rows, cells: [], cellSize: null, groups: [], estimated: 0 };

  const cells = new Map<string, DemandCell>();
  const withheldIds = new Set<string>();
  const groups: Array<Omit<GroupSummary, 'people'>> = [];
  let cellSize: number | null = null;
  let estimated = 0;
  for (const group of DEMAND_GROUPS) {
    const parsed = parseZensusGrid(text, { group });
    // A group the columns cannot give (no over-80s in an under-10 grid) is simply not in the layer.
    if (!parsed.ok) continue;
    const { layer, report } = parsed;
    groups.push({ group, from: report.weightFrom, approximate: report.approximate });
    cellSize ??= report.cellSize;
    estimated = Math.max(estimated, report.estimated);
    for (const id of report.withheldIds) withheldIds.add(id);
    layer.ids.forEach((id, i) => {
      const cell = cells.get(id) ?? { cellId: id, lon: layer.x[i] as number, lat: layer.y[i] as number, groups: {} };
      cell.groups[group] = layer.weight[i] as number;
      cells.set(id, cell);
    });
  }
  if (groups.length === 0)
    throw unreadable('zensus', 'it has no population columns (Einwohner, unter10, ab80, unter18_A, ab65_A, …)');

  // A cell withheld for one group is left out for all: its other figures are unreliable too.
  const row = (id: string) => byCell.get(id)?.row ?? 0;
  for (const id of [...withheldIds].sort((a, b) => row(a) - row(b))) {
    const checked = byCell.get(id);
    problems.skip({
      row: checked?.row ?? 0,
      id,
      code: 'WITHHELD',
      reason: `figures withheld by the statistical office (${checked?.withheld.join(', ') || 'no value'})`,
    });
    cells.delete(id);
  }
  const kept = [...cells.values()].sort((a, b) => row(a.cellId) - row(b.cellId));
  return {
    rows,
    cells: kept,
    cellSize,
    // Split age bands give fractions of people; a tenth is plenty for a report.
    groups: groups.map((g) => ({
      ...g,
      people: Math.round(kept.reduce((sum, cell) => sum + (cell.groups[g.group] ?? 0), 0) * 10) / 10,
    })),
    estimated,
  };
}
