import {
  createdSubscriptionSchema,
  createSubscriptionSchema,
  deliveryListQuerySchema,
  deliveryListSchema,
  subscriptionIdParamsSchema,
  subscriptionListSchema,
  subscriptionSchema,
  subscriptionSettingsSchema,
  updateSubscriptionSchema,
} from '@tm/shared/schemas/subscriptions';
import type { ApiDocs } from '../../http/openapi.ts';

const WHO = 'editors (subscriptions of their own, for their municipalities) and admins (every subscription)';

export function registerSubscriptionsDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/subscriptions',
    summary: 'Webhook subscriptions to the change feed',
    description: "An editor's own subscriptions; for an admin, everyone's. Newest first.",
    tags: ['Webhooks'],
    access: WHO,
    success: { 200: { description: 'The subscriptions', schema: subscriptionListSchema } },
  });
  docs.add({
    method: 'post',
    path: '/subscriptions',
    summary: 'Subscribe a URL to the change feed',
    description:
      'Every event committed from now on that matches the filters is POSTed to the URL as `application/cloudevents+json` ' +
      '(one CloudEvent, structured mode), in commit order, signed as the Standard Webhooks specification says: ' +
      '`webhook-id` (the event id: drop a duplicate by it), `webhook-timestamp` (seconds) and `webhook-signature: ' +
      'v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, the key being the base64 part of the secret. Answer 2xx ' +
      'within 10 s; otherwise the event is retried with exponential backoff and jitter (the first retry within 10 s, later ' +
      'ones up to two hours apart; `Retry-After` on a 429 or 503 is honoured) and the next events wait for it. After 24 ' +
      'hours without success, or on a 410 Gone, the subscription is disabled and its owner mailed. The URL must be https ' +
      'to a public address; private, loopback and link-local addresses (and plain http to them) only where an admin ' +
      'allowed their network (`/subscription-settings`). The secret is in this answer only.',
    tags: ['Webhooks'],
    access: WHO,
    request: { body: { content: { 'application/json': { schema: createSubscriptionSchema } } } },
    success: { 201: { description: 'The subscription, with its secret', schema: createdSubscriptionSchema } },
    problems: [415],
  });
  docs.add({
    method: 'get',
    path: '/subscriptions/:id',
    summary: 'One subscription',
    description: 'Its filters and whether it is active, failing or disabled (and why).',
    tags: ['Webhooks'],
    access: `${WHO}`,
    request: { params: subscriptionIdParamsSchema },
    success: { 200: { description: 'The subscription', schema: subscriptionSchema } },
    problems: [404],
  });
  docs.add({
    method: 'patch',
    path: '/subscriptions/:id',
    summary: 'Enable or disable a subscription by hand',
    description: 'Enabled again, a subscription resumes with the event it gave up on, with a clean slate of failures.',
    tags: ['Webhooks'],
    access: WHO,
    request: { params: subscriptionIdParamsSchema, body: { content: { 'application/json': { schema: updateSubscriptionSchema } } } },
    success: { 200: { description: 'The subscription', schema: subscriptionSchema } },
    problems: [404, 415],
  });
  docs.add({
    method: 'delete',
    path: '/subscriptions/:id',
    summary: 'End a subscription',
    description: 'No more deliveries; its delivery log goes with it.',
    tags: ['Webhooks'],
    access: WHO,
    request: { params: subscriptionIdParamsSchema },
    success: { 204: { description: 'Ended' } },
    problems: [404],
  });
  docs.add({
    method: 'get',
    path: '/subscriptions/:id/deliveries',
    summary: "A subscription's delivery log",
    description: 'One entry per event tried: its status, how many attempts, the last HTTP status and error, when it goes again. Newest event first, paged.',
    tags: ['Webhooks'],
    access: WHO,
    request: { params: subscriptionIdParamsSchema, query: deliveryListQuerySchema },
    success: { 200: { description: 'One page of deliveries', schema: deliveryListSchema } },
    problems: [404],
  });
  docs.add({
    method: 'get',
    path: '/subscription-settings',
    summary: 'The private networks webhooks may be delivered to',
    description: 'Empty by default: webhooks go to public addresses over https only.',
    tags: ['Webhooks'],
    access: 'admins',
    success: { 200: { description: 'The settings', schema: subscriptionSettingsSchema } },
  });
  docs.add({
    method: 'put',
    path: '/subscription-settings',
    summary: 'Allow webhooks to private networks',
    description:
      'Private, loopback or link-local networks (CIDR) that subscription URLs may point at, over http or https: a receiver ' +
      "on the organisation's own network. Checked again at every delivery, so a host name that later resolves elsewhere " +
      'is refused.',
    tags: ['Webhooks'],
    access: 'admins',
    request: { body: { content: { 'application/json': { schema: subscriptionSettingsSchema } } } },
    success: { 200: { description: 'The settings now in force', schema: subscriptionSettingsSchema } },
    problems: [415],
  });
}
