import { type RequestHandler, Router } from 'express';
import type { Knex } from 'knex';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { progressQuerySchema } from '@tm/shared/schemas/progress';
import { validateRequest } from '../../http/validate.ts';
import type { FiguresCache } from './figures-cache.ts';
import * as service from './progress.service.ts';
import { readOptions } from './read-options.ts';

/** `historyReadLimit` goes before the reads that may be computed from the history (anonymous callers). */
export function progressRoutes(db: Knex, figures: FiguresCache, historyReadLimit: RequestHandler): Router {
  const router = Router({ strict: true });
  router.get('/municipalities/:code/progress', historyReadLimit, async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: progressQuerySchema });
    await figures.send(req, res, ['progress', params.code, query], (trx) => service.municipalityProgress(trx, params.code, readOptions(query)), {
      fromHistory: query.knownAt !== undefined,
    });
  });
  router.get('/progress/national', historyReadLimit, async (req, res) => {
    const { query } = validateRequest(req, { query: progressQuerySchema });
    await figures.send(req, res, ['national', query], (trx) => service.nationalProgress(trx, readOptions(query)), {
      fromHistory: query.knownAt !== undefined,
    });
  });
  return router;
}
