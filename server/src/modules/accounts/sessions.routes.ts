import { type Response, Router } from 'express';
import type { Knex } from 'knex';
import * as openid from 'openid-client';
import { loginSchema, oidcStartQuerySchema } from '@tm/shared/schemas/account';
import { actorOf } from '../../http/actor.ts';
import { message } from '@tm/shared/messages/messages';
import { AppError } from '../../http/app-error.ts';
import { cookieOptions, currentAuth, SESSION_COOKIE } from '../../http/authenticate.ts';
import { clientAddress } from '../../http/client-address.ts';
import { requireJsonBody, validateRequest } from '../../http/validate.ts';
import * as accounts from './accounts.service.ts';
import type { Authenticated } from './accounts.service.ts';
import type { StoredSession } from './sessions.repository.ts';
import type { AuthSettings } from './auth-settings.ts';
import { type OidcClient, SingleSignOnRefused } from './oidc.service.ts';

const OIDC_COOKIE = 'tm_oidc';
const OIDC_PATH = '/api/v1/sessions/oidc';

/** Where the browser lands when single sign-on did not work: the log-in screen, which explains. */
const SSO_FAILED = '/inloggen?sso=mislukt';

/** The caller's browser session; a token is not one (403), and without either the caller is not logged in (401). */
function requireSession(res: Response): Authenticated & { session: StoredSession } {
  const auth = currentAuth(res);
  if (auth?.token) throw AppError.forbidden(message('accounts.sessionNeeded'));
  if (!auth?.session) throw AppError.unauthorized(message('accounts.noSession'));
  return { ...auth, session: auth.session };
}

export function sessionsRoutes(
  db: Knex,
  settings: AuthSettings,
  oidc: OidcClient | undefined,
): Router {
  const router = Router({ strict: true });

  router.post('/sessions', async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: loginSchema });
    const started = await accounts.logIn(db, body, clientAddress(req), settings, actorOf(req, res));
    // A new cookie value at every log-in, and the old session (if any) ended: no fixation.
    const previous = currentAuth(res)?.session;
    if (previous) await accounts.logOut(db, previous, actorOf(req, res));
    res
      .cookie(SESSION_COOKIE, started.cookieValue, cookieOptions(req, settings, { maxAgeMs: settings.sessionAbsoluteSeconds * 1000 }))
      .set('Cache-Control', 'no-store')
      .status(201)
      .location(`${req.baseUrl}/sessions/current`)
      .json(started.session);
  });

  router.get('/sessions/current', (_req, res) => {
    const auth = requireSession(res);
    res.set('Cache-Control', 'no-store').json(accounts.currentSession(auth));
  });

  router.delete('/sessions/current', async (req, res) => {
    const auth = requireSession(res);
    await accounts.logOut(db, auth.session, actorOf(req, res));
    res.clearCookie(SESSION_COOKIE, cookieOptions(req, settings)).status(204).end();
  });

  const requireOidc = (): OidcClient => {
    if (!oidc) throw AppError.notFound(message('accounts.ssoNotConfigured'));
    return oidc;
  };

  router.get('/sessions/oidc', async (req, res) => {
    const { query } = validateRequest(req, { query: oidcStartQuerySchema });
    const started = await requireOidc().start(db, query.returnTo ?? '/');
    res
      .cookie(OIDC_COOKIE, started.state, cookieOptions(req, settings, { path: OIDC_PATH, maxAgeMs: 10 * 60 * 1000 }))
      .set('Cache-Control', 'no-store')
      .redirect(303, started.url);
  });

  router.get('/sessions/oidc/callback', async (req, res) => {
    const client = requireOidc();
    const answer = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    res.clearCookie(OIDC_COOKIE, cookieOptions(req, settings, { path: OIDC_PATH })).set('Cache-Control', 'no-store');
    let finished: Awaited<ReturnType<OidcClient['finish']>>;
    try {
      const browserState = (req.cookies as Record<string, string | undefined>)[OIDC_COOKIE];
      finished = await client.finish(db, answer, browserState, actorOf(req, res));
    } catch (error) {
      const refused = error instanceof SingleSignOnRefused || error instanceof openid.ClientError ||
        error instanceof openid.AuthorizationResponseError || error instanceof openid.ResponseBodyError;
      if (!refused) throw error;
      req.log.warn({ reason: (error as Error).message }, 'single sign-on refused');
      res.redirect(303, SSO_FAILED);
      return;
    }
    const started = await accounts.startSession(db, finished.user, 'oidc', settings, actorOf(req, res));
    res
      .cookie(SESSION_COOKIE, started.cookieValue, cookieOptions(req, settings, { maxAgeMs: settings.sessionAbsoluteSeconds * 1000 }))
      .redirect(303, finished.returnTo);
  });

  return router;
}
