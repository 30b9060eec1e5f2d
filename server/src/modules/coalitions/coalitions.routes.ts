import { Router } from 'express';
import type { Knex } from 'knex';
import {
  coalitionIdParamsSchema,
  coalitionListQuerySchema,
  coalitionMemberParamsSchema,
  createCoalitionSchema,
  joinCoalitionSchema,
  updateCoalitionSchema,
} from '@tm/shared/schemas/coalition';
import { actorOf } from '../../http/actor.ts';
import { currentUser } from '../../http/authenticate.ts';
import { requireRole, requireSignedIn } from '../../http/authorize.ts';
import { requireJsonBody, validateRequest } from '../../http/validate.ts';
import * as coalitions from './coalitions.service.ts';

/** PRODUCT §10: coalitions, seen by everyone signed in; editors start, join and leave them for their municipalities. */
export function coalitionsRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  router.get('/coalitions', requireSignedIn, async (req, res) => {
    const { query } = validateRequest(req, { query: coalitionListQuerySchema });
    res.json(await coalitions.list(db, query));
  });
  router.post('/coalitions', requireRole('editor'), async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: createCoalitionSchema });
    const created = await coalitions.create(db, body, currentUser(res)!, actorOf(req, res));
    res.status(201).location(`${req.baseUrl}/coalitions/${created.id}`).json(created);
  });
  router.get('/coalitions/:id', requireSignedIn, async (req, res) => {
    const { params } = validateRequest(req, { params: coalitionIdParamsSchema });
    res.json(await coalitions.get(db, params.id));
  });
  router.patch('/coalitions/:id', requireRole('editor'), async (req, res) => {
    requireJsonBody(req);
    const { params, body } = validateRequest(req, { params: coalitionIdParamsSchema, body: updateCoalitionSchema });
    res.json(await coalitions.describe(db, params.id, body, currentUser(res)!, actorOf(req, res)));
  });
  router.post('/coalitions/:id/members', requireRole('editor'), async (req, res) => {
    requireJsonBody(req);
    const { params, body } = validateRequest(req, { params: coalitionIdParamsSchema, body: joinCoalitionSchema });
    res.status(201).json(await coalitions.join(db, params.id, body.municipalityCode, currentUser(res)!, actorOf(req, res)));
  });
  router.delete('/coalitions/:id/members/:code', requireRole('editor'), async (req, res) => {
    const { params } = validateRequest(req, { params: coalitionMemberParamsSchema });
    await coalitions.leave(db, params.id, params.code, currentUser(res)!, actorOf(req, res));
    res.status(204).end();
  });
  return router;
}
