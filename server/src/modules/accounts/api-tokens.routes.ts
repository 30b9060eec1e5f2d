import { Router } from 'express';
import type { Knex } from 'knex';
import { apiTokenIdParamsSchema, apiTokenListQuerySchema, createApiTokenSchema } from '@tm/shared/schemas/account';
import { actorOf } from '../../http/actor.ts';
import { currentAuth } from '../../http/authenticate.ts';
import { requireRole, requireSignedIn } from '../../http/authorize.ts';
import { requireJsonBody, validateRequest } from '../../http/validate.ts';
import * as apiTokens from './api-tokens.service.ts';
import type { AuthSettings } from './auth-settings.ts';

/** Personal API tokens: each account its own; admins every account's. */
export function apiTokensRoutes(db: Knex, settings: AuthSettings): Router {
  const router = Router({ strict: true });

  router.get('/users/current/tokens', requireSignedIn, async (_req, res) => {
    const items = await apiTokens.listOwnTokens(db, currentAuth(res)!);
    res.json({ items, total: items.length });
  });

  router.post('/users/current/tokens', requireSignedIn, async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: createApiTokenSchema });
    const created = await apiTokens.createToken(db, currentAuth(res)!, body, settings.apiTokenMaxSeconds, actorOf(req, res));
    res.status(201).json(created);
  });

  router.delete('/users/current/tokens/:tokenId', requireSignedIn, async (req, res) => {
    const { params } = validateRequest(req, { params: apiTokenIdParamsSchema });
    await apiTokens.revokeOwnToken(db, currentAuth(res)!, params.tokenId, actorOf(req, res));
    res.status(204).end();
  });

  const admin = requireRole('admin');

  router.get('/api-tokens', admin, async (req, res) => {
    const { query } = validateRequest(req, { query: apiTokenListQuerySchema });
    res.json(await apiTokens.listAllTokens(db, query));
  });

  router.delete('/api-tokens/:tokenId', admin, async (req, res) => {
    const { params } = validateRequest(req, { params: apiTokenIdParamsSchema });
    await apiTokens.revokeAnyToken(db, params.tokenId, actorOf(req, res));
    res.status(204).end();
  });

  return router;
}
