/** Reading the layout of a Zensus grid CSV: delimiter, cell id and centre columns, cell size, values. */

/** Semicolons (Zensus downloads, German Excel) win over tabs, tabs over commas. */
export function detectDelimiter(firstLine: string): ';' | '\t' | ',' {
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

export interface GridColumns {
  /** Index of `Gitter_ID_100m` / `Gitter_ID_1km` (any case), or -1. */
  id: number;
  /** Indices of the cell-centre columns `x_mp_100m`/`y_mp_100m` (or `_1km`, or bare `x_mp`), or -1. */
  x: number;
  y: number;
  /** Edge length of the cells in metres, when the column names or ids tell it. */
  cellSize: number | null;
}

const ID_COLUMN = /^gitter_?id(_(\d+)(k?m))?$/i;
const X_COLUMN = /^x_mp(_(\d+)(k?m))?$/i;
const Y_COLUMN = /^y_mp(_(\d+)(k?m))?$/i;

function sizeOf(amount: string | undefined, unit: string | undefined): number | null {
  if (amount === undefined || unit === undefined) return null;
  return Number(amount) * (unit.toLowerCase() === 'km' ? 1000 : 1);
}

export function gridColumns(header: readonly string[]): GridColumns {
  const find = (re: RegExp) => header.findIndex((name) => re.test(name.trim()));
  const id = find(ID_COLUMN);
  const x = find(X_COLUMN);
  const y = find(Y_COLUMN);
  const fromX = x >= 0 ? X_COLUMN.exec((header[x] as string).trim()) : null;
  const fromId = id >= 0 ? ID_COLUMN.exec((header[id] as string).trim()) : null;
  const cellSize = sizeOf(fromX?.[2], fromX?.[3]) ?? sizeOf(fromId?.[2], fromId?.[3]);
  return { id, x, y, cellSize };
}

/**
 * The centre of a cell from its id: `100mN31619E41458` (Zensus 2011: lower-left corner in
 * hectometres or kilometres) or `CRS3035RES100mN3161900E4145800` (INSPIRE: corner in metres).
 */
export function centreFromCellId(id: string): { x: number; y: number; size: number } | null {
  const inspire = /RES(\d+)(k?m)N(\d+)E(\d+)$/i.exec(id);
  if (inspire) {
    const size = sizeOf(inspire[1], inspire[2]) as number;
    return { x: Number(inspire[4]) + size / 2, y: Number(inspire[3]) + size / 2, size };
  }
  const short = /^(\d+)(k?m)N(\d+)E(\d+)$/i.exec(id);
  if (short) {
    const size = sizeOf(short[1], short[2]) as number;
    return { x: Number(short[4]) * size + size / 2, y: Number(short[3]) * size + size / 2, size };
  }
  return null;
}

export type GridValue = { kind: 'value'; value: number } | { kind: 'withheld'; code: string } | { kind: 'invalid' };

/**
 * One figure of the table. Negative whole numbers are the statistical offices' codes for figures
 * that were withheld or could not be determined (-1 everywhere, -9 in the share columns of the
 * 1 km table); like an empty field or a dash they mean "unknown", never zero.
 */
export function readValue(raw: string | undefined, decimalComma: boolean): GridValue {
  const text = (raw ?? '').trim();
  if (text === '' || text === '–' || text === '-') return { kind: 'withheld', code: text === '' ? 'empty' : text };
  if (/^-\d+$/.test(text)) return { kind: 'withheld', code: text };
  const normal = decimalComma ? text.replace(',', '.') : text;
  if (!/^\d+(\.\d+)?$/.test(normal)) return { kind: 'invalid' };
  return { kind: 'value', value: Number(normal) };
}
