import type { FieldIssue } from '@quartiersatlas/domain';
import { fieldPath } from '@quartiersatlas/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, summarize } from '../errors.ts';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function issuesFromAjv(errors: readonly AjvError[]): FieldIssue[] {
  return errors.map((error) => {
    let field = fieldPath(error.instancePath);
    const join = (name: unknown) => (field === '' ? String(name) : `${field}.${String(name)}`);
    if (error.keyword === 'required') field = join(error.params.missingProperty);
    if (error.keyword === 'additionalProperties') field = join(error.params.additionalProperty);
    const message = error.keyword === 'additionalProperties' ? 'is not a known field' : (error.message ?? 'is invalid');
    const code =
      error.keyword === 'required'
        ? 'REQUIRED'
        : error.keyword === 'additionalProperties'
          ? 'UNKNOWN_FIELD'
          : `INVALID_${error.keyword.toUpperCase()}`;
    return { field, code, message };
  });
}

/**
 * The PostgreSQL pool found no free connection in time, or SQLite stayed locked by another
 * process: the request did nothing and may simply be sent again.
 */
function databaseBusy(error: Error & { code?: string }): boolean {
  if (error.code === 'SQLITE_BUSY') return true;
  return /timeout exceeded when trying to connect|Connection terminated due to connection timeout/.test(error.message);
}

/** Turns whatever was thrown into the catalogue's `{code, message, details}`. */
export function toAppError(error: FastifyError & { validation?: AjvError[]; validationContext?: string }): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const issues = issuesFromAjv(error.validation);
    const inQuery = error.validationContext === 'querystring' || error.validationContext === 'params';
    return new AppError(inQuery ? 'INVALID_QUERY' : 'VALIDATION_FAILED', { summary: summarize(issues) }, issues);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', { limit: error.message.match(/\d+/)?.[0] ?? 'allowed' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('MALFORMED_JSON', { reason: 'it could not be parsed' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON', { reason: 'the body is empty' });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('MALFORMED_JSON', { reason: 'the content length does not match the body' });
    default:
  }
  if (databaseBusy(error)) return new AppError('BUSY');
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new AppError('MALFORMED_JSON', { reason: error.message });
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED', { retryAfter: 'a minute' });
  if (error.statusCode === 405) return new AppError('METHOD_NOT_ALLOWED', { method: 'this method' });
  // Anything else Fastify refused as the client's fault stays a 4xx with its own words.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new AppError('BAD_REQUEST', { reason: error.message });
  return new AppError('INTERNAL');
}

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  if (error.code === 'BUSY') reply.header('retry-after', '2');
  return reply
    .code(error.statusCode)
    .type('application/json; charset=utf-8')
    .send({
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, statusCode: appError.statusCode }, appError.message);
    return sendError(reply, appError);
  });
}

export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, new AppError('NOT_FOUND', { path: request.url.split('?')[0] }));
}
