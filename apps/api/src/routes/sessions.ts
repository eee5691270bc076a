import { Slug, SurveySessionInputSchema, SurveySessionPatchSchema, Uuid } from '@quartiersatlas/domain';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { requireCaller, TEAM } from '../plugins/auth.ts';
import { requireQuarter } from '../store/quarters.ts';
import { getSession, insertSessions, listSessions, patchSession } from '../store/sessions.ts';

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const ListQuery = Type.Object({ quarter: Type.Optional(Slug) }, { additionalProperties: false });

export async function sessionRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/v1/sessions',
    {
      config: { access: TEAM },
      schema: { tags: ['sessions'], summary: 'Survey sessions, newest first', querystring: ListQuery },
    },
    async (request) => ({ sessions: await listSessions(db, request.query.quarter) }),
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/v1/sessions/:id',
    { config: { access: TEAM }, schema: { tags: ['sessions'], summary: 'One survey session', params: IdParams } },
    async (request) => {
      const session = await getSession(db, request.params.id);
      if (!session) throw new AppError('SESSION_NOT_FOUND', { id: request.params.id });
      return session;
    },
  );

  app.post<{ Body: Static<typeof SurveySessionInputSchema> }>(
    '/api/v1/sessions',
    {
      config: { access: TEAM },
      schema: {
        tags: ['sessions'],
        summary: 'Start a survey session: a walkabout, a Quartierszirkel, a resident link or desk work',
        body: SurveySessionInputSchema,
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const input = request.body;
      await requireQuarter(db, input.quarterId);
      const [session] = await insertSessions(db, [input], { createdBy: caller.account.id });
      reply.code(201).header('location', `/api/v1/sessions/${input.id.toLowerCase()}`);
      return session;
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof SurveySessionPatchSchema> }>(
    '/api/v1/sessions/:id',
    {
      config: { access: TEAM },
      schema: {
        tags: ['sessions'],
        summary: 'Rename, annotate or end a survey session (field teams: only their own)',
        params: IdParams,
        body: SurveySessionPatchSchema,
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const session = await getSession(db, request.params.id);
      if (!session) throw new AppError('SESSION_NOT_FOUND', { id: request.params.id });
      if (caller.account.role === 'field' && session.createdBy !== caller.account.id) {
        throw new AppError('FORBIDDEN', { role: 'field' });
      }
      return patchSession(db, session.id, request.body);
    },
  );
}
