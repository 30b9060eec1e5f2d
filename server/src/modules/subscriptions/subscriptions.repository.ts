import type { Knex } from 'knex';
import type { EventType } from '@tm/shared/schemas/events';
import type { Delivery, Subscription, SubscriptionSettings } from '@tm/shared/schemas/subscriptions';

type SubscriptionRow = {
  id: string;
  owner_id: string;
  owner_email: string;
  url: string;
  municipality_codes: string[] | null;
  types: string[] | null;
  enabled: boolean;
  disabled_at: Date | null;
  disabled_reason: string | null;
  failing_since: Date | null;
  created_at: Date;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toSubscription(r: SubscriptionRow): Subscription {
  return {
    id: r.id,
    url: r.url,
    municipalityCodes: r.municipality_codes,
    types: r.types as EventType[] | null,
    status: r.enabled ? 'active' : 'disabled',
    disabledAt: iso(r.disabled_at),
    disabledReason: r.disabled_reason,
    failingSince: iso(r.failing_since),
    owner: { id: r.owner_id, name: r.owner_email },
    createdAt: r.created_at.toISOString(),
  };
}

const withOwner = (db: Knex) =>
  db('webhook_subscriptions as s')
    .join('users as u', 'u.id', 's.owner_id')
    .select('s.id', 's.owner_id', 'u.email as owner_email', 's.url', 's.municipality_codes', 's.types', 's.enabled', 's.disabled_at', 's.disabled_reason', 's.failing_since', 's.created_at');

export type NewSubscription = {
  ownerId: string;
  url: string;
  secret: string;
  municipalityCodes: string[] | null;
  types: string[] | null;
  /** Where in the feed it starts: it gets the events committed after it was made. */
  deliveredPosition: number;
};

export async function insert(db: Knex, s: NewSubscription): Promise<Subscription> {
  const [row] = (await db('webhook_subscriptions')
    .insert({
      owner_id: s.ownerId,
      url: s.url,
      secret: s.secret,
      municipality_codes: s.municipalityCodes,
      types: s.types,
      delivered_position: s.deliveredPosition,
    })
    .returning('id')) as { id: string }[];
  return (await find(db, row!.id))!;
}

export async function find(db: Knex, id: string): Promise<(Subscription & { ownerId: string }) | undefined> {
  const row = (await withOwner(db).where('s.id', id).first()) as SubscriptionRow | undefined;
  return row ? { ...toSubscription(row), ownerId: row.owner_id } : undefined;
}

export async function list(db: Knex, filter: { ownerId?: string | undefined }): Promise<{ items: Subscription[]; total: number }> {
  const q = withOwner(db).orderBy([{ column: 's.created_at', order: 'desc' }, { column: 's.id', order: 'desc' }]);
  if (filter.ownerId) q.where('s.owner_id', filter.ownerId);
  const rows = (await q) as SubscriptionRow[];
  return { items: rows.map(toSubscription), total: rows.length };
}

export async function remove(db: Knex, id: string): Promise<void> {
  await db('webhook_subscriptions').where({ id }).delete();
}

/** Enabled again by hand: it resumes where it gave up, with a clean slate of failures. */
export async function enable(db: Knex, id: string): Promise<void> {
  await db('webhook_subscriptions')
    .where({ id })
    .update({ enabled: true, disabled_at: null, disabled_reason: null, failing_since: null, next_attempt_at: null });
}

export async function disable(db: Knex, id: string, at: Date, reason: string): Promise<void> {
  await db('webhook_subscriptions').where({ id, enabled: true }).update({ enabled: false, disabled_at: at, disabled_reason: reason, lease_token: null, lease_until: null });
}

type DeliveryRow = {
  id: number;
  event_id: string;
  event_type: string;
  status: Delivery['status'];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  first_attempt_at: Date;
  last_attempt_at: Date;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
};

export async function deliveries(db: Knex, subscriptionId: string, page: { page: number; pageSize: number }): Promise<{ items: Delivery[]; total: number }> {
  const [rows, [{ n } = { n: 0 }]] = await Promise.all([
    db('webhook_deliveries')
      .where({ subscription_id: subscriptionId })
      .orderBy('event_position', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize) as Promise<DeliveryRow[]>,
    db('webhook_deliveries').where({ subscription_id: subscriptionId }).count('* as n') as unknown as Promise<{ n: number }[]>,
  ]);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      eventId: r.event_id,
      eventType: r.event_type as EventType,
      status: r.status,
      attempts: r.attempts,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      firstAttemptAt: r.first_attempt_at.toISOString(),
      lastAttemptAt: r.last_attempt_at.toISOString(),
      nextAttemptAt: iso(r.next_attempt_at),
      deliveredAt: iso(r.delivered_at),
    })),
    total: Number(n),
  };
}

export async function readSettings(db: Knex): Promise<SubscriptionSettings> {
  const row = (await db('webhook_settings').first('allowed_private_networks')) as { allowed_private_networks: string[] };
  return { allowedPrivateNetworks: row.allowed_private_networks };
}

export async function writeSettings(db: Knex, settings: SubscriptionSettings): Promise<void> {
  await db('webhook_settings').update({ allowed_private_networks: settings.allowedPrivateNetworks });
}
