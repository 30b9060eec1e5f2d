import { Router } from 'express';
import type { Knex } from 'knex';
import { settingsSchema } from '@tm/shared/schemas/settings';
import { actorOf } from '../../http/actor.ts';
import { requireRole } from '../../http/authorize.ts';
import { requireJsonBody, validateRequest } from '../../http/validate.ts';
import * as service from './settings.service.ts';

export function settingsRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  router.get('/settings', async (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(await service.getSettings(db));
  });
  router.put('/settings', requireRole('admin'), async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: settingsSchema });
    res.json(await service.putSettings(db, body, actorOf(req, res)));
  });
  return router;
}
