import { Router } from 'express';
import type { Knex } from 'knex';
import { notificationPreferencesSchema } from '@tm/shared/schemas/notification-preferences';
import { actorOf } from '../../http/actor.ts';
import { currentUser } from '../../http/authenticate.ts';
import { requireSignedIn } from '../../http/authorize.ts';
import { requireJsonBody, validateRequest } from '../../http/validate.ts';
import * as service from './notification-preferences.service.ts';

export function notificationPreferencesRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  router.get('/users/current/notification-preferences', requireSignedIn, async (_req, res) => {
    res.json(await service.getPreferences(db, currentUser(res)!.id));
  });
  router.put('/users/current/notification-preferences', requireSignedIn, async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: notificationPreferencesSchema });
    res.json(await service.putPreferences(db, currentUser(res)!.id, body, actorOf(req, res)));
  });
  return router;
}
