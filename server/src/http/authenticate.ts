import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import onHeaders from 'on-headers';
import { message } from '@tm/shared/messages/messages';
import type { ApiTokenScope, User } from '@tm/shared/schemas/account';
import { type Authenticated, resolveSession, resolveToken } from '../modules/accounts/accounts.service.ts';
import type { AuthSettings } from '../modules/accounts/auth-settings.ts';
import { sameSecret } from '../modules/accounts/secrets.ts';
import { AppError } from './app-error.ts';

export const SESSION_COOKIE = 'tm_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every cookie we set: HttpOnly, and Secure whenever the browser reached us over HTTPS, which a TLS proxy in
 * front tells us through `PUBLIC_URL` (always) or `X-Forwarded-Proto` (when `TRUST_PROXY` trusts it).
 */
export function cookieOptions(req: Request, settings: AuthSettings, { path = '/api/', maxAgeMs }: { path?: string; maxAgeMs?: number } = {}): CookieOptions {
  // Lax rather than Strict: the single sign-on provider sends the browser back to us with a cross-site redirect.
  return { httpOnly: true, sameSite: 'lax', secure: settings.secureCookies || req.secure, path, ...(maxAgeMs !== undefined ? { maxAge: maxAgeMs } : {}) };
}

function invalidToken(): AppError {
  return AppError.unauthorized(message('auth.tokenInvalid'), { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
}

function missingScope(scope: ApiTokenScope): AppError {
  return AppError.withStatus(403, message('auth.missingScope', { scope }), { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"` });
}

/** Whether a write needs the session's CSRF token: logging in has no session to protect yet. */
function needsCsrfToken(req: Request): boolean {
  return !SAFE_METHODS.has(req.method) && !(req.method === 'POST' && req.path === '/sessions');
}

/**
 * What a token may do is its owner's rights cut down to its scopes: reading needs `read`, any other method `write`,
 * and an admin's rights `admin`; an admin's token without it acts as a viewer.
 */
function withinScopes(req: Request, auth: Authenticated & { token: NonNullable<Authenticated['token']> }): User {
  const needed: ApiTokenScope = SAFE_METHODS.has(req.method) ? 'read' : 'write';
  if (!auth.token.scopes.includes(needed)) throw missingScope(needed);
  if (auth.user.role === 'admin' && !auth.token.scopes.includes('admin')) return { ...auth.user, role: 'viewer' };
  return auth.user;
}

/**
 * Finds out who is calling: a personal API token (`Authorization: Bearer`) or a session cookie. A cookie-borne
 * write must also carry the session's CSRF token, which another site cannot read; a token is never sent by a
 * browser on its own, so it needs none. Whatever is answered to a known caller is theirs alone: no cache, shared
 * or the browser's, keeps it.
 */
export function authenticate(db: Knex, settings: AuthSettings): RequestHandler {
  return async (req, res, next) => {
    const authorization = req.get('Authorization');
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+([A-Za-z0-9_-]{10,200})$/i.exec(authorization.trim());
      const auth = bearer ? await resolveToken(db, bearer[1]!) : undefined;
      if (!auth?.token) throw invalidToken();
      identified(res, auth);
      res.locals.user = withinScopes(req, { ...auth, token: auth.token });
      next();
      return;
    }
    const cookie = (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
    if (cookie) {
      const auth = await resolveSession(db, cookie, settings);
      if (!auth) {
        res.clearCookie(SESSION_COOKIE, cookieOptions(req, settings));
      } else {
        identified(res, auth);
        if (needsCsrfToken(req)) {
          const given = req.get('X-CSRF-Token');
          if (!given || !sameSecret(given, auth.session!.csrfToken))
            throw AppError.forbidden(message('auth.csrfMissing'));
        }
        res.locals.user = auth.user;
      }
    }
    next();
  };
}

/**
 * The caller is known (the request log names them, even when they are then refused) and the answer is theirs:
 * `private, no-store` is set as the headers go out, so that no route's own caching header can undo it.
 */
function identified(res: Response, auth: Authenticated): void {
  res.locals.auth = auth;
  onHeaders(res, () => res.setHeader('Cache-Control', 'private, no-store'));
}

/** The caller's rights: its account, cut down to a token's scopes when it came with one. */
export function currentUser(res: Response): User | undefined {
  return res.locals.user as User | undefined;
}

/** The caller's account as stored, and how it authenticated. */
export function currentAuth(res: Response): Authenticated | undefined {
  return res.locals.auth as Authenticated | undefined;
}
