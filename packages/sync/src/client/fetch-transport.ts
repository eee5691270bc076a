import { type PullResponse, type PushRequest, type PushResponse, SYNC_SCHEMA_VERSION } from '../protocol.ts';
import { type MediaStatus, type SyncTransport, SyncTransportError } from './types.ts';

export interface FetchTransportOptions {
  /** The API's origin, e.g. `https://atlas.example.org`; empty for the page's own origin. */
  baseUrl: string;
  /** Authentication headers, asked for on every request (a device token may change while offline). */
  headers: () => Record<string, string> | Promise<Record<string, string>>;
  fetch?: typeof fetch;
  /** Per request, including reading the answer; a field device on a weak signal otherwise waits forever. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

function httpError(answer: Answer): SyncTransportError {
  const code = field(answer.body, 'code');
  const message = field(answer.body, 'message');
  return new SyncTransportError(
    typeof code === 'string' ? code : `HTTP_${answer.status}`,
    typeof message === 'string' ? message : `the server answered ${answer.status}`,
    answer.status,
    field(answer.body, 'details'),
  );
}

function headerNumber(headers: Headers, name: string): number {
  const value = Number(headers.get(name));
  return Number.isFinite(value) && value >= 0 ? value : 0;
}

/** `SyncTransport` over the HTTP API (`/api/v1/sync/*`, `/api/v1/media/*`) with `fetch`. */
export function createFetchTransport(options: FetchTransportOptions): SyncTransport {
  const base = options.baseUrl.replace(/\/+$/, '');
  // Called through a wrapper: browsers refuse a `fetch` detached from `window`.
  const send = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> } = {},
  ): Promise<Answer> {
    const headers = { ...(await options.headers()), ...init.headers };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await send(`${base}${path}`, { method, headers, body: init.body, signal: controller.signal });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: parseBody(text) };
    } catch (error) {
      const reason = controller.signal.aborted ? `no answer within ${timeoutMs} ms` : String(error);
      throw new SyncTransportError('NETWORK', `${method} ${path} failed: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
  }

  const mediaPath = (sha256: string) => `/api/v1/media/${encodeURIComponent(sha256)}`;

  return {
    async push(body: PushRequest): Promise<PushResponse> {
      const answer = await request('POST', '/api/v1/sync/push', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, schemaVersion: SYNC_SCHEMA_VERSION }),
      });
      if (answer.status !== 200) throw httpError(answer);
      return answer.body as PushResponse;
    },

    async pull(query): Promise<PullResponse> {
      const params = new URLSearchParams({ schemaVersion: String(SYNC_SCHEMA_VERSION), limit: String(query.limit) });
      if (query.cursor !== null) params.set('cursor', query.cursor);
      if (query.quarters !== null) params.set('quarter', query.quarters.join(','));
      const answer = await request('GET', `/api/v1/sync/pull?${params}`);
      if (answer.status !== 200) throw httpError(answer);
      return answer.body as PullResponse;
    },

    async mediaStatus(sha256: string): Promise<MediaStatus> {
      const answer = await request('HEAD', mediaPath(sha256));
      if (answer.status === 200) return { complete: true, offset: headerNumber(answer.headers, 'content-length') };
      if (answer.status === 404) return { complete: false, offset: headerNumber(answer.headers, 'upload-offset') };
      throw httpError(answer);
    },

    async uploadMedia(sha256, mime, bytes, offset, total): Promise<MediaStatus> {
      const answer = await request('PUT', mediaPath(sha256), {
        headers: {
          'content-type': mime,
          'content-range': `bytes ${offset}-${offset + bytes.length - 1}/${total}`,
        },
        // A copy typed as ArrayBuffer-backed, which is what a fetch body accepts.
        body: new Uint8Array(bytes),
      });
      if (answer.status === 200 || answer.status === 201) return { complete: true, offset: total };
      const received = field(answer.body, 'received');
      if (answer.status === 202 && typeof received === 'number') return { complete: false, offset: received };
      const mismatch = field(field(answer.body, 'details'), 'offset');
      if (
        answer.status === 409 &&
        field(answer.body, 'code') === 'MEDIA_OFFSET_MISMATCH' &&
        typeof mismatch === 'number'
      ) {
        return { complete: false, offset: mismatch };
      }
      throw httpError(answer);
    },
  };
}
