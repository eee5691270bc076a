/** Tests only: a fake API for the resident pages that records its calls. */
import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

export type Answer = { status: number; body?: unknown } | 'network';
type Route = (call: Call) => Answer;

/**
 * Routes by "METHOD /path"; a key ending in `*` matches every path that starts with what precedes it.
 * Unknown routes answer 404 as the API does.
 */
export function fakeServer(routes: Record<string, Route>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://atlas.test');
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: headers.authorization ?? null,
    };
    calls.push(call);
    const key = `${call.method} ${call.path}`;
    const route =
      routes[key] ??
      Object.entries(routes).find(([pattern]) => pattern.endsWith('*') && key.startsWith(pattern.slice(0, -1)))?.[1];
    const answer: Answer = route ? route(call) : { status: 404, body: { code: 'NOT_FOUND', message: 'no route' } };
    if (answer === 'network') throw new TypeError('Failed to fetch');
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return {
    calls,
    called: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}

export const ok = (body: unknown): Answer => ({ status: 200, body });
export const created = (body: unknown): Answer => ({ status: 201, body });
export const fail = (status: number, code: string): Answer => ({ status, body: { code, message: code } });
