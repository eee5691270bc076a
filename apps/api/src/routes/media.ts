import { Sha256 } from '@quartiersatlas/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { MediaLibrary } from '../media/media-library.ts';
import { MEDIA_TYPE_NAMES } from '../media/media-types.ts';
import { requireCaller, SIGNED_IN, TEAM } from '../plugins/auth.ts';
import { sendError } from '../plugins/errors.ts';
import type { StoredMedia } from '../store/media.ts';

/** One PUT carries at most this much; devices send bigger files in chunks (1 MiB by default). */
export const MEDIA_BODY_LIMIT = 4 * 1024 * 1024;

const Params = Type.Object({ sha256: Sha256 }, { additionalProperties: false });
type Params = Static<typeof Params>;

function single(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header.join(', ') : header;
}

/** The one range of `Range: bytes=a-b | a- | -n` that fits the file, or null to send it whole. */
export function requestedRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || size === 0 || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    return suffix === 0 ? null : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  // Ranges the file cannot satisfy are ignored (RFC 9110 allows it): the whole file follows.
  return start <= end ? { start, end } : null;
}

function describe(media: StoredMedia) {
  return { sha256: media.sha256, size: media.size, mime: media.mime, complete: true as const };
}

function mediaHeaders(reply: FastifyReply, media: StoredMedia): FastifyReply {
  return (
    reply
      .header('content-type', media.mime)
      .header('etag', `"${media.sha256}"`)
      .header('accept-ranges', 'bytes')
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      // Sniffing checks the first bytes only: a file may still be a photo and a page at once
      // (a polyglot). Opened on its own, it then runs nothing and reaches nothing.
      .header('content-security-policy', "default-src 'none'; sandbox")
  );
}

/**
 * Photos and voice notes: `HEAD` tells a device what the server has, `PUT` uploads whole or in
 * resumable chunks, `GET` serves the bytes. Protocol and failure handling: src/media/README.md.
 */
export async function mediaRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }): Promise<void> {
  const library = new MediaLibrary(db, config.dataDir);

  // At start, like expired sign-ins: partial uploads nobody continued for a week only take up space.
  app.addHook('onReady', async () => {
    const removed = await library.purgeAbandoned();
    if (removed > 0) app.log.info({ removed }, 'abandoned media uploads removed');
  });

  // Raw bytes of any declared type reach the handler, which answers with the media error codes.
  // Parsers are scoped to this plugin: every other route still refuses bodies that are not JSON.
  // Cross-site forms cannot send PUT, so accepting any type here opens no form-post hole.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.head<{ Params: Params }>(
    '/api/v1/media/:sha256',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['media'],
        summary: 'Whether the server has a photo or voice note',
        description:
          '200 with Content-Length and Content-Type when the file is complete; 404 with `Upload-Offset` (bytes of an interrupted upload kept, 0 for none) otherwise.',
        params: Params,
      },
    },
    async (request, reply) => {
      const state = await library.state(request.params.sha256);
      if (state.complete) return mediaHeaders(reply, state.media).header('content-length', state.media.size).send();
      reply.header('upload-offset', String(state.received));
      return sendError(reply, new AppError('MEDIA_NOT_FOUND', { sha256: request.params.sha256 }));
    },
  );

  app.put<{ Params: Params }>(
    '/api/v1/media/:sha256',
    {
      config: { access: SIGNED_IN },
      bodyLimit: MEDIA_BODY_LIMIT,
      schema: {
        tags: ['media'],
        summary: 'Upload a photo or voice note named by the SHA-256 of its bytes, whole or in chunks',
        description: [
          `Body: the raw bytes; Content-Type one of ${MEDIA_TYPE_NAMES.join(', ')}.`,
          'Chunks carry `Content-Range: bytes <start>-<end>/<total>` and must start where the server stopped',
          '(else 409 `MEDIA_OFFSET_MISMATCH`, `details.offset`); 202 with `Upload-Offset` until the last chunk.',
          'The whole file is checked against the hash: 201 when stored, 422 `MEDIA_HASH_MISMATCH` (discarded,',
          'start over), 200 when the server already had it.',
        ].join(' '),
        params: Params,
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const { sha256 } = request.params;
      const outcome = await library.put({
        sha256,
        contentType: request.headers['content-type'],
        contentRange: single(request.headers['content-range']),
        body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        createdBy: caller.account.id,
      });
      if (!outcome.complete) {
        reply.code(202).header('upload-offset', String(outcome.received));
        return { sha256, received: outcome.received, complete: false };
      }
      reply.code(outcome.created ? 201 : 200).header('location', `/api/v1/media/${sha256}`);
      return describe(outcome.media);
    },
  );

  app.get<{ Params: Params }>(
    '/api/v1/media/:sha256',
    {
      // Residents upload their photos and voice notes but read none back here: a hash would be
      // enough to fetch anyone's. Their own come back through their receipt code.
      config: { access: TEAM },
      exposeHeadRoute: false,
      schema: {
        tags: ['media'],
        summary: 'The bytes of a photo or voice note (single byte ranges supported)',
        params: Params,
      },
    },
    async (request, reply) => {
      const found = await library.open(request.params.sha256);
      if (!found) throw new AppError('MEDIA_NOT_FOUND', { sha256: request.params.sha256 });
      const { media, file } = found;
      mediaHeaders(reply, media);
      if (single(request.headers['if-none-match'])?.includes(media.sha256)) {
        await file.close();
        return reply.code(304).send();
      }
      const range = requestedRange(single(request.headers.range), media.size);
      if (!range) {
        return reply.header('content-length', media.size).send(file.createReadStream());
      }
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${media.size}`)
        .header('content-length', range.end - range.start + 1)
        .send(file.createReadStream({ start: range.start, end: range.end }));
    },
  );
}
