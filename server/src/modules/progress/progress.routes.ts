import { Router } from 'express';
import type { Knex } from 'knex';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { progressQuerySchema } from '@tm/shared/schemas/progress';
import { validateRequest } from '../../http/validate.ts';
import type { FiguresCache } from './figures-cache.ts';
import * as service from './progress.service.ts';

export function progressRoutes(db: Knex, figures: FiguresCache): Router {
  const router = Router({ strict: true });
  router.get('/municipalities/:code/progress', async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: progressQuerySchema });
    await figures.send(req, res, ['progress', params.code, query], () => service.municipalityProgress(db, params.code, query));
  });
  router.get('/progress/national', async (req, res) => {
    const { query } = validateRequest(req, { query: progressQuerySchema });
    await figures.send(req, res, ['national', query], () => service.nationalProgress(db, query));
  });
  return router;
}
