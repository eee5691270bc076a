import { randomUUID } from 'node:crypto';
import { findCategory, type RecordKind } from '@quartiersatlas/domain';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { writeDemandLayer } from '../store/demand.ts';
import { commitRecordImport, insertImport, type NewImport } from '../store/imports.ts';
import { writeNetwork } from '../store/networks.ts';
import { listQuarters } from '../store/quarters.ts';
import { getTaxonomy } from '../store/taxonomy.ts';
import { csvCandidates } from './csv-points.ts';
import { geojsonCandidates, type RowSource } from './geojson.ts';
import { networkLines, summarizeNetwork } from './network.ts';
import { overpassCandidates } from './overpass.ts';
import { planRecords } from './records.ts';
import { emptyReport, type ImportFormat, type ImportReport, type ImportView, RowProblems } from './report.ts';
import { decodeText, parseJson } from './source-text.ts';
import { zensusLayer } from './zensus.ts';

export interface ImportRequest {
  format: ImportFormat;
  fileName: string;
  category?: string;
  kind?: RecordKind;
  name?: string;
}

interface Outcome {
  rowsTotal: number;
  rowsImported: number;
  report: ImportReport;
}

function queryIssue(field: string, message: string): AppError {
  return new AppError('INVALID_QUERY', { summary: `${field} ${message}` }, [
    { field, code: 'INVALID_PARAMETER', message },
  ]);
}

function layerName(request: ImportRequest): string {
  return request.name ?? request.fileName.replace(/\.[^.]+$/, '');
}

/**
 * Imports one file, all or nothing: every row is checked first; a file with any broken row writes
 * nothing and answers IMPORT_INVALID listing each one; otherwise its records, population layer or
 * street network and its report are written in one transaction. Every attempt that got as far as
 * reading the file is kept in the imports table with its report.
 */
export async function runImport(
  db: Db,
  accountId: string,
  request: ImportRequest,
  body: Buffer | undefined,
): Promise<ImportView> {
  const id = randomUUID();
  const base = { id, format: request.format, fileName: request.fileName, createdBy: accountId };
  const failed = (rowsTotal: number, report: ImportReport): NewImport => ({
    ...base,
    status: 'failed',
    rowsTotal,
    rowsImported: 0,
    report,
  });
  const problems = new RowProblems();
  try {
    if (!body || body.length === 0) throw new AppError('IMPORT_EMPTY');
    const text = decodeText(body, request.format);
    const prepared = await prepare(db, request, text, problems, id, accountId);
    if (problems.rejectedRows > 0) {
      const report = problems.report({ created: 0, updated: 0, unchanged: 0 });
      const view = await insertImport(db, failed(prepared.rowsTotal, report));
      throw new AppError(
        'IMPORT_INVALID',
        { rejected: problems.rejectedRows, total: prepared.rowsTotal },
        { import: view },
      );
    }
    if (prepared.rowsTotal === 0) throw new AppError('IMPORT_EMPTY');
    return await db.transaction().execute(async (trx) => {
      const outcome = await prepared.commit(trx);
      return insertImport(trx, { ...base, status: 'done', ...outcome });
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'IMPORT_UNREADABLE' || error.code === 'IMPORT_EMPTY')) {
      const report = { ...emptyReport(), error: { code: error.code, message: error.message } };
      await insertImport(db, failed(0, report));
    }
    throw error;
  }
}

/** A checked file: its row count, and what writing it does inside the import's transaction. */
interface Prepared {
  rowsTotal: number;
  commit(trx: Parameters<typeof commitRecordImport>[0]): Promise<Outcome>;
}

async function prepare(
  db: Db,
  request: ImportRequest,
  text: string,
  problems: RowProblems,
  importId: string,
  accountId: string,
): Promise<Prepared> {
  if (request.format === 'zensus') {
    const layer = zensusLayer(text, problems);
    if (layer.cells.length === 0 && problems.rejectedRows === 0) throw new AppError('IMPORT_EMPTY');
    return {
      rowsTotal: layer.rows,
      async commit(trx) {
        const groups = layer.groups.map((g) => `${g.group} = ${g.from}`).join('; ');
        const stored = await writeDemandLayer(trx, {
          name: layerName(request),
          sourceNote: `Zensus grid from ${request.fileName} (© Statistische Ämter des Bundes und der Länder, dl-de/by-2.0); ${groups}`,
          demo: false,
          cells: layer.cells,
        });
        const report = problems.report({ created: layer.cells.length, updated: 0, unchanged: 0 });
        report.layer = {
          type: 'population',
          ...stored,
          // A grid of under-10s counts no "everybody": no population figure rather than 0 people.
          population: layer.groups.some((g) => g.group === 'all') ? stored.population : null,
          cellSize: layer.cellSize,
          groups: layer.groups,
          estimated: layer.estimated,
        };
        return { rowsTotal: layer.rows, rowsImported: layer.cells.length, report };
      },
    };
  }
  if (request.format === 'network') {
    const { rows, lines } = networkLines(parseJson(text, 'network'), problems);
    if (lines.length === 0 && problems.rejectedRows === 0) throw new AppError('IMPORT_EMPTY');
    return {
      rowsTotal: rows,
      async commit(trx) {
        const summary = summarizeNetwork(lines);
        const stored = await writeNetwork(trx, {
          name: layerName(request),
          sourceNote: `Street network from ${request.fileName}`,
          edgeCount: summary.edgeCount,
          lengthM: summary.lengthM,
          bbox: summary.bbox,
          lines,
          createdBy: accountId,
        });
        const report = problems.report({ created: lines.length, updated: 0, unchanged: 0 });
        report.layer = { type: 'street-network', ...stored, ...summary };
        return { rowsTotal: rows, rowsImported: lines.length, report };
      },
    };
  }
  return prepareRecords(db, request, text, problems, importId, accountId);
}

async function prepareRecords(
  db: Db,
  request: ImportRequest,
  text: string,
  problems: RowProblems,
  importId: string,
  accountId: string,
): Promise<Prepared> {
  const [taxonomy, quarters] = await Promise.all([getTaxonomy(db), listQuarters(db)]);
  const kind = request.kind ?? 'service';
  if (request.category !== undefined) {
    if (kind === 'vacancy' || kind === 'brownfield') throw queryIssue('category', `does not apply to a ${kind}`);
    if (!findCategory(taxonomy, request.category)) {
      throw new AppError('UNKNOWN_CATEGORY', { summary: `category "${request.category}" is not in the taxonomy` }, [
        { field: 'category', code: 'UNKNOWN_CATEGORY', message: `"${request.category}" is not in the taxonomy` },
      ]);
    }
  }
  const fallback = { kind, ...(request.category ? { category: request.category } : {}) };
  let source: RowSource;
  if (request.format === 'csv') source = csvCandidates(text, fallback, problems);
  else if (request.format === 'overpass') source = overpassCandidates(parseJson(text, 'overpass'), fallback, problems);
  else source = geojsonCandidates(parseJson(text, 'geojson'), fallback, problems);
  const plan = await planRecords(db, source.candidates, { taxonomy, quarters }, problems);
  return {
    rowsTotal: source.rows,
    async commit(trx) {
      await commitRecordImport(trx, plan, {
        accountId,
        note: `Imported from ${request.fileName} (import ${importId})`,
      });
      const counts = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
      const report = { ...problems.report(counts), categories: plan.categories };
      return { rowsTotal: source.rows, rowsImported: counts.created + counts.updated + counts.unchanged, report };
    },
  };
}
