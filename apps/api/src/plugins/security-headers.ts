import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

/**
 * The Content-Security-Policy of every answer (docs/security.md explains each line). No inline
 * script or style is allowed: the built app has none, React's `style` props and MapLibre set
 * styles through the CSSOM, which the policy does not restrict. Only the basemap's origin is
 * remote. `upgrade-insecure-requests` is sent over https only: a lab server reached as
 * http://192.168.x.y would otherwise send the browser to an https port nobody listens on.
 */
export function contentSecurityPolicy(config: Pick<Config, 'basemapStyleUrl'>, https: boolean): string {
  // The basemap's style, tiles, glyphs and sprites come from its origin; nothing else is remote.
  const basemap = config.basemapStyleUrl?.startsWith('http') ? [new URL(config.basemapStyleUrl).origin] : [];
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['script-src-attr', "'none'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:', 'blob:', ...basemap],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...basemap],
    ['worker-src', "'self'"],
    // Voice notes and photos are played back from local blobs before they are uploaded.
    ['media-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  if (https) directives.push(['upgrade-insecure-requests']);
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/**
 * The app records voice notes, takes photos and asks for the position ("near me"); nothing else
 * of the device is needed, and no embedded page gets any of it.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=(self)',
  'geolocation=(self)',
  'accelerometer=()',
  'display-capture=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ');

/**
 * Helmet's defaults for everything but the CSP, which is built per request here: whether the
 * request came over https decides `upgrade-insecure-requests` (behind a proxy with TRUST_PROXY,
 * Fastify reads x-forwarded-proto). The API docs page replaces the CSP with its own
 * (plugins/docs.ts).
 */
export async function installSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const plain = contentSecurityPolicy(config, false);
  const secure = contentSecurityPolicy(config, true);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('content-security-policy', request.protocol === 'https' ? secure : plain);
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    done();
  });
}
