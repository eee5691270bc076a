import { RECORD_KINDS, StringEnum } from '@quartiersatlas/domain';
import type { GapAnalysisResult } from '@quartiersatlas/gap';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import {
  ANALYSIS_LAYERS,
  type AnalysisLayer,
  type AnalysisLayerName,
  gridLayer,
  layerTable,
  potentialsLayer,
  quartersLayer,
} from '../exports/analysis-layers.ts';
import { excelCsv } from '../exports/excel-csv.ts';
import { sendGeoPackage } from '../exports/geopackage.ts';
import { recordLayers } from '../exports/record-layers.ts';
import { recordTable } from '../exports/record-table.ts';
import { requireCaller, STAFF, TEAM } from '../plugins/auth.ts';
import { getJob, getResult } from '../store/analyses.ts';
import { listQuarters } from '../store/quarters.ts';
import { listRecords, type StoredRecord, toFeature } from '../store/records.ts';
import { MAX_PAGE, RecordQueryFields, recordFilter } from './records.ts';

/** More than any neighbourhood lab holds; a larger export should be narrowed by quarter or kind. */
export const MAX_EXPORT = 200_000;

const FORMATS = ['geojson', 'csv', 'gpkg'] as const;
const FORMAT_DESCRIPTION =
  'geojson (GeoJSON FeatureCollection), csv (UTF-8 with BOM, semicolons: opens in Excel) or gpkg (GeoPackage for QGIS and GDAL, WGS 84)';

const ExportQuery = Type.Object(
  { format: StringEnum(FORMATS, { description: FORMAT_DESCRIPTION }), ...RecordQueryFields },
  { additionalProperties: false },
);
type ExportQuery = Static<typeof ExportQuery>;

const AnalysisParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const AnalysisExportQuery = Type.Object(
  {
    format: StringEnum(FORMATS, { description: FORMAT_DESCRIPTION }),
    layer: Type.Optional(
      StringEnum(ANALYSIS_LAYERS, {
        description:
          'grid (H3 cells, default), quarters (per-quarter table) or potentials (ranked sites); gpkg holds all three',
      }),
    ),
  },
  { additionalProperties: false },
);

const MEDIA_TYPES = { csv: 'text/csv; charset=utf-8', geojson: 'application/geo+json; charset=utf-8' } as const;

function attachment(name: string): string {
  return `attachment; filename="${name}"`;
}

export async function exportRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get<{ Querystring: ExportQuery }>(
    '/api/v1/exports/records',
    {
      config: { access: TEAM },
      schema: {
        tags: ['exports'],
        summary: 'Download records as a file, with the same filters as the records list',
        description: `GeoJSON, CSV or GeoPackage as an attachment. The CSV has one row per record: id, kind, category, quarter, session, status, lon/lat (the point, or the middle of an outline), the geometry as WKT, every field, and the server's timestamps. The GeoPackage has one layer per record kind (services, vacancies, brownfields, needs) with typed columns, in WGS 84 (EPSG:4326). At most ${MAX_EXPORT.toLocaleString('en')} records.`,
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const filter = recordFilter(requireCaller(request), query);
      const records: StoredRecord[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await listRecords(db, { ...filter, after, limit: MAX_PAGE });
        records.push(...page.records);
        if (records.length > MAX_EXPORT) throw new AppError('EXPORT_TOO_LARGE', { limit: MAX_EXPORT });
        if (!page.hasMore) break;
        after = page.records.at(-1)?.id;
      }
      const name = `quartiersatlas-records-${new Date().toISOString().slice(0, 10)}.${format}`;
      if (format === 'gpkg') return sendGeoPackage(reply, name, recordLayers(records, filter.kinds ?? RECORD_KINDS));
      reply.header('content-disposition', attachment(name));
      if (format === 'csv') {
        const { header, rows } = recordTable(records);
        return reply.type(MEDIA_TYPES.csv).send(excelCsv(header, rows));
      }
      return reply.type(MEDIA_TYPES.geojson).send({ type: 'FeatureCollection', features: records.map(toFeature) });
    },
  );

  app.get<{ Params: Static<typeof AnalysisParams>; Querystring: Static<typeof AnalysisExportQuery> }>(
    '/api/v1/analyses/:id/export',
    {
      config: { access: STAFF },
      schema: {
        tags: ['exports', 'analyses'],
        summary: 'Download the result of a finished analysis as GeoJSON, CSV or GeoPackage',
        description:
          'GeoJSON and CSV hold one layer (grid by default); the GeoPackage holds all three: grid (H3 cells with every measure), quarters (the per-quarter table with outlines) and potentials (ranked candidate sites).',
        params: AnalysisParams,
        querystring: AnalysisExportQuery,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { format, layer = 'grid' } = request.query;
      const job = await getJob(db, id);
      if (!job) throw new AppError('ANALYSIS_NOT_FOUND', { id });
      const raw = job.status === 'done' ? await getResult(db, id) : null;
      if (raw === null) throw new AppError('ANALYSIS_NOT_DONE', { id, status: job.status });
      const result = JSON.parse(raw) as GapAnalysisResult;
      const quarters = await listQuarters(db);
      const build: Record<AnalysisLayerName, () => AnalysisLayer> = {
        grid: () => gridLayer(job, result),
        quarters: () => quartersLayer(job, result, quarters),
        potentials: () => potentialsLayer(job, result),
      };
      const base = `quartiersatlas-analyse-${job.category}-${(job.finishedAt ?? job.createdAt).slice(0, 10)}`;
      if (format === 'gpkg')
        return sendGeoPackage(
          reply,
          `${base}.gpkg`,
          ANALYSIS_LAYERS.map((name) => build[name]()),
        );
      const chosen = build[layer]();
      reply.header('content-disposition', attachment(`${base}-${layer}.${format}`));
      if (format === 'csv') {
        const { header, rows } = layerTable(chosen);
        return reply.type(MEDIA_TYPES.csv).send(excelCsv(header, rows));
      }
      return reply
        .type(MEDIA_TYPES.geojson)
        .send({ type: 'FeatureCollection', name: layer, features: chosen.features });
    },
  );
}
