import { getMeta } from '../data/index.ts';

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

interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
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

/** Calls the same-origin API; resolves with the JSON body, or `undefined` for 204. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...(await deviceTokenHeader()) };
  if (method !== 'GET') headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(NETWORK_ERROR, 0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(UNKNOWN_ERROR, response.status, 'The answer was not JSON');
  }
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
