import { request } from '../api/client.ts';

export const IMPORT_FORMATS = ['geojson', 'overpass', 'csv', 'zensus', 'network'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** Formats whose rows become records (and so take a kind and a category); the others are layers. */
export const RECORD_FORMATS: readonly ImportFormat[] = ['geojson', 'overpass', 'csv'];

/** A readable row deliberately left out (outside every quarter, a withheld figure, …). */
export interface SkippedRow {
  row: number;
  id?: string;
  reason: string;
  code: string;
}

/** A row that kept the whole file from being imported. */
export interface RejectedRow {
  /** 1-based data row, or feature index + 1. */
  row: number;
  id?: string;
  field?: string;
  code: string;
  message: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  /** Rows stored exactly so already. */
  unchanged?: number;
  skipped: SkippedRow[];
  /** Skipped rows beyond the listed ones. */
  skippedMore?: number;
  rejected: RejectedRow[];
  rejectedMore?: number;
  /** Rows with at least one problem (a row is listed once per problem). */
  rejectedRows?: number;
  /** The demand layer or street network a Zensus grid or network file became. */
  layer?: Record<string, unknown>;
  /** Why a file was refused as a whole (unreadable, empty). */
  error?: { code: string; message: string };
}

export interface ImportSummary {
  id: string;
  format: string;
  fileName: string;
  status: 'done' | 'failed';
  rowsTotal: number;
  rowsImported: number;
  createdAt: string;
  report: ImportReport;
}

export async function fetchImports(signal: AbortSignal): Promise<ImportSummary[]> {
  return (await request<{ imports: ImportSummary[] }>('/api/v1/imports', { signal })).imports;
}

/** The import a refused file (422 IMPORT_INVALID) carries in its error details, if it is there. */
export function refusedImport(details: unknown): ImportSummary | null {
  if (details === null || typeof details !== 'object') return null;
  const value = (details as { import?: unknown }).import;
  if (value === null || typeof value !== 'object') return null;
  const report = (value as { report?: unknown }).report;
  if (report === null || typeof report !== 'object') return null;
  return value as ImportSummary;
}
