import { Router } from 'express';
import type { Knex } from 'knex';
import { createAttestationSchema } from '@tm/shared/schemas/attestation';
import { pageQuerySchema } from '@tm/shared/schemas/common';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { actorOf } from '../../http/actor.ts';
import { requireEditorOf, requireSignedIn } from '../../http/authorize.ts';
import { requireJsonBody, validateRequest } from '../../http/validate.ts';
import * as service from './attestations.service.ts';

export function attestationsRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  router.post('/municipalities/:code/attestations', requireEditorOf('code'), async (req, res) => {
    requireJsonBody(req);
    const { params } = validateRequest(req, { params: municipalityCodeParamsSchema, body: createAttestationSchema });
    res.status(201).json(await service.attest(db, params.code, actorOf(req, res)));
  });
  // Who attested is shown to accounts only, as who changed an inventory is.
  router.get('/municipalities/:code/attestations', requireSignedIn, async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: pageQuerySchema.strict() });
    res.json(await service.listAttestations(db, params.code, query));
  });
  return router;
}
