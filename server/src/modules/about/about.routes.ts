import { Router } from 'express';
import type { Knex } from 'knex';
import { aboutQuerySchema } from '@tm/shared/schemas/about';
import { validateRequest } from '../../http/validate.ts';
import { about } from './about.service.ts';

export function aboutRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  router.get('/about', async (req, res) => {
    validateRequest(req, { query: aboutQuerySchema });
    res.set('Cache-Control', 'no-cache').json(await about(db));
  });
  return router;
}
