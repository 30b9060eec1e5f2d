import { Router } from 'express';
import type { Knex } from 'knex';
import {
  applicationIdParamsSchema,
  applicationListQuerySchema,
  createApplicationSchema,
  updateApplicationSchema,
} from '@tm/shared/schemas/application';
import { bulkUpdateSchema } from '@tm/shared/schemas/application-bulk-update';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { actorOf } from '../../http/actor.ts';
import { requireEditorOf, requireEditorOfOwner, requireSignedIn } from '../../http/authorize.ts';
import { requiredRevision, setEtag } from '../../http/etag.ts';
import { validateRequest } from '../../http/validate.ts';
import { getMunicipality } from '../municipalities/municipalities.service.ts';
import { listReferenceComponents } from '../reference-components/reference-components.repository.ts';
import { APPLICATION_FORMATS } from './application-formats.ts';
import { bulkUpdateApplications } from './bulk-updates.service.ts';
import * as inventory from './inventory.service.ts';

export function inventoryRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  const requireEditorOfApplication = requireEditorOfOwner((req) => inventory.municipalityOfApplication(db, String(req.params.id)));

  router.get('/municipalities/:code/applications', requireSignedIn, async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: applicationListQuerySchema });
    const format = APPLICATION_FORMATS[query.format];
    const list = await inventory.listApplications(db, params.code, query, { all: !format.paged });
    await format.send(res, list, {
      code: params.code,
      municipalityName: async () => (await getMunicipality(db, params.code)).name,
      referenceComponents: () => listReferenceComponents(db),
    });
  });

  router.post('/municipalities/:code/applications', requireEditorOf('code'), async (req, res) => {
    const { params, body } = validateRequest(req, { params: municipalityCodeParamsSchema, body: createApplicationSchema });
    const created = await inventory.createApplication(db, params.code, body, actorOf(req, res));
    setEtag(res, created.application.id, created.revision);
    res.status(201).location(`${req.baseUrl}/applications/${created.application.id}`).json(created.application);
  });

  router.post('/municipalities/:code/applications/bulk-updates', requireEditorOf('code'), async (req, res) => {
    const { params, body } = validateRequest(req, { params: municipalityCodeParamsSchema, body: bulkUpdateSchema });
    res.json(await bulkUpdateApplications(db, params.code, body, actorOf(req, res)));
  });

  router.get('/applications/:id', requireSignedIn, async (req, res) => {
    const { params } = validateRequest(req, { params: applicationIdParamsSchema });
    const found = await inventory.getApplication(db, params.id);
    setEtag(res, found.application.id, found.revision);
    res.set('Cache-Control', 'no-cache').json(found.application);
  });

  router.patch('/applications/:id', requireEditorOfApplication, async (req, res) => {
    const { params, body } = validateRequest(req, { params: applicationIdParamsSchema, body: updateApplicationSchema });
    const updated = await inventory.updateApplication(db, params.id, requiredRevision(req, params.id), body, actorOf(req, res));
    setEtag(res, updated.application.id, updated.revision);
    res.json(updated.application);
  });

  router.delete('/applications/:id', requireEditorOfApplication, async (req, res) => {
    const { params } = validateRequest(req, { params: applicationIdParamsSchema });
    await inventory.deleteApplication(db, params.id, requiredRevision(req, params.id), actorOf(req, res));
    res.status(204).end();
  });

  router.get('/applications/:id/history', requireSignedIn, async (req, res) => {
    const { params } = validateRequest(req, { params: applicationIdParamsSchema });
    const items = await inventory.applicationHistory(db, params.id);
    res.json({ items, total: items.length });
  });

  return router;
}
