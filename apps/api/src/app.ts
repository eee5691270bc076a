import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { AnalysisRunner } from './analysis/runner.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { AppError } from './errors.ts';
import { installAuth } from './plugins/auth.ts';
import { installDocs } from './plugins/docs.ts';
import { installErrorHandling, notFound } from './plugins/errors.ts';
import { installRetention } from './plugins/retention.ts';
import { installSecurityHeaders } from './plugins/security-headers.ts';
import { installValidation } from './plugins/validation.ts';
import { installWeb } from './plugins/web.ts';
import { accountRoutes } from './routes/accounts.ts';
import { analysisRoutes } from './routes/analyses.ts';
import { authRoutes } from './routes/auth.ts';
import { configRoutes } from './routes/config.ts';
import { conflictRoutes } from './routes/conflicts.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { mediaRoutes } from './routes/media.ts';
import { moderationRoutes } from './routes/moderation.ts';
import { ogcRoutes } from './routes/ogc.ts';
import { privacyRoutes } from './routes/privacy.ts';
import { quarterRoutes } from './routes/quarters.ts';
import { recordRoutes } from './routes/records.ts';
import { reportRoutes } from './routes/reports.ts';
import { residentRoutes } from './routes/resident.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { syncRoutes } from './routes/sync.ts';
import { taxonomyRoutes } from './routes/taxonomy.ts';

// A record with a detailed polygon is well under 1 MiB; bigger bodies are mistakes or abuse.
export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

/**
 * The log keeps method, path and status of each request, never the caller's address or browser:
 * residents are promised that nothing points back to them (docs/privacy.md).
 */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      req: (request: { method: string; url: string; id?: string }) => ({
        id: request.id,
        method: request.method,
        url: request.url.replace(/\/receipts\/[^/?]+/, '/receipts/…'),
      }),
    },
  };
}

export async function buildApp({ config, database, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const { db } = database;

  // The API speaks JSON only; refusing text/plain also closes the simplest cross-site form posts.
  app.removeContentTypeParser('text/plain');
  installValidation(app);
  installErrorHandling(app);
  await app.register(cookie);
  await installSecurityHeaders(app, config);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new AppError('RATE_LIMITED', { retryAfter: context.after }),
  });
  await installDocs(app);
  installAuth(app, db, config);

  await app.register(healthRoutes, { database });
  await app.register(authRoutes, { db, config });
  await app.register(accountRoutes, { db });
  await app.register(taxonomyRoutes, { db });
  await app.register(configRoutes, { config });
  await app.register(quarterRoutes, { db });
  await app.register(sessionRoutes, { db });
  await app.register(recordRoutes, { db });
  await app.register(exportRoutes, { db });
  await app.register(syncRoutes, { db });
  await app.register(conflictRoutes, { db });
  await app.register(mediaRoutes, { db, config });
  await app.register(moderationRoutes, { db });
  await app.register(importRoutes, { db });
  await app.register(reportRoutes, { db });
  await app.register(ogcRoutes, { db });
  await app.register(residentRoutes, { db, config });
  await app.register(privacyRoutes, { db, config });
  installRetention(app, db, config);

  const runner = new AnalysisRunner(database, app.log);
  app.addHook('onReady', () => runner.start());
  app.addHook('onClose', () => runner.close());
  await app.register(analysisRoutes, { db, runner });

  const web = config.production ? await installWeb(app, config.webDist) : false;
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage =
      request.method === 'GET' && !path.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (web && wantsPage)
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    return notFound(request, reply);
  });
  return app;
}
