import type { Knex } from 'knex';
import { message } from '@tm/shared/messages/messages';
import type { User } from '@tm/shared/schemas/account';
import type {
  CreatedSubscription,
  CreateSubscriptionInput,
  Delivery,
  Subscription,
  SubscriptionSettings,
} from '@tm/shared/schemas/subscriptions';
import type { Actor } from '../../http/actor.ts';
import { type AppFieldError, AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import * as municipalities from '../municipalities/municipalities.repository.ts';
import { addressPolicy, type Resolve, resolveAll, urlProblem } from './address-policy.ts';
import { lastPosition } from './dispatch.repository.ts';
import * as subscriptions from './subscriptions.repository.ts';
import { newSecret } from './webhook-signature.ts';

/** What the audit trail keeps of a subscription: never its secret. */
const audited = (s: Subscription) => ({ url: s.url, municipalityCodes: s.municipalityCodes, types: s.types, status: s.status });

async function municipalityProblems(db: Knex, codes: readonly string[], user: User): Promise<AppFieldError[]> {
  if (user.role === 'editor') {
    const own = new Set(user.municipalityCodes);
    return codes.flatMap((code, i) => (own.has(code) ? [] : [{ path: `municipalityCodes.${i}`, message: message('subscriptions.notEditorOf', { code }) }]));
  }
  const known = new Set((await municipalities.list(db, {})).map((m) => m.code));
  return codes.flatMap((code, i) => (known.has(code) ? [] : [{ path: `municipalityCodes.${i}`, message: message('subscriptions.unknownMunicipality', { code }) }]));
}

/**
 * An editor subscribes to events of municipalities they edit for (all of them when none are named), an admin to
 * any (every event when none are named). It starts with the events committed from now on.
 */
export async function createSubscription(
  db: Knex,
  input: CreateSubscriptionInput,
  user: User,
  actor: Actor,
  resolve: Resolve = resolveAll,
): Promise<CreatedSubscription> {
  const codes = input.municipalityCodes ?? (user.role === 'editor' ? user.municipalityCodes : null);
  const policy = addressPolicy((await subscriptions.readSettings(db)).allowedPrivateNetworks);
  const urlError = await urlProblem(new URL(input.url), policy, resolve);
  const errors = [...(codes ? await municipalityProblems(db, codes, user) : []), ...(urlError ? [{ path: 'url', message: urlError }] : [])];
  if (errors.length > 0) throw AppError.invalidFields(errors);
  const secret = newSecret();
  return db.transaction(async (trx) => {
    const created = await subscriptions.insert(trx, {
      ownerId: user.id,
      url: input.url,
      secret,
      municipalityCodes: codes ? [...new Set(codes)] : null,
      types: input.types ? [...new Set(input.types)] : null,
      deliveredPosition: await lastPosition(trx),
    });
    await audit.record(trx, actor, { action: 'subscription.created', entityType: 'subscription', entityId: created.id, after: audited(created) });
    return { ...created, secret };
  });
}

export function listSubscriptions(db: Knex, user: User): Promise<{ items: Subscription[]; total: number }> {
  return subscriptions.list(db, { ownerId: user.role === 'admin' ? undefined : user.id });
}

/** A subscription is its owner's (and every admin's) to see and change. */
async function ownedSubscription(db: Knex, id: string, user: User): Promise<Subscription> {
  const found = await subscriptions.find(db, id);
  if (!found) throw AppError.notFound(message('subscriptions.notFound', { id }));
  if (user.role !== 'admin' && found.ownerId !== user.id) throw AppError.forbidden(message('subscriptions.notYours'));
  const { ownerId: _ownerId, ...subscription } = found;
  return subscription;
}

export async function getSubscription(db: Knex, id: string, user: User): Promise<Subscription> {
  return ownedSubscription(db, id, user);
}

export async function setEnabled(db: Knex, id: string, enabled: boolean, user: User, actor: Actor): Promise<Subscription> {
  const before = await ownedSubscription(db, id, user);
  return db.transaction(async (trx) => {
    if (enabled) await subscriptions.enable(trx, id);
    else await subscriptions.disable(trx, id, new Date(), 'Disabled by hand.');
    const after = (await subscriptions.find(trx, id))!;
    await audit.record(trx, actor, { action: 'subscription.updated', entityType: 'subscription', entityId: id, before: audited(before), after: audited(after) });
    const { ownerId: _ownerId, ...subscription } = after;
    return subscription;
  });
}

export async function deleteSubscription(db: Knex, id: string, user: User, actor: Actor): Promise<void> {
  const before = await ownedSubscription(db, id, user);
  await db.transaction(async (trx) => {
    await subscriptions.remove(trx, id);
    await audit.record(trx, actor, { action: 'subscription.deleted', entityType: 'subscription', entityId: id, before: audited(before) });
  });
}

export async function listDeliveries(db: Knex, id: string, user: User, page: { page: number; pageSize: number }): Promise<{ items: Delivery[]; total: number }> {
  await ownedSubscription(db, id, user);
  return subscriptions.deliveries(db, id, page);
}

export function getSubscriptionSettings(db: Knex): Promise<SubscriptionSettings> {
  return subscriptions.readSettings(db);
}

export async function putSubscriptionSettings(db: Knex, next: SubscriptionSettings, actor: Actor): Promise<SubscriptionSettings> {
  return db.transaction(async (trx) => {
    const before = await subscriptions.readSettings(trx);
    await subscriptions.writeSettings(trx, next);
    await audit.record(trx, actor, { action: 'subscription-settings.updated', entityType: 'settings', entityId: 'subscriptions', before, after: next });
    return next;
  });
}
