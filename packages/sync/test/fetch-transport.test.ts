import { describe, expect, it } from 'vitest';
import { createFetchTransport, SYNC_SCHEMA_VERSION, SyncTransportError } from '../src/index.ts';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal | null | undefined;
}

function fakeFetch(answer: (seen: Seen) => Response | Promise<Response>) {
  const requests: Seen[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const seen: Seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body,
      signal: init?.signal,
    };
    requests.push(seen);
    return answer(seen);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function transport(answer: (seen: Seen) => Response | Promise<Response>, timeoutMs?: number) {
  const { fetch, requests } = fakeFetch(answer);
  const t = createFetchTransport({
    baseUrl: 'https://atlas.example/',
    headers: async () => ({ authorization: 'Bearer t' }),
    fetch,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  return { t, requests };
}

describe('createFetchTransport', () => {
  it('pushes JSON with the protocol version and the auth headers', async () => {
    const { t, requests } = transport(() => json(200, { schemaVersion: 1, results: [] }));
    await t.push({ deviceId: 'd', schemaVersion: 0, ops: [] });
    expect(requests[0]).toMatchObject({
      url: 'https://atlas.example/api/v1/sync/push',
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    });
    expect(JSON.parse(String(requests[0]?.body))).toEqual({
      deviceId: 'd',
      schemaVersion: SYNC_SCHEMA_VERSION,
      ops: [],
    });
  });

  it('pulls with cursor, limit and quarters in the query', async () => {
    const page = { schemaVersion: 1, rows: [], sessions: [], nextCursor: 'e.9', hasMore: false };
    const { t, requests } = transport(() => json(200, page));
    expect(await t.pull({ cursor: 'e.4', limit: 50, quarters: ['eving', 'marten'] })).toEqual(page);
    await t.pull({ cursor: null, limit: 1000, quarters: null });
    expect(requests.map((r) => r.url)).toEqual([
      'https://atlas.example/api/v1/sync/pull?schemaVersion=1&limit=50&cursor=e.4&quarter=eving%2Cmarten',
      'https://atlas.example/api/v1/sync/pull?schemaVersion=1&limit=1000',
    ]);
  });

  it("turns the API's error body into a SyncTransportError with its code, status and details", async () => {
    const { t } = transport(() => json(410, { code: 'CURSOR_TOO_OLD', message: 'start over', details: { a: 1 } }));
    const error = await t.pull({ cursor: 'e.1', limit: 1, quarters: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncTransportError);
    expect(error).toMatchObject({ code: 'CURSOR_TOO_OLD', message: 'start over', status: 410, details: { a: 1 } });
    const { t: proxy } = transport(() => new Response('<html>Bad Gateway</html>', { status: 502 }));
    await expect(proxy.push({ deviceId: 'd', schemaVersion: 1, ops: [] })).rejects.toMatchObject({
      code: 'HTTP_502',
      status: 502,
    });
  });

  it('reports a failed or too slow network as NETWORK without a status', async () => {
    const { t } = transport(() => Promise.reject(new TypeError('fetch failed')));
    await expect(t.push({ deviceId: 'd', schemaVersion: 1, ops: [] })).rejects.toMatchObject({
      code: 'NETWORK',
      status: undefined,
    });
    const { t: slow } = transport(
      (seen) =>
        new Promise((_, reject) => {
          seen.signal?.addEventListener('abort', () => reject(new Error('x')));
        }),
      20,
    );
    const started = Date.now();
    await expect(slow.mediaStatus('ab')).rejects.toMatchObject({ code: 'NETWORK' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('asks for the upload state with HEAD', async () => {
    const { t } = transport((seen) =>
      seen.url.endsWith('/done')
        ? new Response(null, { status: 200 })
        : new Response(null, { status: 404, headers: { 'upload-offset': '4096' } }),
    );
    expect(await t.mediaStatus('done')).toMatchObject({ complete: true });
    expect(await t.mediaStatus('half')).toEqual({ complete: false, offset: 4096 });
  });

  it('uploads a chunk with Content-Range and follows the answers', async () => {
    const answers = [
      json(202, { received: 4 }),
      json(409, { code: 'MEDIA_OFFSET_MISMATCH', message: 'offset', details: { offset: 2 } }),
      json(201, { sha256: 'ab' }),
      json(415, { code: 'MEDIA_TYPE_UNSUPPORTED', message: 'no' }),
    ];
    const { t, requests } = transport(() => answers.shift() ?? json(500, {}));
    const chunk = new Uint8Array([1, 2, 3, 4]);
    expect(await t.uploadMedia('ab', 'image/jpeg', chunk, 0, 10)).toEqual({ complete: false, offset: 4 });
    expect(await t.uploadMedia('ab', 'image/jpeg', chunk, 4, 10)).toEqual({ complete: false, offset: 2 });
    expect(await t.uploadMedia('ab', 'image/jpeg', chunk.subarray(0, 2), 8, 10)).toEqual({
      complete: true,
      offset: 10,
    });
    await expect(t.uploadMedia('ab', 'text/plain', chunk, 0, 4)).rejects.toMatchObject({
      code: 'MEDIA_TYPE_UNSUPPORTED',
      status: 415,
    });
    expect(requests[0]).toMatchObject({
      url: 'https://atlas.example/api/v1/media/ab',
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg', 'content-range': 'bytes 0-3/10' },
    });
    expect(requests[2]?.headers['content-range']).toBe('bytes 8-9/10');
    expect(requests[0]?.body).toEqual(new Uint8Array([1, 2, 3, 4]));
  });
});
