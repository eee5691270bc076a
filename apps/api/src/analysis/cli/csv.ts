import Papa from 'papaparse';
import { UsageError } from './usage-error.ts';

export interface CsvTable {
  header: string[];
  /** Data rows with their line number in the file (the header is line 1); blank lines left out. */
  rows: Array<{ line: number; fields: string[] }>;
  /** Semicolon files (German Excel) may write decimal commas. */
  decimalComma: boolean;
}

/** Reads a CSV text; `source` names the argument and file in error messages ("--supply schools.csv"). */
export function readCsv(text: string, source: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  if (firstLine.trim() === '') throw new UsageError(`${source}: the file is empty`);
  const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(body, { delimiter, header: false, skipEmptyLines: false });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) throw new UsageError(`${source} row ${(quote.row ?? 0) + 1}: ${quote.message}`);
  const [head, ...data] = parsed.data;
  const header = (head ?? []).map((h) => h.trim());
  const rows: CsvTable['rows'] = [];
  data.forEach((fields, k) => {
    const line = k + 2;
    if (fields.length === 1 && (fields[0] ?? '').trim() === '') return;
    if (fields.length !== header.length) {
      throw new UsageError(`${source} row ${line}: has ${fields.length} fields, the header has ${header.length}`);
    }
    rows.push({ line, fields });
  });
  return { header, rows, decimalComma: delimiter === ';' };
}

/** The column named `name` (exactly, else ignoring case), or -1. */
export function columnIndex(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  return exact >= 0 ? exact : header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
}

/** The first column with one of the names (ignoring case), or -1. */
export function anyColumn(header: readonly string[], names: readonly string[]): number {
  return header.findIndex((h) => names.includes(h.toLowerCase()));
}

/** A finite number from a field (decimal comma allowed in semicolon files), or undefined. */
export function readNumber(raw: string | undefined, decimalComma: boolean): number | undefined {
  const text = (raw ?? '').trim();
  if (text === '') return undefined;
  const value = Number(decimalComma ? text.replace(',', '.') : text);
  return Number.isFinite(value) ? value : undefined;
}
