import type { FastifyRequest } from 'fastify';
import { GEOJSON_TYPE, type Link, link, withQuery } from './links.ts';
import { queryError } from './params.ts';

/**
 * Pages are keyed by feature id (`after` / `before`), not by offset: a page costs the same at the
 * end of a large collection as at its start, and records added meanwhile do not shift the pages a
 * client is walking through.
 */
export interface PageRequest {
  after?: string;
  before?: string;
  limit: number;
}

export interface Page<T> {
  items: T[];
  hasNext: boolean;
  hasPrev: boolean;
}

export function pageRequest(
  query: { after?: string; before?: string; limit?: number },
  fallbackLimit: number,
): PageRequest {
  if (query.after !== undefined && query.before !== undefined) {
    throw queryError('before', 'INVALID_PAGE', 'cannot be combined with after');
  }
  return { after: query.after, before: query.before, limit: query.limit ?? fallbackLimit };
}

/** One page of items sorted by id (JavaScript string order, as SQLite and the UUID format agree). */
export function pageOf<T extends { id: string }>(sorted: readonly T[], request: PageRequest): Page<T> {
  const { after, before, limit } = request;
  if (before !== undefined) {
    const stop = firstIndex(sorted, (id) => id >= before);
    const start = Math.max(0, stop - limit);
    return { items: sorted.slice(start, stop), hasPrev: start > 0, hasNext: stop < sorted.length };
  }
  const start = after === undefined ? 0 : firstIndex(sorted, (id) => id > after);
  const stop = Math.min(sorted.length, start + limit);
  return { items: sorted.slice(start, stop), hasPrev: start > 0, hasNext: stop < sorted.length };
}

/** The first index whose id passes `test`, which must be false and then true along the order. */
function firstIndex(sorted: readonly { id: string }[], test: (id: string) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(sorted[mid]?.id ?? '')) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** next and prev links of a page: the same request with `after` / `before` moved. */
export function pageLinks(request: FastifyRequest, page: Page<{ id: string }>): Link[] {
  const links: Link[] = [];
  const first = page.items[0];
  const last = page.items.at(-1);
  if (page.hasNext && last) {
    links.push(link('next', GEOJSON_TYPE, withQuery(request, { after: last.id, before: undefined }), 'next page'));
  }
  if (page.hasPrev && first) {
    links.push(link('prev', GEOJSON_TYPE, withQuery(request, { before: first.id, after: undefined }), 'previous page'));
  }
  return links;
}
