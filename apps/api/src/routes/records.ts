import {
  applyRecordPatch,
  type FieldIssue,
  parseRecord,
  RECORD_KINDS,
  RECORD_STATUSES,
  RecordFeatureInputSchema,
  RecordPatchSchema,
  type RecordStatus,
  Slug,
  Uuid,
  type ValidRecord,
} from '@quartiersatlas/domain';
import { accountWriter, canSeeRecord } from '@quartiersatlas/sync';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { AppError, invalidInput } from '../errors.ts';
import { type Caller, requireCaller, TEAM } from '../plugins/auth.ts';
import { accountActor } from '../store/history.ts';
import { getQuarter } from '../store/quarters.ts';
import {
  deleteRecord,
  getRecord,
  insertRecords,
  listRecords,
  type RecordFilter,
  type StoredRecord,
  toFeature,
  updateRecord,
} from '../store/records.ts';
import { getSession } from '../store/sessions.ts';
import { getTaxonomy } from '../store/taxonomy.ts';

export const MAX_PAGE = 10_000;

/** The filters of a records query, shared by the list and the exports. */
export const RecordQueryFields = {
  bbox: Type.Optional(
    Type.String({ description: 'minLon,minLat,maxLon,maxLat (WGS84)', examples: ['7.44,51.54,7.49,51.57'] }),
  ),
  kind: Type.Optional(Type.String({ description: `comma-separated: ${RECORD_KINDS.join(', ')}` })),
  category: Type.Optional(Type.String({ description: 'comma-separated category ids' })),
  quarter: Type.Optional(Slug),
  session: Type.Optional(Uuid),
  status: Type.Optional(
    Type.String({ description: 'comma-separated; default published. Planners may ask for pending,rejected' }),
  ),
  updatedSince: Type.Optional(Type.String({ format: 'date-time' })),
  includeDeleted: Type.Optional(Type.Boolean({ description: 'include tombstones of deleted records' })),
};
const RecordQuery = Type.Object(RecordQueryFields);
export type RecordQuery = Static<typeof RecordQuery>;

const ListQuery = Type.Object(
  {
    ...RecordQueryFields,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1000 })),
    cursor: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
type ListQuery = Static<typeof ListQuery>;

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const DeleteQuery = Type.Object(
  { baseVersion: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
);

function list<T extends string>(raw: string | undefined, allowed: readonly T[], field: string): T[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  const values = raw.split(',').map((v) => v.trim());
  const wrong = values.filter((v) => !allowed.includes(v as T));
  if (wrong.length > 0) {
    const issue = {
      field,
      code: 'INVALID_ENUM',
      message: `"${wrong.join('", "')}" is not one of ${allowed.join(', ')}`,
    };
    throw new AppError('INVALID_QUERY', { summary: `${field} ${issue.message}` }, [issue]);
  }
  return values as T[];
}

function parseBbox(raw: string | undefined): [number, number, number, number] | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((p) => Number(p.trim()));
  const [minLon = Number.NaN, minLat = Number.NaN, maxLon = Number.NaN, maxLat = Number.NaN] = parts;
  const valid =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    minLon >= -180 &&
    maxLon <= 180 &&
    minLat >= -90 &&
    maxLat <= 90 &&
    minLon <= maxLon &&
    minLat <= maxLat;
  if (!valid) {
    const message = 'must be minLon,minLat,maxLon,maxLat in WGS84 with min ≤ max';
    throw new AppError('INVALID_QUERY', { summary: `bbox ${message}` }, [
      { field: 'bbox', code: 'INVALID_BBOX', message },
    ]);
  }
  return [minLon, minLat, maxLon, maxLat];
}

/** The filter of a records query as the caller may ask it: the field team sees published records only. */
export function recordFilter(caller: Caller, q: RecordQuery): Omit<RecordFilter, 'after' | 'limit'> {
  const role = caller.account.role;
  const staff = role === 'admin' || role === 'planner';
  const statuses: RecordStatus[] = staff ? (list(q.status, RECORD_STATUSES, 'status') ?? ['published']) : ['published'];
  return {
    bbox: parseBbox(q.bbox),
    kinds: list(q.kind, RECORD_KINDS, 'kind'),
    categories: q.category ? q.category.split(',').map((c) => c.trim()) : undefined,
    quarterId: q.quarter,
    sessionId: q.session,
    statuses,
    updatedSince: q.updatedSince,
    includeDeleted: q.includeDeleted ?? false,
  };
}

/** What a role may see: the field team what is published, staff everything. */
function visibleTo(caller: Caller, record: StoredRecord): boolean {
  return canSeeRecord({ role: caller.account.role, accountId: caller.account.id }, record);
}

export async function checkReferences(db: Db, record: ValidRecord): Promise<void> {
  if (!(await getQuarter(db, record.quarterId))) {
    throw new AppError('UNKNOWN_QUARTER', { quarterId: record.quarterId }, [
      { field: 'properties.quarterId', code: 'UNKNOWN_QUARTER', message: `there is no quarter "${record.quarterId}"` },
    ]);
  }
  if (record.sessionId === null) return;
  const session = await getSession(db, record.sessionId);
  const issue: FieldIssue | undefined = !session
    ? {
        field: 'properties.sessionId',
        code: 'UNKNOWN_SESSION',
        message: `there is no survey session "${record.sessionId}"`,
      }
    : session.quarterId !== record.quarterId
      ? {
          field: 'properties.sessionId',
          code: 'SESSION_IN_OTHER_QUARTER',
          message: `the session belongs to quarter "${session.quarterId}"`,
        }
      : undefined;
  if (issue) throw new AppError('UNKNOWN_SESSION', { sessionId: record.sessionId }, [issue]);
}

export async function recordRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get<{ Querystring: ListQuery }>(
    '/api/v1/records',
    {
      config: { access: TEAM },
      schema: {
        tags: ['records'],
        summary: 'List records as a GeoJSON FeatureCollection, filtered and paged',
        querystring: ListQuery,
      },
    },
    async (request) => {
      const q = request.query;
      const limit = q.limit ?? 1000;
      const { records, hasMore } = await listRecords(db, {
        ...recordFilter(requireCaller(request), q),
        after: q.cursor,
        limit,
      });
      const last = records.at(-1);
      const nextCursor = hasMore && last ? last.id : null;
      const links = [];
      if (nextCursor) {
        const next = new URLSearchParams(request.query as Record<string, string>);
        next.set('cursor', nextCursor);
        links.push({ rel: 'next', type: 'application/geo+json', href: `/api/v1/records?${next}` });
      }
      return {
        type: 'FeatureCollection',
        features: records.map(toFeature),
        numberReturned: records.length,
        nextCursor,
        links,
      };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/v1/records/:id',
    { config: { access: TEAM }, schema: { tags: ['records'], summary: 'One record', params: IdParams } },
    async (request) => {
      const caller = requireCaller(request);
      const record = await getRecord(db, request.params.id);
      if (!record || record.deleted || !visibleTo(caller, record)) {
        throw new AppError('RECORD_NOT_FOUND', { id: request.params.id });
      }
      return toFeature(record);
    },
  );

  app.post(
    '/api/v1/records',
    {
      config: { access: TEAM },
      schema: {
        tags: ['records'],
        summary: 'Create a record (the client generates its UUIDv7 id)',
        description:
          'The properties are checked per kind: see the ServiceProperties, VacancyProperties, BrownfieldProperties and NeedProperties schemas. Residents send needs through POST /api/v1/resident/needs.',
        body: RecordFeatureInputSchema,
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const parsed = parseRecord(request.body, await getTaxonomy(db));
      if (!parsed.ok) throw invalidInput(parsed.issues);
      const record = parsed.value;
      await checkReferences(db, record);
      const [stored] = await insertRecords(db, [record], { createdBy: caller.account.id, status: 'published' });
      reply.code(201).header('location', `/api/v1/records/${record.id}`);
      return toFeature(stored as StoredRecord);
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof RecordPatchSchema> }>(
    '/api/v1/records/:id',
    {
      config: { access: TEAM },
      schema: {
        tags: ['records'],
        summary: 'Change fields or geometry of a record',
        description:
          'Send only what changed. With baseVersion the change is refused (409) if someone else changed the record since.',
        params: IdParams,
        body: RecordPatchSchema,
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { id } = request.params;
      const taxonomy = await getTaxonomy(db);
      // Optimistic: validate against the version read here; if another write lands in between,
      // read again (or answer 409 when the client pinned its own baseVersion).
      for (let attempt = 0; ; attempt++) {
        const current = await getRecord(db, id);
        if (!current || current.deleted || !visibleTo(caller, current)) throw new AppError('RECORD_NOT_FOUND', { id });
        const base = request.body.baseVersion;
        if (base !== undefined && base !== current.version) {
          throw new AppError('VERSION_CONFLICT', { baseVersion: base, currentVersion: current.version });
        }
        const feature = toFeature(current);
        const parsed = applyRecordPatch(feature, request.body, taxonomy);
        if (!parsed.ok) throw invalidInput(parsed.issues);
        await checkReferences(db, parsed.value);
        try {
          return toFeature(await updateRecord(db, id, parsed.value, current.version, accountWriter(caller.account.id)));
        } catch (error) {
          const retry =
            error instanceof AppError && error.code === 'VERSION_CONFLICT' && base === undefined && attempt < 3;
          if (!retry) throw error;
        }
      }
    },
  );

  app.delete<{ Params: Static<typeof IdParams>; Querystring: Static<typeof DeleteQuery> }>(
    '/api/v1/records/:id',
    {
      config: { access: TEAM },
      schema: {
        tags: ['records'],
        summary: 'Delete a record (kept as a tombstone for syncing devices)',
        params: IdParams,
        querystring: DeleteQuery,
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const { id } = request.params;
      const current = await getRecord(db, id);
      if (!current || current.deleted || !visibleTo(caller, current)) throw new AppError('RECORD_NOT_FOUND', { id });
      await deleteRecord(db, id, request.query.baseVersion, accountActor(caller.account.id));
      return reply.code(204).send();
    },
  );
}
