import { Router } from 'express';
import type { Knex } from 'knex';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { progressQuerySchema } from '@tm/shared/schemas/progress';
import { validateRequest } from '../../http/validate.ts';
import * as service from './progress.service.ts';

export function progressRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  router.get('/municipalities/:code/progress', async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: progressQuerySchema });
    res.set('Cache-Control', 'no-cache').json(await service.municipalityProgress(db, params.code, query));
  });
  router.get('/progress/national', async (req, res) => {
    const { query } = validateRequest(req, { query: progressQuerySchema });
    res.set('Cache-Control', 'no-cache').json(await service.nationalProgress(db, query));
  });
  return router;
}
