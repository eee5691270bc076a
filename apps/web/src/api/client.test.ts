import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMeta } from '../data/index.ts';
import { ApiError, DEVICE_TOKEN_META, request } from './client.ts';

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
