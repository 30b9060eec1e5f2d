import { Router } from 'express';
import type { Knex } from 'knex';
import { eventListQuerySchema } from '@tm/shared/schemas/events';
import { currentUser } from '../../http/authenticate.ts';
import { requireRole } from '../../http/authorize.ts';
import { validateRequest } from '../../http/validate.ts';
import * as service from './events.service.ts';

export function eventsRoutes(db: Knex, source: string): Router {
  const router = Router({ strict: true });
  router.get('/events', requireRole('editor', 'admin'), async (req, res) => {
    const { query } = validateRequest(req, { query: eventListQuerySchema });
    res.set('Cache-Control', 'no-store').json(await service.readFeed(db, query, currentUser(res)!, source));
  });
  return router;
}
