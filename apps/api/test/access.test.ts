import type { Role } from '@quartiersatlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DATABASES, ROLES_UNDER_TEST, TEST_QUARTER, type TestApp, uuidv7 } from './helpers.ts';

const ALL: readonly Role[] = ['admin', 'planner', 'field', 'resident'];
const TEAM: readonly Role[] = ['admin', 'planner', 'field'];
const STAFF: readonly Role[] = ['admin', 'planner'];
const ADMIN: readonly Role[] = ['admin'];

/** Who may call what. Written out by hand: the test fails if a route is added without a line here. */
const EXPECTED: Record<string, 'public' | readonly Role[]> = {
  'GET /api/health': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /api/v1/auth/me': ALL,
  'GET /api/v1/auth/device-tokens': TEAM,
  'POST /api/v1/auth/device-tokens': TEAM,
  'DELETE /api/v1/auth/device-tokens/:id': TEAM,
  'GET /api/v1/accounts': ADMIN,
  'POST /api/v1/accounts': ADMIN,
  'GET /api/v1/accounts/:id': ADMIN,
  'PATCH /api/v1/accounts/:id': ADMIN,
  'GET /api/v1/config': 'public',
  'GET /api/v1/taxonomy': 'public',
  'PUT /api/v1/taxonomy': STAFF,
  'GET /api/v1/quarters': 'public',
  'GET /api/v1/quarters/:id': 'public',
  'PUT /api/v1/quarters/:id': STAFF,
  'GET /api/v1/sessions': TEAM,
  'GET /api/v1/sessions/:id': TEAM,
  'POST /api/v1/sessions': TEAM,
  'PATCH /api/v1/sessions/:id': TEAM,
  'GET /api/v1/records': TEAM,
  'GET /api/v1/exports/records': TEAM,
  'GET /api/v1/records/:id': TEAM,
  'POST /api/v1/records': TEAM,
  'PATCH /api/v1/records/:id': TEAM,
  'DELETE /api/v1/records/:id': TEAM,
  'POST /api/v1/records/:id/publish': STAFF,
  'POST /api/v1/records/:id/reject': STAFF,
  'GET /api/v1/records/:id/history': STAFF,
  'GET /api/v1/reports/overview': STAFF,
  'POST /api/v1/imports': STAFF,
  'GET /api/v1/imports': STAFF,
  'GET /api/v1/imports/:id': STAFF,
  'POST /api/v1/analyses': STAFF,
  'GET /api/v1/analyses': STAFF,
  'GET /api/v1/analyses/:id': STAFF,
  'POST /api/v1/analyses/:id/what-if': STAFF,
  'GET /api/v1/analyses/:id/export': STAFF,
  'GET /api/v1/demand-layers': STAFF,
  'POST /api/v1/sync/push': TEAM,
  'GET /api/v1/sync/pull': TEAM,
  'GET /api/v1/conflicts': STAFF,
  'GET /api/v1/conflicts/:id': STAFF,
  'POST /api/v1/conflicts/:id/resolve': STAFF,
  // HEAD /api/v1/media/:sha256 has the same rule as PUT (SIGNED_IN); media.test.ts covers it.
  'PUT /api/v1/media/:sha256': ALL,
  'GET /api/v1/media/:sha256': TEAM,
  'POST /api/v1/resident-links': STAFF,
  'GET /api/v1/resident-links': STAFF,
  'DELETE /api/v1/resident-links/:id': STAFF,
  'GET /api/v1/resident-links/by-code/:code': 'public',
  'POST /api/v1/resident-links/by-code/:code/devices': 'public',
  'POST /api/v1/resident/needs': ['resident'],
  'GET /api/v1/receipts/:receipt': 'public',
  'GET /api/v1/receipts/:receipt/media/:sha256': 'public',
  'GET /api/v1/receipts/:receipt/export': 'public',
  'DELETE /api/v1/receipts/:receipt': 'public',
  'GET /api/v1/privacy/export': STAFF,
  'DELETE /api/v1/privacy/submissions/:id': STAFF,
};

/** Public writes authorised by a code in the address (a link's, a receipt's), never by the session cookie. */
const BY_CODE = new Set(['POST /api/v1/resident-links/by-code/:code/devices', 'DELETE /api/v1/receipts/:receipt']);

function concreteUrl(url: string): string {
  return url.replace(':id', url.startsWith('/api/v1/quarters') ? TEST_QUARTER.id : uuidv7());
}

describe.each(DATABASES)('every route × every role on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('has an access rule for exactly the routes listed in this test', () => {
    const registered = t.app.routeAccess.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(EXPECTED).sort());
    for (const route of t.app.routeAccess) expect(route.access).toEqual(EXPECTED[`${route.method} ${route.url}`]);
  });

  it('lets a signed-in browser open a link or a receipt by its code without a CSRF token', async () => {
    const { cookie } = t.accounts.planner;
    const receipt = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/receipts/7KQM-4XPT-9BRC',
      headers: { cookie },
    });
    expect(receipt.statusCode, receipt.body).toBe(404);
    expect(receipt.json().code).toBe('RECEIPT_NOT_FOUND');
    const device = await t.app.inject({
      method: 'POST',
      url: `/api/v1/resident-links/by-code/${t.residentLink.code}/devices`,
      headers: { cookie },
    });
    expect(device.statusCode).toBe(201);
  });

  const callers: Array<{ role: Role | 'anonymous'; via: 'cookie' | 'token' }> = [
    { role: 'anonymous', via: 'cookie' },
    ...ROLES_UNDER_TEST.flatMap((role) => [
      { role, via: 'cookie' as const },
      { role, via: 'token' as const },
    ]),
  ];

  for (const [route, access] of Object.entries(EXPECTED)) {
    const [method, url] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
    if (route === 'POST /api/v1/auth/login' || route === 'POST /api/v1/auth/logout') continue; // covered in auth.test.ts
    it(`${route}`, async () => {
      for (const { role, via } of callers) {
        const response = await t.app.inject({
          method,
          url: concreteUrl(url),
          headers: t.as(role, via),
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
        const allowed = access === 'public' || (role !== 'anonymous' && access.includes(role));
        const label = `${role} via ${via}: ${response.statusCode} ${response.body.slice(0, 120)}`;
        if (allowed) {
          expect([401, 403], label).not.toContain(response.statusCode);
          expect(response.statusCode, label).toBeLessThan(500);
        } else if (role === 'anonymous') {
          expect(response.statusCode, label).toBe(401);
          expect(response.json().code, label).toBe('UNAUTHENTICATED');
        } else {
          expect(response.statusCode, label).toBe(403);
          expect(response.json().code, label).toBe('FORBIDDEN');
        }
      }
    });
  }

  it('asks every write by session cookie for the CSRF token, before anything else', async () => {
    const { cookie } = t.accounts.admin;
    for (const [route] of Object.entries(EXPECTED)) {
      const [method, url] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      // Signing in acts on no session; reads change nothing; codes, not cookies, open a link or a receipt.
      if (method === 'GET' || route === 'POST /api/v1/auth/login' || BY_CODE.has(route)) continue;
      const response = await t.app.inject({
        method,
        url: concreteUrl(url),
        headers: { cookie },
        ...(method === 'DELETE' ? {} : { payload: {} }),
      });
      expect(response.statusCode, route).toBe(403);
      expect(response.json().code, route).toBe('CSRF_TOKEN_INVALID');
    }
  });

  it('answers 401 to an unknown or revoked device token, even on public routes', async () => {
    const bogus = await t.app.inject({
      method: 'GET',
      url: '/api/v1/records',
      headers: { authorization: 'Bearer qadt_not-a-real-token' },
    });
    expect(bogus.statusCode).toBe(401);
    expect(bogus.json().code).toBe('INVALID_TOKEN');
    const malformed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/quarters',
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(malformed.statusCode).toBe(401);
  });

  it('treats an unknown session cookie as signed out and clears it', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/records',
      headers: { cookie: 'qa_session=forged' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.cookies.find((c) => c.name === 'qa_session')?.value).toBe('');
  });
});
