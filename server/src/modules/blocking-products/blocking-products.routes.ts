import { Router } from 'express';
import { blockingProductListQuerySchema } from '@tm/shared/schemas/blocking-product';
import { validateRequest } from '../../http/validate.ts';
import type { FiguresCache } from '../progress/figures-cache.ts';
import { blockingProductsAnswer } from './blocking-products.service.ts';

export function blockingProductsRoutes(figures: FiguresCache): Router {
  const router = Router({ strict: true });
  // A dashboard read (PRODUCT §8): kept per measure revision, which every write to an application raises.
  router.get('/blocking-products', async (req, res) => {
    const { query } = validateRequest(req, { query: blockingProductListQuerySchema });
    const { question, compute, options } = blockingProductsAnswer(query);
    await figures.send(req, res, question, compute, options);
  });
  return router;
}
