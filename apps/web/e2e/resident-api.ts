/**
 * What the browser tests do through the API around a resident's phone: a planner signs in (cookie
 * and CSRF token), makes a resident link, and a device of that link sends a need as residents do.
 */
import { PRIVACY_NOTICE_VERSION } from '@quartiersatlas/domain';
import type { TestAccount } from './harness.ts';

export interface ApiSession {
  cookie: string;
  csrfToken: string;
}

async function expectStatus(response: Response, status: number | number[], what: string): Promise<void> {
  const allowed = [status].flat();
  if (!allowed.includes(response.status)) {
    throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  }
}

/** Signs in through the API: the session cookie, and the CSRF token its writes must carry. */
export async function apiSession(url: string, account: TestAccount): Promise<ApiSession> {
  const response = await fetch(new URL('api/v1/auth/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  await expectStatus(response, 200, `sign-in of ${account.username}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken };
}

export async function apiGet<T>(url: string, session: ApiSession | null, path: string): Promise<T> {
  const response = await fetch(new URL(path, url), { headers: session ? { cookie: session.cookie } : {} });
  await expectStatus(response, 200, `GET ${path}`);
  return (await response.json()) as T;
}

export async function apiPost<T>(url: string, session: ApiSession, path: string, body: unknown): Promise<T> {
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify(body),
  });
  await expectStatus(response, [200, 201], `POST ${path}`);
  return (await response.json()) as T;
}

/** A resident link for a quarter; answers its code (the part after /r/). */
export async function createResidentLink(
  url: string,
  planner: ApiSession,
  quarterId: string,
  title: string,
  languages: string[] = ['de', 'tr', 'ar'],
): Promise<{ id: string; code: string; path: string }> {
  const { link } = await apiPost<{ link: { id: string; code: string; path: string } }>(
    url,
    planner,
    'api/v1/resident-links',
    { title, quarterId, languages },
  );
  return link;
}

/** A new anonymous device of the link: the bearer token a resident's phone would hold. */
export async function residentDevice(url: string, code: string): Promise<string> {
  const response = await fetch(new URL(`api/v1/resident-links/by-code/${code}/devices`, url), { method: 'POST' });
  await expectStatus(response, 201, 'device registration');
  return ((await response.json()) as { token: string }).token;
}

/** Sends a need as a resident's phone does, with consent and a receipt code. */
export async function sendResidentNeed(
  url: string,
  token: string,
  feature: { id: string; geometry: unknown; properties: Record<string, unknown> },
  receipt: string,
  lang = 'de',
): Promise<void> {
  const response = await fetch(new URL('api/v1/resident/needs', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      feature: { type: 'Feature', ...feature },
      consent: { noticeVersion: PRIVACY_NOTICE_VERSION, lang, givenAt: new Date().toISOString() },
      receipt,
    }),
  });
  await expectStatus(response, [200, 201], 'resident need');
}
