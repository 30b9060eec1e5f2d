import { Router } from 'express';
import type { Knex } from 'knex';
import {
  createSubscriptionSchema,
  deliveryListQuerySchema,
  subscriptionIdParamsSchema,
  subscriptionSettingsSchema,
  updateSubscriptionSchema,
} from '@tm/shared/schemas/subscriptions';
import { actorOf } from '../../http/actor.ts';
import { currentUser } from '../../http/authenticate.ts';
import { requireRole } from '../../http/authorize.ts';
import { requireJsonBody, validateRequest } from '../../http/validate.ts';
import * as service from './subscriptions.service.ts';

/** Editors subscribe for their municipalities, admins for all (PRODUCT §11). */
const subscriber = requireRole('editor', 'admin');

export function subscriptionsRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  router.get('/subscriptions', subscriber, async (_req, res) => {
    res.json(await service.listSubscriptions(db, currentUser(res)!));
  });
  router.post('/subscriptions', subscriber, async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: createSubscriptionSchema });
    const created = await service.createSubscription(db, body, currentUser(res)!, actorOf(req, res));
    res.status(201).set('Cache-Control', 'no-store').json(created);
  });
  router.get('/subscriptions/:id', subscriber, async (req, res) => {
    const { params } = validateRequest(req, { params: subscriptionIdParamsSchema });
    res.json(await service.getSubscription(db, params.id, currentUser(res)!));
  });
  router.patch('/subscriptions/:id', subscriber, async (req, res) => {
    requireJsonBody(req);
    const { params, body } = validateRequest(req, { params: subscriptionIdParamsSchema, body: updateSubscriptionSchema });
    res.json(await service.setEnabled(db, params.id, body.enabled, currentUser(res)!, actorOf(req, res)));
  });
  router.delete('/subscriptions/:id', subscriber, async (req, res) => {
    const { params } = validateRequest(req, { params: subscriptionIdParamsSchema });
    await service.deleteSubscription(db, params.id, currentUser(res)!, actorOf(req, res));
    res.status(204).end();
  });
  router.get('/subscriptions/:id/deliveries', subscriber, async (req, res) => {
    const { params, query } = validateRequest(req, { params: subscriptionIdParamsSchema, query: deliveryListQuerySchema });
    res.json(await service.listDeliveries(db, params.id, currentUser(res)!, query));
  });
  router.get('/subscription-settings', requireRole('admin'), async (_req, res) => {
    res.json(await service.getSubscriptionSettings(db));
  });
  router.put('/subscription-settings', requireRole('admin'), async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: subscriptionSettingsSchema });
    res.json(await service.putSubscriptionSettings(db, body, actorOf(req, res)));
  });
  return router;
}
