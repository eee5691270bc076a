import type { MultiPolygon, Polygon } from '@quartiersatlas/domain';
import {
  geometryIssues,
  normalizeGeometry,
  type Quarter,
  QuarterInputSchema,
  quarterGeometry,
  Slug,
} from '@quartiersatlas/domain';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { AppError, invalidInput } from '../errors.ts';
import { STAFF } from '../plugins/auth.ts';
import { getQuarter, listQuarters, putQuarter } from '../store/quarters.ts';
import { countRecords } from '../store/records.ts';

const IdParams = Type.Object({ id: Slug }, { additionalProperties: false });

const QuarterFeatureInput = Type.Object(
  {
    type: Type.Literal('Feature'),
    id: Type.Optional(Slug),
    geometry: Type.Object(
      { type: Type.String(), coordinates: Type.Array(Type.Unknown()) },
      { description: 'GeoJSON Polygon or MultiPolygon in WGS84' },
    ),
    properties: Type.Omit(QuarterInputSchema, ['id']),
  },
  { additionalProperties: false },
);

const EMPTY_COUNTS = { service: 0, vacancy: 0, brownfield: 0, need: 0 };

function toFeature(quarter: Quarter, counts = EMPTY_COUNTS) {
  return {
    type: 'Feature' as const,
    id: quarter.id,
    geometry: quarter.geometry,
    properties: {
      name: quarter.name,
      city: quarter.city,
      approximate: quarter.approximate,
      sourceNote: quarter.sourceNote,
      demo: quarter.demo,
      recordCounts: counts,
    },
  };
}

export async function quarterRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get(
    '/api/v1/quarters',
    {
      config: { access: 'public' },
      schema: { tags: ['quarters'], summary: 'The quarters with their outlines and counts of published records' },
    },
    async () => {
      const [quarters, counts] = await Promise.all([listQuarters(db), countRecords(db)]);
      return { type: 'FeatureCollection', features: quarters.map((q) => toFeature(q, counts.get(q.id))) };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/v1/quarters/:id',
    { config: { access: 'public' }, schema: { tags: ['quarters'], summary: 'One quarter', params: IdParams } },
    async (request) => {
      const quarter = await getQuarter(db, request.params.id);
      if (!quarter) throw new AppError('QUARTER_NOT_FOUND', { id: request.params.id });
      const counts = await countRecords(db);
      return toFeature(quarter, counts.get(quarter.id));
    },
  );

  app.put<{ Params: Static<typeof IdParams>; Body: Static<typeof QuarterFeatureInput> }>(
    '/api/v1/quarters/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['quarters'],
        summary: 'Create a quarter or replace its outline and names',
        params: IdParams,
        body: QuarterFeatureInput,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      if (body.id !== undefined && body.id !== id) {
        throw invalidInput([{ field: 'id', code: 'ID_MISMATCH', message: `must match the id in the path ("${id}")` }]);
      }
      const issues = geometryIssues(body.geometry, quarterGeometry);
      if (issues.length > 0) throw invalidInput(issues);
      const geometry = normalizeGeometry(body.geometry as Polygon) as Polygon | MultiPolygon;
      const created = await putQuarter(db, { id, ...body.properties, geometry, demo: false });
      const quarter = (await getQuarter(db, id)) as Quarter;
      reply.code(created ? 201 : 200);
      return toFeature(quarter, (await countRecords(db)).get(id));
    },
  );
}
