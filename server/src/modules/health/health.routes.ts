import { Router } from 'express';
import type { Knex } from 'knex';
import type { Health } from '@tm/shared/schemas/health';

export function healthRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  router.get('/health', async (_req, res) => {
    try {
      await db.raw('select 1');
      const body: Health = { status: 'ok', database: 'up' };
      res.set('Cache-Control', 'no-store').json(body);
    } catch {
      const body: Health = { status: 'unavailable', database: 'down' };
      res.status(503).set({ 'Cache-Control': 'no-store', 'Retry-After': '5' }).json(body);
    }
  });
  return router;
}
