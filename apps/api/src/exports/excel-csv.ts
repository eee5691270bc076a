import Papa from 'papaparse';

// Excel reads a cell starting with one of these as a formula, even from a CSV file: a resident's
// "=HYPERLINK(…)" must arrive as text (OWASP "CSV injection").
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
  return `\uFEFF${Papa.unparse({ fields: [...header], data }, { delimiter: ';', newline: '\r\n' })}\r\n`;
}
