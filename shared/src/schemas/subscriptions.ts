import { z } from 'zod';
import { isoDateTimeSchema, listResponseSchema, municipalityCodeSchema, pageQuerySchema, uuidSchema } from './common.ts';
import { eventTypeSchema } from './events.ts';
import { actorSchema } from './history.ts';

/** Standard Webhooks secrets: `whsec_` and the base64 of the signing key. */
export const SECRET_PREFIX = 'whsec_';

export const createSubscriptionSchema = z.strictObject({
  /** Where each event is POSTed: https, or http to a private address an admin allowed. */
  url: z
    .url({ protocol: /^https?$/, message: 'validation.webhookUrl' })
    .max(2000)
    .refine((u) => !URL.canParse(u) || (new URL(u).username === '' && new URL(u).password === ''), {
      message: 'validation.urlCredentials',
    }),
  /** Only events of these municipalities; left out, every municipality you may see. */
  municipalityCodes: z.array(municipalityCodeSchema).min(1).max(400).optional(),
  /** Only events of these types; left out, every type. */
  types: z.array(eventTypeSchema).min(1).optional(),
});
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionSchema>;

export const SUBSCRIPTION_STATUSES = ['active', 'disabled'] as const;

export const subscriptionSchema = z.object({
  id: uuidSchema,
  url: z.string(),
  municipalityCodes: z.array(municipalityCodeSchema).nullable(),
  types: z.array(eventTypeSchema).nullable(),
  /** `disabled` after 24 hours of failed deliveries (or a 410 Gone) until its owner enables it again. */
  status: z.enum(SUBSCRIPTION_STATUSES),
  disabledAt: isoDateTimeSchema.nullable(),
  disabledReason: z.string().nullable(),
  /** Since when deliveries fail without a success in between; null while they succeed. */
  failingSince: isoDateTimeSchema.nullable(),
  owner: actorSchema,
  createdAt: isoDateTimeSchema,
});
export type Subscription = z.infer<typeof subscriptionSchema>;
export const subscriptionListSchema = listResponseSchema(subscriptionSchema);

export const createdSubscriptionSchema = subscriptionSchema.extend({
  /** The signing secret (Standard Webhooks): shown only in this answer. */
  secret: z.string().startsWith(SECRET_PREFIX),
});
export type CreatedSubscription = z.infer<typeof createdSubscriptionSchema>;

export const updateSubscriptionSchema = z.strictObject({
  /** `true` enables a disabled subscription again: it resumes with the event it gave up on. */
  enabled: z.boolean(),
});

export const subscriptionIdParamsSchema = z.strictObject({ id: uuidSchema });

export const DELIVERY_STATUSES = ['retrying', 'delivered', 'failed'] as const;

export const deliverySchema = z.object({
  id: z.string(),
  eventId: uuidSchema,
  eventType: eventTypeSchema,
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().min(1),
  /** The receiver's last HTTP status; null when it did not answer. */
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  firstAttemptAt: isoDateTimeSchema,
  lastAttemptAt: isoDateTimeSchema,
  nextAttemptAt: isoDateTimeSchema.nullable(),
  deliveredAt: isoDateTimeSchema.nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;
export const deliveryListSchema = listResponseSchema(deliverySchema);
export const deliveryListQuerySchema = pageQuerySchema.strict();

function isNetwork(value: string): boolean {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(value);
  if (!match) return false;
  const [, address, bits] = match as unknown as [string, string, string];
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) return address.split('.').every((octet) => Number(octet) <= 255) && Number(bits) <= 32;
  // The URL parser knows IPv6 literals in all their abbreviations.
  return address.includes(':') && URL.canParse(`http://[${address}]/`) && Number(bits) <= 128;
}

/** An IPv4 or IPv6 network in CIDR notation. */
const cidrSchema = z.string().max(50).refine(isNetwork, { message: 'validation.network' });

export const subscriptionSettingsSchema = z.strictObject({
  /**
   * Private, loopback or link-local networks that subscription URLs may point at (with http as well as https); every
   * other such address is refused.
   */
  allowedPrivateNetworks: z.array(cidrSchema).max(50),
});
export type SubscriptionSettings = z.infer<typeof subscriptionSettingsSchema>;
