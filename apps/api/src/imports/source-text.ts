import { createHash } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { ImportFormat } from './report.ts';

export function unreadable(format: ImportFormat, reason: string): AppError {
  return new AppError('IMPORT_UNREADABLE', { format: FORMAT_NAMES[format], reason });
}

const FORMAT_NAMES: Record<ImportFormat, string> = {
  geojson: 'GeoJSON',
  overpass: 'Overpass JSON',
  csv: 'CSV',
  zensus: 'a Zensus grid CSV',
  network: 'a street network GeoJSON',
};

/**
 * The file's text. UTF-8 (a BOM is dropped); CSV files may also come from a German Excel, which
 * writes Windows-1252, so that is tried when the bytes are not UTF-8. A NUL byte means a binary
 * file (a ZIP, a photo, UTF-16), never text we could read.
 */
export function decodeText(bytes: Buffer, format: ImportFormat): string {
  if (bytes.includes(0)) throw unreadable(format, 'it is a binary file, not text (UTF-8 expected)');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (format === 'csv' || format === 'zensus') return new TextDecoder('windows-1252').decode(bytes);
    throw unreadable(format, 'it is not UTF-8 text');
  }
}

export function parseJson(text: string, format: ImportFormat): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw unreadable(format, `it is not valid JSON (${(error as Error).message})`);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Fixed namespace of Quartiersatlas imports: the same source key gives the same record id on every
// server, so importing a file again updates its records instead of adding copies.
const NAMESPACE = Buffer.from('5e0f6c1d9b3a4e27a1c84d2f6b7e9035', 'hex');

/** A UUIDv5 (RFC 9562, SHA-1 name-based) for a source key such as `osm:node/123`. */
export function stableId(key: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(key, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A number from a file: `51.55`, or `51,55` where the delimiter leaves the comma free. */
export function readNumber(raw: unknown, decimalComma: boolean): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  const normal = decimalComma ? text.replace(',', '.') : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normal)) return undefined;
  return Number(normal);
}
