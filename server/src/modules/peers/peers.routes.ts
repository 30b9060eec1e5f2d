import { Router } from 'express';
import type { Knex } from 'knex';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { createPeerGroupSchema, peerGroupIdParamsSchema, peersQuerySchema } from '@tm/shared/schemas/peers';
import { actorOf } from '../../http/actor.ts';
import { currentUser } from '../../http/authenticate.ts';
import { requireRole, requireSignedIn } from '../../http/authorize.ts';
import { requireJsonBody, validateRequest } from '../../http/validate.ts';
import type { FiguresCache } from '../progress/figures-cache.ts';
import { readOptions } from '../progress/read-options.ts';
import * as service from './peers.service.ts';

export function peersRoutes(db: Knex, figures: FiguresCache): Router {
  const router = Router({ strict: true });
  router.get('/municipalities/:code/peers', requireSignedIn, async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: peersQuerySchema });
    await figures.send(req, res, ['peers', params.code, query], (trx) => service.peersOf(trx, params.code, { ...query, ...readOptions(query) }), {
      fromHistory: query.knownAt !== undefined,
    });
  });
  router.get('/peer-groups', requireSignedIn, async (_req, res) => {
    const items = await service.listPeerGroups(db);
    res.json({ items, total: items.length });
  });
  router.post('/peer-groups', requireRole('board', 'admin'), async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: createPeerGroupSchema });
    const group = await service.createPeerGroup(db, body, actorOf(req, res));
    res.status(201).location(`${req.baseUrl}/peer-groups/${group.id}`).json(group);
  });
  router.get('/peer-groups/:id', requireSignedIn, async (req, res) => {
    const { params } = validateRequest(req, { params: peerGroupIdParamsSchema });
    res.json(await service.getPeerGroup(db, params.id));
  });
  router.delete('/peer-groups/:id', requireRole('board', 'admin'), async (req, res) => {
    const { params } = validateRequest(req, { params: peerGroupIdParamsSchema });
    await service.deletePeerGroup(db, params.id, currentUser(res)!, actorOf(req, res));
    res.status(204).end();
  });
  return router;
}
