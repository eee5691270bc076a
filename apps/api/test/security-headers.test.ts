import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWAGGER_UI_STYLE_HASH } from '../src/plugins/docs.ts';
import { createTestApp, type TestApp } from './helpers.ts';

/** The policy over plain http, written out: a change to it should be a decision, not a side effect. */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// The headers do not depend on the database, so SQLite alone is enough here.
describe('security headers', () => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    // Without a basemap, as the browser tests run: nothing remote at all.
    t = await createTestApp('sqlite', { basemapStyleUrl: null });
    proxied = await createTestApp('sqlite', {
      trustProxy: true,
      basemapStyleUrl: 'https://tiles.example.org/styles/basemap.json',
    });
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
  });

  it('sends the strict policy with no inline script or style on API answers, errors and pages', async () => {
    for (const url of ['/api/health', '/api/v1/records', '/quartier/eving', '/api/v1/nothing-here']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.headers['content-security-policy'], url).toBe(POLICY);
      expect(response.headers['content-security-policy']).not.toContain('unsafe-');
    }
  });

  it('asks the browser to upgrade requests only when the page came over https', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    // Without TRUST_PROXY a forwarded header proves nothing: the request came over plain http.
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const secure = await proxied.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(secure.headers['content-security-policy']).toMatch(/; upgrade-insecure-requests$/);
    const local = await proxied.app.inject({ method: 'GET', url: '/api/health' });
    expect(local.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('allows the basemap origin for images and connections, and nothing else remote', async () => {
    const response = await proxied.app.inject({ method: 'GET', url: '/api/health' });
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("img-src 'self' data: blob: https://tiles.example.org;");
    expect(policy).toContain("connect-src 'self' https://tiles.example.org;");
    expect(policy.match(/https:\/\//g)).toHaveLength(2);
  });

  it('lets the API docs page add exactly one inline style, by its hash', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBe(
      POLICY.replace("style-src 'self'", `style-src 'self' '${SWAGGER_UI_STYLE_HASH}'`),
    );
  });

  it('forbids framing, sniffing and referrers, and grants camera, microphone and position to the app only', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    const permissions = String(response.headers['permissions-policy']).split(', ');
    expect(permissions).toEqual(expect.arrayContaining(['camera=(self)', 'microphone=(self)', 'geolocation=(self)']));
    expect(permissions).toEqual(expect.arrayContaining(['payment=()', 'usb=()', 'display-capture=()']));
  });
});
