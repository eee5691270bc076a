import { Uuid } from '@quartiersatlas/domain';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { requireCaller, STAFF } from '../plugins/auth.ts';
import { recordHistory } from '../store/history.ts';
import { moderate } from '../store/moderation.ts';
import { getRecord, toFeature } from '../store/records.ts';

const MAX_REASON = 1000;

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const BaseVersion = Type.Optional(
  Type.Integer({ minimum: 0, description: 'refuse (409) if the record changed since this version' }),
);
const PublishBody = Type.Object(
  {
    baseVersion: BaseVersion,
    showText: Type.Optional(
      Type.Boolean({
        default: false,
        description: "show the need's free text (and its language) to the public; without it the public sees neither",
      }),
    ),
  },
  { additionalProperties: false },
);
const RejectBody = Type.Object(
  {
    // The length is checked after trimming, in the handler; this bound only keeps bodies sane.
    reason: Type.String({ maxLength: 4 * MAX_REASON, description: `why, 1–${MAX_REASON} characters` }),
    baseVersion: BaseVersion,
  },
  { additionalProperties: false },
);

/** With the issue codes the ajv checks use, so the app's existing translations of them apply. */
function invalidReason(code: 'REQUIRED' | 'INVALID_MAXLENGTH', message: string): AppError {
  return new AppError('VALIDATION_FAILED', { summary: `reason ${message}` }, [{ field: 'reason', code, message }]);
}

/** Moderation of resident submissions, and the history of every record. */
export async function moderationRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof PublishBody> }>(
    '/api/v1/records/:id/publish',
    {
      config: { access: STAFF },
      // Publishing needs nothing but the id, so a bare POST is fine too.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['moderation'],
        summary: 'Publish a submission that waits for moderation',
        description:
          'Only pending records (409 RECORD_NOT_PENDING otherwise). The record gets a new version, so devices pull it. Edit it before with PATCH /api/v1/records/{id}. The public sees a published need at a coarsened location, and its text only with `showText: true`.',
        params: IdParams,
        body: PublishBody,
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const showText = request.body.showText === true;
      const record = await moderate(
        db,
        request.params.id,
        { action: 'publish', showText },
        { accountId: caller.account.id, baseVersion: request.body.baseVersion },
      );
      return { record: toFeature(record), publicText: showText };
    },
  );

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof RejectBody> }>(
    '/api/v1/records/:id/reject',
    {
      config: { access: STAFF },
      schema: {
        tags: ['moderation'],
        summary: 'Reject a submission that waits for moderation, with a reason',
        description: `Only pending records (409 RECORD_NOT_PENDING otherwise). The reason (1–${MAX_REASON} characters) is kept in the record's history; the record leaves every view but staff's and its author's.`,
        params: IdParams,
        body: RejectBody,
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const reason = request.body.reason.trim();
      if (reason === '') throw invalidReason('REQUIRED', 'must not be empty');
      if (reason.length > MAX_REASON) {
        throw invalidReason('INVALID_MAXLENGTH', `must NOT have more than ${MAX_REASON} characters`);
      }
      const record = await moderate(
        db,
        request.params.id,
        { action: 'reject', reason },
        { accountId: caller.account.id, baseVersion: request.body.baseVersion },
      );
      return { record: toFeature(record) };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/v1/records/:id/history',
    {
      config: { access: STAFF },
      schema: {
        tags: ['moderation'],
        summary: 'Every write to a record, oldest first: who, when, which fields changed (before and after)',
        description: 'Deleted records keep their history.',
        params: IdParams,
      },
    },
    async (request) => {
      const { id } = request.params;
      const events = await recordHistory(db, id);
      if (events.length === 0 && !(await getRecord(db, id))) throw new AppError('RECORD_NOT_FOUND', { id });
      return { recordId: id.toLowerCase(), events };
    },
  );
}
