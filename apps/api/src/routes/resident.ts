import {
  type FieldIssue,
  LinkCode,
  ReceiptCode,
  ResidentLinkInputSchema,
  ResidentNeedInputSchema,
  Sha256,
  Uuid,
} from '@quartiersatlas/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import pLimit from 'p-limit';
import Type, { type Static } from 'typebox';
import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { MediaLibrary } from '../media/media-library.ts';
import { requireCaller, STAFF } from '../plugins/auth.ts';
import { eraseSubmission } from '../store/erase.ts';
import { requireQuarter } from '../store/quarters.ts';
import {
  type FoundSubmission,
  findSubmissionByReceipt,
  listsMedia,
  receiptExport,
  receiptView,
} from '../store/receipts.ts';
import { createResidentDevice, residentAuthorId } from '../store/resident-devices.ts';
import {
  createResidentLink,
  findResidentLinkByCode,
  getResidentLink,
  listResidentLinks,
  revokeResidentLink,
  toPublicLink,
} from '../store/resident-links.ts';
import { checkConsent, receiptHash, submitResidentNeed } from '../store/resident-needs.ts';
import { getSession } from '../store/sessions.ts';
import { requestedRange } from './media.ts';
import { parseResidentNeed } from './resident-need-input.ts';

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const CodeParams = Type.Object({ code: LinkCode }, { additionalProperties: false });
const ReceiptParams = Type.Object({ receipt: ReceiptCode }, { additionalProperties: false });
const ReceiptMediaParams = Type.Object({ receipt: ReceiptCode, sha256: Sha256 }, { additionalProperties: false });

/** A phone may send this many needs in ten minutes: a busy resident, never a script. */
export const SUBMISSIONS_PER_DEVICE = 30;
/** Receipt look-ups per network address and minute: plenty for a person, too few to guess codes. */
export const RECEIPT_REQUESTS_PER_MINUTE = 30;
// Submissions are serialised by the record version counter's lock anyway; more than two waiting for
// it inside transactions would only hold pool connections that sign-in checks need (as sync pushes).
const SUBMISSIONS_AT_ONCE = 2;

function rateLimited(reply: FastifyReply, ttlMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  reply.header('retry-after', String(seconds));
  return new AppError('RATE_LIMITED', { retryAfter: `${seconds} seconds` });
}

/** The link behind a poster's code, or 404/410 as the resident's phone should show it. */
async function openLink(db: Db, code: string) {
  const link = await findResidentLinkByCode(db, code);
  if (!link) throw new AppError('LINK_NOT_FOUND', { code });
  if (link.revoked_at !== null) throw new AppError('LINK_REVOKED');
  return link;
}

/**
 * Resident participation without accounts: planners hand out links (QR code, poster); a phone that
 * opens one gets an anonymous token that may only append needs; each need comes with the consent
 * given and a receipt code, with which the resident later sees, exports and deletes it.
 */
export async function residentRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }): Promise<void> {
  const library = new MediaLibrary(db, config.dataDir);
  const submissionGate = pLimit(SUBMISSIONS_AT_ONCE);

  // Two limits on one route: the plugin's route option takes the device, this one the address.
  const submissionsPerAddress = app.createRateLimit({
    max: config.residentSubmissionsPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `resident-needs:${request.ip}`,
  });
  const receiptsPerAddress = app.createRateLimit({
    max: RECEIPT_REQUESTS_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => `receipts:${request.ip}`,
  });
  const limitReceipts = async (request: FastifyRequest, reply: FastifyReply) => {
    const limit = await receiptsPerAddress(request);
    if (!limit.isAllowed && limit.isExceeded) throw rateLimited(reply, limit.ttl);
  };

  app.post<{ Body: Static<typeof ResidentLinkInputSchema> }>(
    '/api/v1/resident-links',
    {
      config: { access: STAFF },
      schema: {
        tags: ['residents'],
        summary: 'Create a resident link (QR code and poster) for a quarter or a survey session',
        body: ResidentLinkInputSchema,
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const input = request.body;
      await requireQuarter(db, input.quarterId);
      if (input.sessionId) {
        const session = await getSession(db, input.sessionId);
        const issue: FieldIssue | undefined = !session
          ? { field: 'sessionId', code: 'UNKNOWN_SESSION', message: `there is no survey session "${input.sessionId}"` }
          : session.quarterId !== input.quarterId
            ? {
                field: 'sessionId',
                code: 'SESSION_IN_OTHER_QUARTER',
                message: `the session belongs to quarter "${session.quarterId}"`,
              }
            : undefined;
        if (issue) throw new AppError('UNKNOWN_SESSION', { sessionId: input.sessionId }, [issue]);
      }
      const link = await createResidentLink(db, input, caller.account.id);
      reply.code(201);
      return { link };
    },
  );

  app.get(
    '/api/v1/resident-links',
    {
      config: { access: STAFF },
      schema: { tags: ['residents'], summary: 'Resident links, newest first, with the submissions received' },
    },
    async () => ({ links: await listResidentLinks(db) }),
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/api/v1/resident-links/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['residents'],
        summary: 'Close a resident link: its address answers 410 and its devices can send nothing more',
        params: IdParams,
      },
    },
    async (request, reply) => {
      if (!(await revokeResidentLink(db, request.params.id))) {
        throw new AppError('LINK_NOT_FOUND', { code: request.params.id });
      }
      return reply.code(204).send();
    },
  );

  app.get<{ Params: Static<typeof CodeParams> }>(
    '/api/v1/resident-links/by-code/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['residents'],
        summary: 'What a resident’s phone learns about a link: title, quarter, poster languages',
        params: CodeParams,
      },
    },
    async (request) => ({ link: toPublicLink(await openLink(db, request.params.code)) }),
  );

  app.post<{ Params: Static<typeof CodeParams> }>(
    '/api/v1/resident-links/by-code/:code/devices',
    {
      config: {
        access: 'public',
        // Authorised by the link's code, not by a session cookie.
        csrf: false,
        // Per network address: a community centre's Wi-Fi registers many phones.
        rateLimit: { max: config.residentDevicesPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['residents'],
        summary: 'Register an anonymous device for a link; its token may only send needs',
        description: 'No body. The token is shown once; the server keeps only its hash, and nothing about the phone.',
        params: CodeParams,
      },
    },
    async (request, reply) => {
      const link = await openLink(db, request.params.code);
      const { token } = await createResidentDevice(db, link.id);
      reply.code(201).header('cache-control', 'no-store');
      return { token };
    },
  );

  app.post<{ Body: Static<typeof ResidentNeedInputSchema> }>(
    '/api/v1/resident/needs',
    {
      config: {
        access: ['resident'],
        rateLimit: {
          max: SUBMISSIONS_PER_DEVICE,
          timeWindow: 10 * 60_000,
          // After authentication: the key is the anonymous device, known only once its token was read.
          hook: 'preHandler',
          keyGenerator: (request) => `device:${request.caller?.tokenId ?? request.ip}`,
        },
      },
      onRequest: async (request, reply) => {
        const limit = await submissionsPerAddress(request);
        if (!limit.isAllowed && limit.isExceeded) throw rateLimited(reply, limit.ttl);
      },
      schema: {
        tags: ['residents'],
        summary: 'Send a resident’s need with consent and receipt code; it waits for moderation',
        description:
          'Idempotent: the same feature id with the same receipt answers 200 with the first answer and writes nothing; with another receipt, 409. Photos and voice notes go first to PUT /api/v1/media/{sha256}.',
        body: ResidentNeedInputSchema,
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const linkId = caller.residentLinkId;
      const link = linkId ? await getResidentLink(db, linkId) : undefined;
      if (!link) throw new AppError('FORBIDDEN', { role: caller.account.role });
      const { feature, consent, receipt } = request.body;
      const hash = receiptHash(receipt);
      checkConsent(consent);
      const record = await parseResidentNeed(db, feature, link);
      const outcome = await submissionGate(() =>
        submitResidentNeed(db, { record, consent, receiptHash: hash, linkId: link.id }),
      );
      reply.code(outcome.created ? 201 : 200);
      return outcome.submission;
    },
  );

  /** The submission behind the receipt in the address; 400 for no code, 404 for an unknown one. */
  async function submissionOf(receipt: string): Promise<FoundSubmission> {
    const found = await findSubmissionByReceipt(db, receiptHash(receipt, 'path'));
    if (!found) throw new AppError('RECEIPT_NOT_FOUND');
    return found;
  }

  // The receipt code is the key, not the session: a planner's cookie on the same browser adds no
  // authority here, so these routes need no CSRF token (and the resident's page sends none).
  const receiptRoute = { access: 'public', csrf: false } as const;

  app.get<{ Params: Static<typeof ReceiptParams> }>(
    '/api/v1/receipts/:receipt',
    {
      config: receiptRoute,
      onRequest: limitReceipts,
      schema: {
        tags: ['residents'],
        summary: 'A resident’s own submission, by receipt code: status, consent, their data, public location',
        params: ReceiptParams,
      },
    },
    async (request, reply) => {
      const found = await submissionOf(request.params.receipt);
      reply.header('cache-control', 'no-store');
      return { submission: receiptView(found) };
    },
  );

  app.get<{ Params: Static<typeof ReceiptMediaParams> }>(
    '/api/v1/receipts/:receipt/media/:sha256',
    {
      config: receiptRoute,
      onRequest: limitReceipts,
      exposeHeadRoute: false,
      schema: {
        tags: ['residents'],
        summary: 'A photo or voice note of the submission (single byte ranges supported)',
        params: ReceiptMediaParams,
      },
    },
    async (request, reply) => {
      const { sha256 } = request.params;
      const found = await submissionOf(request.params.receipt);
      const opened = listsMedia(found, sha256) ? await library.open(sha256) : undefined;
      if (!opened) throw new AppError('MEDIA_NOT_FOUND', { sha256 });
      const { media, file } = opened;
      reply
        .header('content-type', media.mime)
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff');
      const header = request.headers.range;
      const range = requestedRange(Array.isArray(header) ? header.join(', ') : header, media.size);
      if (!range) return reply.header('content-length', media.size).send(file.createReadStream());
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${media.size}`)
        .header('content-length', range.end - range.start + 1)
        .send(file.createReadStream({ start: range.start, end: range.end }));
    },
  );

  app.get<{ Params: Static<typeof ReceiptParams> }>(
    '/api/v1/receipts/:receipt/export',
    {
      config: receiptRoute,
      onRequest: limitReceipts,
      schema: {
        tags: ['residents'],
        summary: 'Download everything kept about the submission as a JSON file',
        params: ReceiptParams,
      },
    },
    async (request, reply) => {
      const found = await submissionOf(request.params.receipt);
      const document = await receiptExport(db, found);
      const date = document.exportedAt.slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="quartiersatlas-submission-${date}.json"`)
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(`${JSON.stringify(document, null, 2)}\n`);
    },
  );

  app.delete<{ Params: Static<typeof ReceiptParams> }>(
    '/api/v1/receipts/:receipt',
    {
      config: receiptRoute,
      onRequest: limitReceipts,
      schema: {
        tags: ['residents'],
        summary: 'Delete the submission: its text, voice notes, photos, exact point and receipt are erased',
        params: ReceiptParams,
      },
    },
    async (request, reply) => {
      const found = await submissionOf(request.params.receipt);
      await eraseSubmission(
        db,
        found.record.id,
        { accountId: residentAuthorId(found.submission.link_id) },
        config.dataDir,
      );
      return reply.code(204).send();
    },
  );
}
