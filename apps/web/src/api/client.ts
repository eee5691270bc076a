import { getMeta, setMeta } from '../data/index.ts';

/** A failed API call, carrying the API's stable error code (or `network` when no answer came). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** Field names the API flagged, from `details: [{ field, code, message }]`. */
  get fields(): string[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((item: unknown) =>
      item !== null && typeof item === 'object' && typeof (item as { field?: unknown }).field === 'string'
        ? [(item as { field: string }).field]
        : [],
    );
  }
}

export const NETWORK_ERROR = 'network';
export const UNKNOWN_ERROR = 'unknown';

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof body.code === 'string') {
      return new ApiError(body.code, response.status, String(body.message ?? body.code), body.details);
    }
  } catch {
    // Not our JSON (a proxy's HTML error page, say): fall through to a generic error.
  }
  return new ApiError(UNKNOWN_ERROR, response.status, `HTTP ${response.status}`);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Sign in with this bearer token instead of the device's own (a resident link's anonymous token),
   * or `null` to send none at all (public calls that must not carry a staff token).
   */
  token?: string | null;
}

/** The meta key under which a signed-in device keeps its token (see shell/auth.ts). */
export const DEVICE_TOKEN_META = 'deviceToken';

/**
 * The device token as an Authorization header: the browser's session cookie ends after 14 days,
 * the token lasts for weeks of offline work. Without IndexedDB (or a token) the cookie alone signs in.
 */
export async function deviceTokenHeader(): Promise<Record<string, string>> {
  try {
    const token = await getMeta<string>(DEVICE_TOKEN_META);
    return token ? { authorization: `Bearer ${token}` } : {};
  } catch {
    return {};
  }
}

/** The meta key of the browser session's CSRF token, kept so it survives a reload. */
export const CSRF_TOKEN_META = 'csrfToken';
export const CSRF_HEADER = 'x-csrf-token';
// Answers that hand out the token of the session they belong to.
const CSRF_SOURCES = new Set(['/api/v1/auth/login', '/api/v1/auth/me']);

// In memory first: it works without IndexedDB, and saves a read per call. `undefined`: not read yet.
let csrfToken: string | null | undefined;

/** Keeps (or, with null, forgets) the CSRF token of the session cookie. */
export async function rememberCsrfToken(token: string | null): Promise<void> {
  csrfToken = token;
  try {
    await setMeta(CSRF_TOKEN_META, token);
  } catch {
    // Without IndexedDB the token lives as long as the page, and /auth/me gives it again.
  }
}

async function knownCsrfToken(): Promise<string | null> {
  if (csrfToken === undefined) {
    try {
      csrfToken = (await getMeta<string>(CSRF_TOKEN_META)) ?? null;
    } catch {
      csrfToken = null;
    }
  }
  return csrfToken;
}

/**
 * Asks the server for the session's CSRF token again (after IndexedDB lost it, say); true when the
 * browser is signed in by cookie and the token is known now.
 */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch('/api/v1/auth/me', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return false;
    const { csrfToken: token } = (await response.json()) as { csrfToken?: unknown };
    if (typeof token !== 'string') return false;
    await rememberCsrfToken(token);
    return true;
  } catch {
    return false;
  }
}

/** Calls the same-origin API; resolves with the JSON body, or `undefined` for 204. */
export function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(path, options, false);
}

async function send<T>(path: string, options: RequestOptions, retried: boolean): Promise<T> {
  const method = options.method ?? 'GET';
  const auth =
    options.token === undefined
      ? await deviceTokenHeader()
      : options.token === null
        ? {}
        : { authorization: `Bearer ${options.token}` };
  const headers: Record<string, string> = { accept: 'application/json', ...auth };
  // A DELETE sends no body unless given one: an empty JSON body would be refused.
  const body =
    method === 'GET' || (method === 'DELETE' && options.body === undefined)
      ? undefined
      : JSON.stringify(options.body ?? {});
  if (body !== undefined) headers['content-type'] = 'application/json';
  // Without a bearer token the session cookie signs the call in, and the server wants proof that
  // this page (not another site) sent it.
  const csrf = method !== 'GET' && headers.authorization === undefined ? await knownCsrfToken() : null;
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(NETWORK_ERROR, 0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.code === 'CSRF_TOKEN_INVALID' && !retried && (await refreshCsrfToken())) {
      return send<T>(path, options, true);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  let answer: T;
  try {
    answer = (await response.json()) as T;
  } catch {
    throw new ApiError(UNKNOWN_ERROR, response.status, 'The answer was not JSON');
  }
  const token = (answer as { csrfToken?: unknown } | null)?.csrfToken;
  if (CSRF_SOURCES.has(path) && typeof token === 'string') await rememberCsrfToken(token);
  return answer;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(UNKNOWN_ERROR, 0, error instanceof Error ? error.message : String(error));
}

/** A file the API sends as an attachment, with the name the server gave it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/**
 * Fetches an export with the device token. A plain link would sign in with the session cookie
 * only, and would save the API's JSON error (say EXPORT_TOO_LARGE) as if it were the file.
 */
export async function requestFile(path: string): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: await deviceTokenHeader() });
  } catch (error) {
    throw new ApiError(NETWORK_ERROR, 0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await errorFrom(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), fileName: name };
}
