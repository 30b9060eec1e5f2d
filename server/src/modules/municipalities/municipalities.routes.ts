import { Router } from 'express';
import type { Knex } from 'knex';
import { municipalityCodeParamsSchema, municipalityListQuerySchema, municipalityQuerySchema } from '@tm/shared/schemas/municipality';
import { validateRequest } from '../../http/validate.ts';
import * as municipalities from './municipalities.repository.ts';
import { getMunicipality } from './municipalities.service.ts';

export function municipalitiesRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  router.get('/municipalities', async (req, res) => {
    const { query } = validateRequest(req, { query: municipalityListQuerySchema });
    const items = await municipalities.list(db, query);
    res.json({ items, total: items.length });
  });
  router.get('/municipalities/:code', async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: municipalityQuerySchema });
    res.json(await getMunicipality(db, params.code, query.date));
  });
  return router;
}
