import Papa from 'papaparse';

// Excel reads a cell starting with one of these as a formula, even from a CSV file: a resident's
// "=HYPERLINK(…)" must arrive as text (OWASP "CSV injection"). Numbers are written as numbers
// before this check, so -3.5 stays a number Excel can sum.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as Excel with German settings reads it: decimal comma, lists joined, formulas defused. */
export function excelCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return excelCell(value.map((item) => excelCell(item)).join(', '));
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * CSV that Excel with German settings opens correctly by double-click: UTF-8 with a byte-order mark
 * (else umlauts and Arabic break), semicolons between cells, CRLF line ends. QGIS and LibreOffice
 * read it as well.
 */
export function excelCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const data = rows.map((row) => row.map(excelCell));
  // Column names come from field names as well, so they are defused like any cell.
  const fields = header.map(excelCell);
  return `\uFEFF${Papa.unparse({ fields, data }, { delimiter: ';', newline: '\r\n' })}\r\n`;
}
