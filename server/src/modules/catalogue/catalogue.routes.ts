import { type Response, Router } from 'express';
import type { Knex } from 'knex';
import { createAssessmentSchema, productVersionIdParamsSchema } from '@tm/shared/schemas/assessment';
import {
  createProductAliasSchema,
  createProductDistinctionSchema,
  createProductMergeSchema,
  productAliasParamsSchema,
  productDuplicateListQuerySchema,
  productIdParamsSchema,
  productListQuerySchema,
  productMergeIdParamsSchema,
  productMergeListQuerySchema,
  productVersionListQuerySchema,
} from '@tm/shared/schemas/product';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import {
  acceptSuggestionsSchema,
  declineSuggestionSchema,
  suggestionDeclineListQuerySchema,
  suggestionListQuerySchema,
} from '@tm/shared/schemas/suggestion';
import { actorOf } from '../../http/actor.ts';
import { currentUser } from '../../http/authenticate.ts';
import { requireEditorOf, requireRole, requireSignedIn } from '../../http/authorize.ts';
import { requireJsonBody, validateRequest } from '../../http/validate.ts';
import type { FiguresCache } from '../progress/figures-cache.ts';
import * as aliases from './aliases.service.ts';
import * as assessments from './assessments.service.ts';
import * as declines from './declines.repository.ts';
import * as merges from './merges.service.ts';
import * as products from './products.service.ts';
import * as suggestions from './suggestions.service.ts';

function audienceOf(res: Response): products.Audience {
  return { signedIn: currentUser(res) !== undefined };
}

/** PRODUCT §9: the product catalogue, its judgements, and the steward's work on it. */
export function catalogueRoutes(db: Knex, figures: FiguresCache): Router {
  const router = Router({ strict: true });

  // Product pages are dashboard reads (PRODUCT §8): kept per measure revision, which every catalogue write raises.
  router.get('/products', async (req, res) => {
    const { query } = validateRequest(req, { query: productListQuerySchema });
    const audience = audienceOf(res);
    await figures.send(req, res, ['products', query, audience], () => products.listProducts(db, query, audience));
  });
  router.get('/products/:id', async (req, res) => {
    const { params } = validateRequest(req, { params: productIdParamsSchema });
    const audience = audienceOf(res);
    await figures.send(req, res, ['product', params.id, audience], () => products.getProduct(db, params.id, audience));
  });
  router.get('/product-versions', async (req, res) => {
    const { query } = validateRequest(req, { query: productVersionListQuerySchema });
    const audience = audienceOf(res);
    await figures.send(req, res, ['product-versions', query, audience], () => products.listVersions(db, query, audience));
  });

  router.get('/product-versions/:id/assessments', async (req, res) => {
    const { params } = validateRequest(req, { params: productVersionIdParamsSchema });
    res.json(await assessments.historyOf(db, params.id, audienceOf(res)));
  });
  router.post('/product-versions/:id/assessments', requireRole('editor', 'steward'), async (req, res) => {
    requireJsonBody(req);
    const { params, body } = validateRequest(req, { params: productVersionIdParamsSchema, body: createAssessmentSchema });
    res.status(201).json(await assessments.assess(db, params.id, body, currentUser(res)!.role, actorOf(req, res)));
  });

  router.get('/products/:id/aliases', async (req, res) => {
    const { params } = validateRequest(req, { params: productIdParamsSchema });
    res.json(await aliases.listAliases(db, params.id, audienceOf(res)));
  });
  router.post('/products/:id/aliases', requireRole('steward'), async (req, res) => {
    requireJsonBody(req);
    const { params, body } = validateRequest(req, { params: productIdParamsSchema, body: createProductAliasSchema });
    res.status(201).json(await aliases.addAlias(db, params.id, body, actorOf(req, res)));
  });
  router.delete('/products/:id/aliases/:aliasId', requireRole('steward'), async (req, res) => {
    const { params } = validateRequest(req, { params: productAliasParamsSchema });
    await aliases.removeAlias(db, params.id, params.aliasId, actorOf(req, res));
    res.status(204).end();
  });

  router.post('/product-merges', requireRole('steward'), async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: createProductMergeSchema });
    const merge = await merges.merge(db, body, actorOf(req, res));
    res.status(201).location(`${req.baseUrl}/product-merges/${merge.id}`).json(merge);
  });
  router.get('/product-merges', requireSignedIn, async (req, res) => {
    const { query } = validateRequest(req, { query: productMergeListQuerySchema });
    res.json(await merges.listMerges(db, query));
  });
  router.get('/product-merges/:id', requireSignedIn, async (req, res) => {
    const { params } = validateRequest(req, { params: productMergeIdParamsSchema });
    res.json(await merges.getMerge(db, params.id));
  });

  router.get('/product-duplicates', requireRole('steward', 'admin'), async (req, res) => {
    const { query } = validateRequest(req, { query: productDuplicateListQuerySchema });
    res.json(await products.possibleDuplicates(db, query));
  });
  router.post('/product-distinctions', requireRole('steward'), async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: createProductDistinctionSchema });
    const { distinction, created } = await products.distinguish(db, body, actorOf(req, res));
    res.status(created ? 201 : 200).json(distinction);
  });

  router.get('/suggestion-declines', requireRole('steward', 'admin'), async (req, res) => {
    const { query } = validateRequest(req, { query: suggestionDeclineListQuerySchema });
    res.json(await declines.list(db, query));
  });

  router.get('/municipalities/:code/suggestions', requireSignedIn, async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: suggestionListQuerySchema });
    res.set('Cache-Control', 'no-cache').json(await suggestions.listSuggestions(db, params.code, query));
  });
  router.post('/municipalities/:code/suggestions/acceptances', requireEditorOf('code'), async (req, res) => {
    requireJsonBody(req);
    const { params, body } = validateRequest(req, { params: municipalityCodeParamsSchema, body: acceptSuggestionsSchema });
    res.json(await suggestions.acceptSuggestions(db, params.code, body, actorOf(req, res)));
  });
  router.post('/municipalities/:code/suggestions/declines', requireEditorOf('code'), async (req, res) => {
    requireJsonBody(req);
    const { params, body } = validateRequest(req, { params: municipalityCodeParamsSchema, body: declineSuggestionSchema });
    res.status(201).json(await suggestions.declineSuggestion(db, params.code, body, actorOf(req, res)));
  });
  return router;
}
