import type { FastifyRequest } from 'fastify';

export const JSON_TYPE = 'application/json';
export const GEOJSON_TYPE = 'application/geo+json';
export const SCHEMA_TYPE = 'application/schema+json';

export interface Link {
  rel: string;
  type: string;
  title?: string;
  href: string;
}

/**
 * Links are absolute: GDAL resolves a link starting with "/" against the service root it was
 * given (…/ogc), not against the host, so a relative "/ogc/…" would become "…/ogc/ogc/…".
 * Behind a proxy, TRUST_PROXY makes Fastify read the outside protocol and host.
 */
export function ogcRoot(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/ogc`;
}

export function link(rel: string, type: string, href: string, title?: string): Link {
  return title === undefined ? { rel, type, href } : { rel, type, title, href };
}

/** The current request's URL with some query parameters replaced or removed. */
export function withQuery(request: FastifyRequest, changes: Record<string, string | number | undefined>): string {
  const [path = '', search = ''] = request.url.split('?');
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) params.delete(name);
    else params.set(name, String(value));
  }
  const query = params.toString();
  return `${request.protocol}://${request.host}${path}${query ? `?${query}` : ''}`;
}
