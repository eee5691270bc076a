import { StringEnum } from '@quartiersatlas/domain';

export const IMPORT_FORMATS = ['geojson', 'overpass', 'csv', 'zensus', 'network'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const ImportFormatSchema = StringEnum(IMPORT_FORMATS);

/** A row that stops the whole file: `row` is the 1-based data row or feature number. */
export interface RejectedRow {
  row: number;
  /** The row's own identifier where it has one (OSM `node/123`, a stop id). */
  id?: string;
  /** The column or property at fault. */
  field?: string;
  code: string;
  message: string;
}

/** A readable row that is deliberately not imported (outside every quarter, a withheld figure, …). */
export interface SkippedRow {
  row: number;
  id?: string;
  code: string;
  reason: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  /** Rows already stored exactly so: nothing written, no new version for devices to pull. */
  unchanged: number;
  skipped: SkippedRow[];
  /** Skipped rows beyond the listed ones. */
  skippedMore: number;
  rejected: RejectedRow[];
  rejectedMore: number;
  /** Rows with at least one problem (a row can be listed more than once, once per problem). */
  rejectedRows: number;
  /** Imported records per category. */
  categories?: Record<string, number>;
  /** What a population layer or a street network import produced. */
  layer?: Record<string, unknown>;
  /** Why a file was refused as a whole (unreadable, empty). */
  error?: { code: string; message: string };
}

export type ImportStatus = 'done' | 'failed';

export interface ImportView {
  id: string;
  format: ImportFormat;
  fileName: string;
  status: ImportStatus;
  rowsTotal: number;
  rowsImported: number;
  createdAt: string;
  createdBy: string | null;
  report: ImportReport;
}

// A broken export can have a problem in every one of 100,000 rows; the first thousand tell the story.
const MAX_LISTED = 1000;

/** Collects rejected and skipped rows while a file is read, listing at most MAX_LISTED of each. */
export class RowProblems {
  readonly rejected: RejectedRow[] = [];
  readonly skipped: SkippedRow[] = [];
  rejectedMore = 0;
  skippedMore = 0;
  skippedCount = 0;
  private readonly rejectedRowNumbers = new Set<number>();

  reject(entry: RejectedRow): void {
    this.rejectedRowNumbers.add(entry.row);
    if (this.rejected.length < MAX_LISTED) this.rejected.push(entry);
    else this.rejectedMore++;
  }

  skip(entry: SkippedRow): void {
    this.skippedCount++;
    if (this.skipped.length < MAX_LISTED) this.skipped.push(entry);
    else this.skippedMore++;
  }

  isRejected(row: number): boolean {
    return this.rejectedRowNumbers.has(row);
  }

  get rejectedRows(): number {
    return this.rejectedRowNumbers.size;
  }

  report(counts: { created: number; updated: number; unchanged: number }): ImportReport {
    return {
      ...counts,
      skipped: this.skipped,
      skippedMore: this.skippedMore,
      rejected: this.rejected,
      rejectedMore: this.rejectedMore,
      rejectedRows: this.rejectedRows,
    };
  }
}

export function emptyReport(): ImportReport {
  return new RowProblems().report({ created: 0, updated: 0, unchanged: 0 });
}
