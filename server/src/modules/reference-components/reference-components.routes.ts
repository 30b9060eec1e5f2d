import { Router } from 'express';
import type { Knex } from 'knex';
import { listReferenceComponents } from './reference-components.repository.ts';

export function referenceComponentsRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  router.get('/reference-components', async (_req, res) => {
    const items = await listReferenceComponents(db);
    res.set('Cache-Control', 'public, max-age=3600').json({ items, total: items.length });
  });
  return router;
}
