import { applyRecordPatch, StringEnum, Uuid } from '@quartiersatlas/domain';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { AppError, invalidInput } from '../errors.ts';
import { requireCaller, STAFF } from '../plugins/auth.ts';
import { getConflict, listConflicts, resolveConflict } from '../store/conflicts.ts';
import { toFeature } from '../store/records.ts';
import { getTaxonomy } from '../store/taxonomy.ts';
import { checkReferences } from './records.ts';

const ListQuery = Type.Object(
  {
    status: Type.Optional(
      StringEnum(['open', 'resolved', 'all'] as const, { description: 'default open: those waiting for review' }),
    ),
    record: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    cursor: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const ResolveBody = Type.Object(
  {
    action: StringEnum(['keep', 'restore-lost'] as const, {
      description: 'keep: the record stays as it is; restore-lost: write the lost side back as a new version',
    }),
  },
  { additionalProperties: false },
);

export async function conflictRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/v1/conflicts',
    {
      config: { access: STAFF },
      schema: {
        tags: ['conflicts'],
        summary: 'Values that lost a sync clash, and edits that met a delete, newest first',
        querystring: ListQuery,
      },
    },
    async (request) => {
      const { status = 'open', record, limit = 100, cursor } = request.query;
      const page = await listConflicts(db, { status, recordId: record, limit, before: cursor });
      const last = page.conflicts.at(-1);
      return { conflicts: page.conflicts, nextCursor: page.hasMore && last ? last.id : null };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/v1/conflicts/:id',
    { config: { access: STAFF }, schema: { tags: ['conflicts'], summary: 'One conflict', params: IdParams } },
    async (request) => {
      const conflict = await getConflict(db, request.params.id);
      if (!conflict) throw new AppError('CONFLICT_NOT_FOUND', { id: request.params.id });
      return conflict;
    },
  );

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof ResolveBody> }>(
    '/api/v1/conflicts/:id/resolve',
    {
      config: { access: STAFF },
      schema: {
        tags: ['conflicts'],
        summary: 'Resolve a conflict: keep the record as it is, or restore the value that lost',
        description:
          'restore-lost sets a lost field value again, brings a deleted record back with the edit that met the delete, or undoes a delete. The result is validated like a PATCH (400 if the record would be invalid). A resolved conflict answers 409.',
        params: IdParams,
        body: ResolveBody,
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const taxonomy = await getTaxonomy(db);
      const { conflict, record } = await resolveConflict(
        db,
        request.params.id,
        request.body.action,
        caller.account.id,
        async (trx, current, changes) => {
          const parsed = applyRecordPatch(toFeature(current), changes, taxonomy);
          if (!parsed.ok) throw invalidInput(parsed.issues);
          await checkReferences(trx, parsed.value);
          return parsed.value;
        },
      );
      return { conflict, record: record ? toFeature(record) : null };
    },
  );
}
