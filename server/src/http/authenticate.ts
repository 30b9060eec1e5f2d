import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import { message } from '@tm/shared/messages/messages';
import type { User } from '@tm/shared/schemas/account';
import { type Authenticated, resolveSession, resolveToken } from '../modules/accounts/accounts.service.ts';
import type { AuthSettings } from '../modules/accounts/auth-settings.ts';
import { sameSecret } from '../modules/accounts/secrets.ts';
import { AppError } from './app-error.ts';

export const SESSION_COOKIE = 'tm_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieOptions(req: Request, maxAgeMs?: number): CookieOptions {
  // Lax rather than Strict: the single sign-on provider sends the browser back to us with a cross-site redirect.
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/api/', ...(maxAgeMs !== undefined ? { maxAge: maxAgeMs } : {}) };
}

function invalidToken(): AppError {
  return AppError.unauthorized(message('auth.tokenInvalid'), { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
}

/** Whether a write needs the session's CSRF token: logging in has no session to protect yet. */
function needsCsrfToken(req: Request): boolean {
  return !SAFE_METHODS.has(req.method) && !(req.method === 'POST' && req.path === '/sessions');
}

/**
 * Finds out who is calling: a personal API token (`Authorization: Bearer`) or a session cookie. A cookie-borne
 * write must also carry the session's CSRF token, which another site cannot read; a token is never sent by a
 * browser on its own, so it needs none.
 */
export function authenticate(db: Knex, settings: AuthSettings): RequestHandler {
  return async (req, res, next) => {
    const authorization = req.get('Authorization');
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+([A-Za-z0-9_-]{10,200})$/i.exec(authorization.trim());
      const auth = bearer ? await resolveToken(db, bearer[1]!) : undefined;
      if (!auth) throw invalidToken();
      setAuthenticated(res, auth);
      next();
      return;
    }
    const cookie = (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
    if (cookie) {
      const auth = await resolveSession(db, cookie, settings);
      if (!auth) {
        res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
      } else {
        if (needsCsrfToken(req)) {
          const given = req.get('X-CSRF-Token');
          if (!given || !sameSecret(given, auth.session!.csrfToken))
            throw AppError.forbidden(message('auth.csrfMissing'));
        }
        setAuthenticated(res, auth);
      }
    }
    next();
  };
}

function setAuthenticated(res: Response, auth: Authenticated): void {
  res.locals.user = auth.user;
  res.locals.auth = auth;
}

export function currentUser(res: Response): User | undefined {
  return res.locals.user as User | undefined;
}

export function currentAuth(res: Response): Authenticated | undefined {
  return res.locals.auth as Authenticated | undefined;
}
