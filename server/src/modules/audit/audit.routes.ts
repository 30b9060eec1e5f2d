import { Router } from 'express';
import type { Knex } from 'knex';
import { auditEventListQuerySchema, municipalityAuditQuerySchema } from '@tm/shared/schemas/audit';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { requireRole, requireSignedIn } from '../../http/authorize.ts';
import { validateRequest } from '../../http/validate.ts';
import { getMunicipality } from '../municipalities/municipalities.service.ts';
import * as audit from './audit.repository.ts';

export function auditRoutes(db: Knex): Router {
  const router = Router({ strict: true });

  // Everyone who sees an inventory sees who changed it, as in an application's history.
  router.get('/municipalities/:code/audit-events', requireSignedIn, async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: municipalityAuditQuerySchema });
    await getMunicipality(db, params.code);
    res.json(await audit.list(db, { ...query, municipalityCode: params.code }));
  });

  router.get('/audit-events', requireRole('admin'), async (req, res) => {
    const { query } = validateRequest(req, { query: auditEventListQuerySchema });
    res.json(await audit.list(db, query));
  });

  return router;
}
