import { type FieldIssue, normalizeReceipt, Uuid } from '@quartiersatlas/domain';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { requireCaller, STAFF } from '../plugins/auth.ts';
import { eraseSubmission } from '../store/erase.ts';
import { exportAccount, exportLink, exportReceipt } from '../store/privacy-export.ts';

const SUBJECTS = ['receipt', 'account', 'link'] as const;

const ExportQuery = Type.Object(
  {
    receipt: Type.Optional(
      Type.String({ maxLength: 40, description: "a resident's receipt code, e.g. 7KQM-4XPT-9BRC" }),
    ),
    account: Type.Optional(Uuid),
    link: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
type ExportQuery = Static<typeof ExportQuery>;

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

function queryError(issues: FieldIssue[]): AppError {
  return new AppError('INVALID_QUERY', { summary: issues.map((i) => `${i.field} ${i.message}`).join('; ') }, issues);
}

/** The one subject asked for; 400 naming the parameters when there are none or several. */
function subjectOf(query: ExportQuery): { type: (typeof SUBJECTS)[number]; value: string } {
  const given = SUBJECTS.filter((name) => query[name] !== undefined && query[name] !== '');
  const [only] = given;
  if (given.length === 1 && only) {
    const value = query[only] as string;
    if (only === 'receipt' && normalizeReceipt(value) === null) {
      throw queryError([
        { field: 'receipt', code: 'INVALID_RECEIPT', message: 'is not a receipt code (12 letters and digits)' },
      ]);
    }
    return { type: only, value };
  }
  const message = `give exactly one of ${SUBJECTS.join(', ')}`;
  const code = given.length === 0 ? 'REQUIRED' : 'EXCLUSIVE';
  throw queryError((given.length === 0 ? SUBJECTS : given).map((field) => ({ field, code, message })));
}

/**
 * Access requests and erasure for planners: everything the server holds about one person as a
 * file, and the erasure of a resident's submission on their behalf (e.g. asked by phone).
 */
export async function privacyRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }): Promise<void> {
  app.get<{ Querystring: ExportQuery }>(
    '/api/v1/privacy/export',
    {
      config: { access: STAFF },
      schema: {
        tags: ['privacy'],
        summary: 'All personal data held about one person, as a JSON file (access request)',
        description:
          'Exactly one of: `receipt` (one resident submission: the need with exact point, text, media list, consent, status changes), `account` (profile without the password hash, device tokens by name and time, sign-in sessions by time, records created, history events written, survey sessions, resident links, media and imports), `link` (every submission through a resident link, with consent, and the times of its anonymous devices). 400 INVALID_QUERY naming the parameters otherwise; 404 RECEIPT_NOT_FOUND, ACCOUNT_NOT_FOUND or LINK_NOT_FOUND.',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const subject = subjectOf(request.query);
      let data: unknown;
      switch (subject.type) {
        case 'receipt': {
          const submission = await exportReceipt(db, subject.value);
          if (!submission) throw new AppError('RECEIPT_NOT_FOUND');
          data = { submission };
          break;
        }
        case 'account': {
          data = await exportAccount(db, subject.value);
          if (!data) throw new AppError('ACCOUNT_NOT_FOUND', { id: subject.value });
          break;
        }
        case 'link': {
          data = await exportLink(db, subject.value);
          if (!data) throw new AppError('LINK_NOT_FOUND', { code: subject.value });
          break;
        }
      }
      const exportedAt = new Date().toISOString();
      reply.header(
        'content-disposition',
        `attachment; filename="quartiersatlas-privacy-${subject.type}-${exportedAt.slice(0, 10)}.json"`,
      );
      return reply
        .type('application/json; charset=utf-8')
        .send({ subject: subject.type, exportedAt, ...(data as object) });
    },
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/api/v1/privacy/submissions/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['privacy'],
        summary: "Erase a resident's submission on their behalf, by record id",
        description:
          'The record becomes a tombstone without text, media or exact point; its history keeps only actions and times; the receipt stops working. 404 NOT_A_RESIDENT_SUBMISSION for records that did not come through a resident link (or were erased already).',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      await eraseSubmission(db, request.params.id, { accountId: caller.account.id }, config.dataDir);
      return reply.code(204).send();
    },
  );
}
