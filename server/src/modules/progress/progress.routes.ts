import { type RequestHandler, Router } from 'express';
import type { Knex } from 'knex';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { nationalProgressQuerySchema, progressQuerySchema } from '@tm/shared/schemas/progress';
import { validateRequest } from '../../http/validate.ts';
import type { FiguresCache } from './figures-cache.ts';
import { progressAnswers } from './progress-answers.ts';

/** `historyReadLimit` goes before the reads that may be computed from the history (anonymous callers). */
export function progressRoutes(db: Knex, figures: FiguresCache, historyReadLimit: RequestHandler): Router {
  const router = Router({ strict: true });
  router.get('/municipalities/:code/progress', historyReadLimit, async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: progressQuerySchema });
    const answer = progressAnswers.municipality(params.code, query);
    await figures.send(req, res, answer.question, answer.compute, answer.options);
  });
  router.get('/progress/national', historyReadLimit, async (req, res) => {
    const { query } = validateRequest(req, { query: nationalProgressQuerySchema });
    const answer = progressAnswers.national(query);
    await figures.send(req, res, answer.question, answer.compute, answer.options);
  });
  return router;
}
