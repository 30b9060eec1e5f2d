import { Router } from 'express';
import type { Knex } from 'knex';
import {
  municipalityMergerListQuerySchema,
  municipalityMergerParamsSchema,
  municipalityMergerSchema,
  registerUpdateQuerySchema,
  registerUpdateSchema,
} from '@tm/shared/schemas/municipality-merger';
import { actorOf } from '../../http/actor.ts';
import { requireRole, requireSignedIn } from '../../http/authorize.ts';
import { requireJsonBody, validateRequest } from '../../http/validate.ts';
import * as service from './mergers.service.ts';

export function mergersRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  // Who registered and undid each merger is for signed-in eyes only, as the histories of applications are.
  router.get('/municipality-mergers', requireSignedIn, async (req, res) => {
    const { query } = validateRequest(req, { query: municipalityMergerListQuerySchema });
    res.set('Cache-Control', 'no-cache').json(await service.listMergers(db, query));
  });
  router.get('/municipality-mergers/:id', requireSignedIn, async (req, res) => {
    const { params } = validateRequest(req, { params: municipalityMergerParamsSchema });
    res.set('Cache-Control', 'no-cache').json(await service.getMerger(db, params.id));
  });
  router.post('/municipality-mergers', requireRole('admin'), async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: municipalityMergerSchema });
    const merger = await service.registerMerger(db, body, actorOf(req, res));
    res.status(201).location(`${req.baseUrl}/municipality-mergers/${merger.id}`).json(merger);
  });
  router.delete('/municipality-mergers/:id', requireRole('admin'), async (req, res) => {
    const { params } = validateRequest(req, { params: municipalityMergerParamsSchema });
    await service.undoMerger(db, params.id, actorOf(req, res));
    res.status(204).end();
  });
  router.post('/municipality-register-updates', requireRole('admin'), async (req, res) => {
    requireJsonBody(req);
    const { query, body } = validateRequest(req, { query: registerUpdateQuerySchema, body: registerUpdateSchema });
    res.json(await service.applyRegisterUpdate(db, body, query.mode, actorOf(req, res)));
  });
  return router;
}
