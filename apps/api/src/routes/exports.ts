import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { excelCsv } from '../exports/excel-csv.ts';
import { recordTable } from '../exports/record-table.ts';
import { requireCaller, SIGNED_IN } from '../plugins/auth.ts';
import { listRecords, type StoredRecord, toFeature } from '../store/records.ts';
import { MAX_PAGE, RecordQueryFields, recordFilter } from './records.ts';

/** More than any neighbourhood lab holds; a larger export should be narrowed by quarter or kind. */
export const MAX_EXPORT = 200_000;

const ExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('geojson'), Type.Literal('csv')], {
      description: 'geojson (GeoJSON FeatureCollection) or csv (UTF-8 with BOM, semicolons: opens in Excel)',
    }),
    ...RecordQueryFields,
  },
  { additionalProperties: false },
);
type ExportQuery = Static<typeof ExportQuery>;

function fileName(format: ExportQuery['format'], today: string): string {
  return `quartiersatlas-records-${today}.${format}`;
}

export async function exportRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get<{ Querystring: ExportQuery }>(
    '/api/v1/exports/records',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['exports'],
        summary: 'Download records as a file, with the same filters as the records list',
        description: `GeoJSON or CSV as an attachment. The CSV has one row per record: id, kind, category, quarter, session, status, lon/lat (the point, or the middle of an outline), the geometry as WKT, every field, and the server's timestamps. At most ${MAX_EXPORT.toLocaleString('en')} records.`,
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
      const name = fileName(format, new Date().toISOString().slice(0, 10));
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'csv') {
        const { header, rows } = recordTable(records);
        return reply.type('text/csv; charset=utf-8').send(excelCsv(header, rows));
      }
      return reply
        .type('application/geo+json; charset=utf-8')
        .send({ type: 'FeatureCollection', features: records.map(toFeature) });
    },
  );
}
