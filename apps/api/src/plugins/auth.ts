import { createHash, timingSafeEqual } from 'node:crypto';
import type { Account, Role } from '@quartiersatlas/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { accountForDeviceToken, accountForLoginSession } from '../store/auth.ts';
import { callerForResidentToken, RESIDENT_TOKEN_PREFIX } from '../store/resident-devices.ts';

export const SESSION_COOKIE = 'qa_session';
/** Header that carries the CSRF token on unsafe requests signed in by the session cookie. */
export const CSRF_HEADER = 'x-csrf-token';

/** Who may call a route: everybody, or signed-in accounts with one of these roles. */
export type Access = 'public' | readonly Role[];

export interface Caller {
  account: Account;
  via: 'cookie' | 'device-token';
  tokenId?: string;
  /** For residents: the link their anonymous device came through. */
  residentLinkId?: string;
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its access rule, for the route × role test and the docs. */
    routeAccess: RouteAccess[];
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** `false` only where a request makes a new session rather than acting on one (sign-in). */
    csrf?: boolean;
  }
}

export const STAFF: readonly Role[] = ['admin', 'planner'];
export const TEAM: readonly Role[] = ['admin', 'planner', 'field'];
export const SIGNED_IN: readonly Role[] = ['admin', 'planner', 'field', 'resident'];

export function cookieOptions(config: Config, request: FastifyRequest) {
  const secure = config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure;
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}

async function identify(db: Db, config: Config, request: FastifyRequest, reply: FastifyReply): Promise<Caller | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match?.[1];
    if (token?.startsWith(RESIDENT_TOKEN_PREFIX)) {
      const resident = await callerForResidentToken(db, token);
      if (!resident) throw new AppError('INVALID_TOKEN');
      return {
        account: resident.account,
        via: 'device-token',
        tokenId: resident.deviceId,
        residentLinkId: resident.linkId,
      };
    }
    const found = token ? await accountForDeviceToken(db, token) : undefined;
    if (!found) throw new AppError('INVALID_TOKEN');
    return { account: found.account, via: 'device-token', tokenId: found.tokenId };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) {
    const account = await accountForLoginSession(db, cookie);
    if (account) return { account, via: 'cookie' };
    reply.clearCookie(SESSION_COOKIE, cookieOptions(config, request));
  }
  return null;
}

/**
 * The CSRF token of a browser session, derived from the session cookie rather than stored: a page
 * of this origin learns it from sign-in or /auth/me, a foreign site cannot read it, and knowing it
 * reveals nothing about the cookie (SHA-256 cannot be reversed on 256 random bits).
 */
export function csrfTokenFor(sessionCookie: string): string {
  return createHash('sha256').update(`csrf:${sessionCookie}`).digest('base64url');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Browsers attach the session cookie to requests any site starts; only a page of this origin can
 * add the header. Bearer tokens are never attached by a browser on its own, so they are exempt.
 */
function checkCsrf(request: FastifyRequest): void {
  if (request.caller?.via !== 'cookie' || SAFE_METHODS.has(request.method)) return;
  if (request.routeOptions.config.csrf === false) return;
  const cookie = request.cookies[SESSION_COOKIE] ?? '';
  const sent = request.headers[CSRF_HEADER];
  const expected = Buffer.from(csrfTokenFor(cookie));
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('CSRF_TOKEN_INVALID');
}

/** Requires that the caller is signed in with one of `roles`; the caller, narrowed. */
export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError('UNAUTHENTICATED');
  return request.caller;
}

/**
 * Every /api/v1 route must declare `config.access`; a route without it fails at start-up, so none
 * can be exposed by forgetting. The check runs before the body is parsed: a caller without the
 * right gets 401/403, never a validation answer that tells them about the route's input.
 */
export function installAuth(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('caller', null);
  const table: RouteAccess[] = [];
  app.decorate('routeAccess', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (access === undefined) {
      if (route.url.startsWith('/api/v1'))
        throw new Error(`route ${route.method} ${route.url} declares no access rule`);
      return;
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    request.caller = await identify(db, config, request, reply);
    checkCsrf(request);
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    if (!request.caller) throw new AppError('UNAUTHENTICATED');
    if (!access.includes(request.caller.account.role)) {
      throw new AppError('FORBIDDEN', { role: request.caller.account.role });
    }
  });
}
