import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { analysisItem, analysisItems } from '../ogc/analysis-items.ts';
import { collectionDoc, collectionInfo, extentsFor, findCollection, listCollections } from '../ogc/collections.ts';
import { GEOJSON_TYPE, JSON_TYPE, link, ogcRoot, SCHEMA_TYPE, withQuery } from '../ogc/links.ts';
import { pageLinks, pageRequest } from '../ogc/paging.ts';
import {
  CollectionParams,
  CRS84,
  DEFAULT_LIMIT,
  FormatQuery,
  ItemParams,
  ItemsQuery,
  parseBbox,
  parseDatetime,
  queryError,
} from '../ogc/params.ts';
import { recordItem, recordItems } from '../ogc/record-items.ts';
import { featureSchema } from '../ogc/schema.ts';

/**
 * OGC API – Features, Part 1 (Core and GeoJSON) at /ogc, for QGIS, GDAL and other GIS clients.
 * Everybody may call it; what a caller sees depends on who they are (session cookie or device
 * token): see docs/gis.md. Not under /api/v1 because GIS clients are given just this root URL.
 */

const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
];

const PUBLIC = { access: 'public' } as const;

function sendJson(reply: FastifyReply, type: string, body: unknown): FastifyReply {
  return reply.type(`${type}; charset=utf-8`).send(body);
}

export async function ogcRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const tags = ['ogc'];

  app.get(
    '/ogc',
    { config: PUBLIC, schema: { tags, summary: 'OGC API – Features landing page', querystring: FormatQuery } },
    async (request, reply) => {
      const root = ogcRoot(request);
      const origin = root.slice(0, -'/ogc'.length);
      return sendJson(reply, JSON_TYPE, {
        title: 'Quartiersatlas – OGC API Features',
        description:
          'Services, vacancies, brownfield sites and needs recorded in the neighbourhood labs, and (for planners) stored gap-analysis results. Angebote, Leerstände, Brachflächen und Bedarfe der Quartierslabore.',
        links: [
          link('self', JSON_TYPE, root, 'this page'),
          link(
            'service-desc',
            'application/vnd.oai.openapi+json;version=3.1',
            `${origin}/api/docs/json`,
            'OpenAPI description',
          ),
          link('service-doc', 'text/html', `${origin}/api/docs`, 'API documentation'),
          link('conformance', JSON_TYPE, `${root}/conformance`, 'conformance classes'),
          link('data', JSON_TYPE, `${root}/collections`, 'collections'),
        ],
      });
    },
  );

  app.get(
    '/ogc/conformance',
    { config: PUBLIC, schema: { tags, summary: 'Conformance classes implemented', querystring: FormatQuery } },
    async (_request, reply) => sendJson(reply, JSON_TYPE, { conformsTo: CONFORMANCE }),
  );

  app.get(
    '/ogc/collections',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Collections: one per record kind; for planners also one per stored analysis result',
        querystring: FormatQuery,
      },
    },
    async (request, reply) => {
      const root = ogcRoot(request);
      const collections = await listCollections(db, request.caller);
      const extents = await extentsFor(db, request.caller, collections);
      return sendJson(reply, JSON_TYPE, {
        links: [link('self', JSON_TYPE, `${root}/collections`, 'this list')],
        collections: collections.map((c) => collectionDoc(c, request.caller, root, extents.get(c.id))),
      });
    },
  );

  app.get<{ Params: Static<typeof CollectionParams> }>(
    '/ogc/collections/:collectionId',
    { config: PUBLIC, schema: { tags, summary: 'One collection', params: CollectionParams, querystring: FormatQuery } },
    async (request, reply) => {
      const collection = await findCollection(db, request.caller, request.params.collectionId);
      const extents = await extentsFor(db, request.caller, [collection]);
      return sendJson(
        reply,
        JSON_TYPE,
        collectionDoc(collection, request.caller, ogcRoot(request), extents.get(collection.id)),
      );
    },
  );

  app.get<{ Params: Static<typeof CollectionParams> }>(
    '/ogc/collections/:collectionId/schema',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'JSON Schema of a feature of the collection',
        params: CollectionParams,
        querystring: FormatQuery,
      },
    },
    async (request, reply) => {
      const collection = await findCollection(db, request.caller, request.params.collectionId);
      const info = collectionInfo(collection, request.caller);
      const id = `${ogcRoot(request)}/collections/${collection.id}/schema`;
      return sendJson(reply, SCHEMA_TYPE, featureSchema(id, info.title, info.geometry, info.columns));
    },
  );

  app.get<{ Params: Static<typeof CollectionParams>; Querystring: ItemsQuery }>(
    '/ogc/collections/:collectionId/items',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Features of a collection, filtered and paged (GeoJSON)',
        description:
          'Pages follow the `next` and `prev` links. `numberMatched` is given on the first page of records and on every page of analysis results.',
        params: CollectionParams,
        querystring: ItemsQuery,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const collection = await findCollection(db, request.caller, request.params.collectionId);
      const bbox = parseBbox(q.bbox);
      const time = parseDatetime(q.datetime);
      const page = pageRequest(q, DEFAULT_LIMIT);
      let result: { items: Array<{ id: string }>; hasNext: boolean; hasPrev: boolean; numberMatched?: number };
      if (collection.type === 'records') {
        result = await recordItems(
          db,
          request.caller,
          collection.kind,
          { bbox, time, category: q.category, quarter: q.quarter },
          page,
        );
      } else {
        for (const field of ['category', 'quarter'] as const) {
          if (q[field] !== undefined)
            throw queryError(field, 'UNKNOWN_PARAMETER', 'filters records only, not analysis results');
        }
        const items = await analysisItems(db, collection.job, collection.layer, { bbox, time }, page);
        if (!items) throw new AppError('COLLECTION_NOT_FOUND', { id: collection.id });
        result = items;
      }
      const root = ogcRoot(request);
      reply.header('content-crs', `<${CRS84}>`);
      return sendJson(reply, GEOJSON_TYPE, {
        type: 'FeatureCollection',
        timeStamp: new Date().toISOString(),
        ...(result.numberMatched === undefined ? {} : { numberMatched: result.numberMatched }),
        numberReturned: result.items.length,
        features: result.items,
        links: [
          link('self', GEOJSON_TYPE, withQuery(request, {}), 'this page'),
          link('collection', JSON_TYPE, `${root}/collections/${collection.id}`, 'the collection'),
          ...pageLinks(request, result),
        ],
      });
    },
  );

  app.get<{ Params: Static<typeof ItemParams> }>(
    '/ogc/collections/:collectionId/items/:featureId',
    {
      config: PUBLIC,
      schema: { tags, summary: 'One feature (GeoJSON)', params: ItemParams, querystring: FormatQuery },
    },
    async (request, reply) => {
      const { collectionId, featureId } = request.params;
      const collection = await findCollection(db, request.caller, collectionId);
      const feature =
        collection.type === 'records'
          ? await recordItem(db, request.caller, collection.kind, featureId)
          : await analysisItem(db, collection.job, collection.layer, featureId);
      if (!feature) throw new AppError('FEATURE_NOT_FOUND', { id: featureId, collection: collection.id });
      const base = `${ogcRoot(request)}/collections/${collection.id}`;
      return sendJson(reply, GEOJSON_TYPE, {
        ...feature,
        links: [
          link('self', GEOJSON_TYPE, `${base}/items/${encodeURIComponent(feature.id)}`, 'this feature'),
          link('collection', JSON_TYPE, base, 'the collection'),
        ],
      });
    },
  );
}
