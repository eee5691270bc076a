import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMeta, setMeta } from '../data/index.ts';
import { ApiError, CSRF_TOKEN_META, DEVICE_TOKEN_META, rememberCsrfToken, request } from './client.ts';

function answer(status: number, body: string, contentType = 'application/json') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(status === 204 ? null : body, { status, headers: { 'content-type': contentType } })),
  );
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request', () => {
  it('signs in with the device token, so workspace calls keep working after the session cookie ended', async () => {
    answer(200, '{"ok":true}');
    await request('/api/v1/reports/overview');
    const unsigned = vi.mocked(fetch).mock.calls[0]?.[1]?.headers as Record<string, string>;
    expect(unsigned.authorization).toBeUndefined();
    await setMeta(DEVICE_TOKEN_META, 'qa_device_token');
    await request('/api/v1/reports/overview');
    const signed = vi.mocked(fetch).mock.calls[1]?.[1]?.headers as Record<string, string>;
    expect(signed.authorization).toBe('Bearer qa_device_token');
    await setMeta(DEVICE_TOKEN_META, undefined);
  });

  it('turns an API error body into its code and the fields it names', async () => {
    answer(
      400,
      JSON.stringify({
        code: 'VALIDATION_FAILED',
        message: 'Some fields are invalid',
        details: [{ field: 'username', code: 'REQUIRED', message: 'is required' }],
      }),
    );
    const error = await failure(request('/api/v1/auth/login', { method: 'POST', body: {} }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.status).toBe(400);
    expect(error.fields).toEqual(['username']);
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect((await failure(request('/api/v1/quarters'))).code).toBe('network');
  });

  it('reports a non-API error page (a proxy’s HTML) as unknown', async () => {
    answer(502, '<html>Bad Gateway</html>', 'text/html');
    const error = await failure(request('/api/v1/quarters'));
    expect(error.code).toBe('unknown');
    expect(error.status).toBe(502);
  });

  it('sends JSON with a content type on POST and resolves 204 without a body', async () => {
    answer(204, '');
    await expect(request('/api/v1/auth/logout', { method: 'POST', body: {} })).resolves.toBeUndefined();
    const [, init] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect(init?.body).toBe('{}');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });
});

describe('CSRF token of the browser session', () => {
  const headersOf = (call: number) => new Headers(vi.mocked(fetch).mock.calls[call]?.[1]?.headers);

  it('keeps the token sign-in gives and sends it with writes that ride on the cookie', async () => {
    answer(200, JSON.stringify({ account: { id: 'a' }, csrfToken: 'token-from-sign-in' }));
    await request('/api/v1/auth/login', { method: 'POST', body: { username: 'u', password: 'p' } });
    expect(await getMeta(CSRF_TOKEN_META)).toBe('token-from-sign-in');
    answer(201, '{}');
    await request('/api/v1/auth/device-tokens', { method: 'POST', body: { name: 'Browser' } });
    expect(headersOf(0).get('x-csrf-token')).toBe('token-from-sign-in');
    await request('/api/v1/quarters');
    expect(headersOf(1).has('x-csrf-token')).toBe(false);
    await rememberCsrfToken(null);
  });

  it('sends none with a bearer token, which another site cannot borrow', async () => {
    await rememberCsrfToken('token');
    answer(201, '{}');
    await request('/api/v1/resident/needs', { method: 'POST', body: {}, token: 'qart_x' });
    expect(headersOf(0).get('authorization')).toBe('Bearer qart_x');
    expect(headersOf(0).has('x-csrf-token')).toBe(false);
    await rememberCsrfToken(null);
  });

  it('asks /auth/me for the token once when the server refuses it, then tries again', async () => {
    await rememberCsrfToken('stale');
    const answers = [
      new Response(JSON.stringify({ code: 'CSRF_TOKEN_INVALID', message: 'no' }), { status: 403 }),
      new Response(JSON.stringify({ account: { id: 'a' }, via: 'cookie', csrfToken: 'fresh' }), { status: 200 }),
      new Response(null, { status: 204 }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answers.shift()),
    );
    await expect(request('/api/v1/auth/logout', { method: 'POST', body: {} })).resolves.toBeUndefined();
    expect(vi.mocked(fetch).mock.calls.map(([url]) => url)).toEqual([
      '/api/v1/auth/logout',
      '/api/v1/auth/me',
      '/api/v1/auth/logout',
    ]);
    expect(headersOf(0).get('x-csrf-token')).toBe('stale');
    expect(headersOf(2).get('x-csrf-token')).toBe('fresh');
    expect(await getMeta(CSRF_TOKEN_META)).toBe('fresh');
    await rememberCsrfToken(null);
  });

  it('gives up after one new try, with the server’s refusal', async () => {
    await rememberCsrfToken('stale');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url === '/api/v1/auth/me'
          ? new Response(JSON.stringify({ account: { id: 'a' }, via: 'cookie', csrfToken: 'also-wrong' }))
          : new Response(JSON.stringify({ code: 'CSRF_TOKEN_INVALID', message: 'no' }), { status: 403 }),
      ),
    );
    const error = await failure(request('/api/v1/sessions', { method: 'POST', body: {} }));
    expect(error.code).toBe('CSRF_TOKEN_INVALID');
    expect(vi.mocked(fetch).mock.calls).toHaveLength(3);
    await rememberCsrfToken(null);
  });
});
