import { RECORD_KINDS, SlugPattern, StringEnum } from '@quartiersatlas/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { ImportFormatSchema } from '../imports/report.ts';
import { runImport } from '../imports/run.ts';
import { requireCaller, STAFF } from '../plugins/auth.ts';
import { getImport, listImports } from '../store/imports.ts';

/** Larger than the street network of a city district or a Zensus 100 m grid of a whole city. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

const ImportQuery = Type.Object(
  {
    format: ImportFormatSchema,
    fileName: Type.String({ minLength: 1, maxLength: 255, description: 'the file name, for the import list' }),
    category: Type.Optional(
      Type.String({
        pattern: SlugPattern,
        description:
          'taxonomy category for rows that do not say their own (CSV, plain GeoJSON, OSM objects no rule maps)',
      }),
    ),
    kind: Type.Optional(StringEnum(RECORD_KINDS, { description: 'record kind for such rows; default service' })),
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'name of a population layer or street network' }),
    ),
  },
  { additionalProperties: false },
);
type ImportQuery = Static<typeof ImportQuery>;

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

/** Imports of GeoJSON, Overpass JSON, CSV points, Zensus grids and street networks. */
export async function importRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  // The file is the body as it is, whatever its type; only this plugin's routes read it so.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  // The types an HTML form can send from another site stay refused, as on every other route.
  app.addContentTypeParser(FORM_TYPES, (_request, _payload, done) => done(new AppError('UNSUPPORTED_MEDIA_TYPE')));
  app.setErrorHandler((error: FastifyError) => {
    // Rethrown, the error reaches the app's handler, which answers in the catalogue's form.
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      throw new AppError('IMPORT_TOO_LARGE', { limit: MAX_IMPORT_BYTES });
    throw error;
  });

  app.post<{ Querystring: ImportQuery; Body: Buffer | undefined }>(
    '/api/v1/imports',
    {
      config: { access: STAFF },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['imports'],
        summary: 'Import a file: records, a population layer or a street network (all or nothing)',
        description: `The body is the file itself (any content type but the form encodings and text/plain, e.g. application/octet-stream; at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB). geojson: our own exports, OSM GeoJSON (tags mapped by data/osm-tags.json) or plain points with a category; overpass: Overpass API JSON (out center); csv: points with latitude/longitude columns; zensus: a Zensus grid CSV (EPSG:3035), becomes a population layer; network: street lines for walking distances. A file with any broken row imports nothing and answers 422 IMPORT_INVALID with every rejected row in details.import.report.rejected; rows outside the quarters (over 2 km away) are skipped and listed.`,
        querystring: ImportQuery,
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const view = await runImport(db, caller.account.id, request.query, request.body);
      reply.code(201).header('location', `/api/v1/imports/${view.id}`);
      return { import: view };
    },
  );

  app.get(
    '/api/v1/imports',
    {
      config: { access: STAFF },
      schema: { tags: ['imports'], summary: 'The 50 most recent imports with their reports, newest first' },
    },
    async () => ({ imports: await listImports(db, 50) }),
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/v1/imports/:id',
    {
      config: { access: STAFF },
      schema: { tags: ['imports'], summary: 'One import with its report', params: IdParams },
    },
    async (request) => {
      const found = await getImport(db, request.params.id);
      if (!found) throw new AppError('IMPORT_NOT_FOUND', { id: request.params.id });
      return { import: found };
    },
  );
}
