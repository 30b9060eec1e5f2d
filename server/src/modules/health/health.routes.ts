import { setTimeout as sleep } from 'node:timers/promises';
import { Router } from 'express';
import type { Knex } from 'knex';
import type { Health } from '@tm/shared/schemas/health';

/** Load balancers and orchestrators give up after a few seconds; a slow database is answered as down within one. */
const ANSWER_WITHIN_MS = 900;

/**
 * Asks `db`, which on a PostgreSQL server is a connection reserved for this check (see connections.ts): however
 * busy the pool, the check does not wait behind it.
 */
export function healthRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  router.get('/health', async (_req, res) => {
    const deadline = new AbortController();
    const up = await Promise.race([
      db.raw('select 1').then(() => true, () => false),
      sleep(ANSWER_WITHIN_MS, false, { signal: deadline.signal }).catch(() => false),
    ]);
    deadline.abort();
    if (up) {
      const body: Health = { status: 'ok', database: 'up' };
      res.set('Cache-Control', 'no-store').json(body);
    } else {
      const body: Health = { status: 'unavailable', database: 'down' };
      res.status(503).set({ 'Cache-Control': 'no-store', 'Retry-After': '5' }).json(body);
    }
  });
  return router;
}
