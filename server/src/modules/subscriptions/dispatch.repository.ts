/** The dispatcher's side of the subscriptions: leases, its place in the feed, and the delivery log. */
import type { Knex } from 'knex';
import type { Role } from '@tm/shared/schemas/account';
import type { StoredEvent } from '../events/events.repository.ts';

export type Claimed = {
  id: string;
  url: string;
  secret: string;
  municipalityCodes: string[] | null;
  types: string[] | null;
  deliveredPosition: number;
  failingSince: Date | null;
  owner: { id: string; email: string; role: Role; active: boolean; municipalityCodes: string[] };
};

export type Lease = { id: string; token: string };

/** The position of the last committed event: every event up to it is visible to a statement that runs after this one. */
export async function lastPosition(db: Knex): Promise<number> {
  const row = (await db('feed_positions').first('last')) as { last: number | string };
  return Number(row.last);
}

/**
 * Leases up to `limit` enabled subscriptions that are behind the feed and due, skipping those another server holds
 * (or whose lease ran out: that server died). Oldest-waiting first.
 */
export async function claimDue(db: Knex, o: { now: Date; leaseUntil: Date; token: string; limit: number; except: readonly string[] }): Promise<Claimed[]> {
  if (o.limit <= 0) return [];
  const { rows } = (await db.raw(
    `update webhook_subscriptions set lease_token = ?, lease_until = ?
     where id in (
       select id from webhook_subscriptions
       where enabled and (lease_until is null or lease_until < ?) and (next_attempt_at is null or next_attempt_at <= ?)
         and delivered_position < (select last from feed_positions)
         and not (id = any(?::uuid[]))
       order by coalesce(next_attempt_at, created_at)
       limit ?
       for update skip locked)
     returning id`,
    [o.token, o.leaseUntil, o.now, o.now, [...o.except], o.limit],
  )) as { rows: { id: string }[] };
  if (rows.length === 0) return [];
  const found = (await db('webhook_subscriptions as s')
    .join('users as u', 'u.id', 's.owner_id')
    .whereIn(
      's.id',
      rows.map((r) => r.id),
    )
    .select(
      's.id',
      's.url',
      's.secret',
      's.municipality_codes',
      's.types',
      's.delivered_position',
      's.failing_since',
      'u.id as owner_id',
      'u.email as owner_email',
      'u.role as owner_role',
      'u.active as owner_active',
      db.raw(`coalesce((select array_agg(um.municipality_code) from user_municipalities um where um.user_id = u.id), '{}') as owner_codes`),
    )) as {
    id: string;
    url: string;
    secret: string;
    municipality_codes: string[] | null;
    types: string[] | null;
    delivered_position: number | string;
    failing_since: Date | null;
    owner_id: string;
    owner_email: string;
    owner_role: Role;
    owner_active: boolean;
    owner_codes: string[];
  }[];
  return found.map((r) => ({
    id: r.id,
    url: r.url,
    secret: r.secret,
    municipalityCodes: r.municipality_codes,
    types: r.types,
    deliveredPosition: Number(r.delivered_position),
    failingSince: r.failing_since,
    owner: { id: r.owner_id, email: r.owner_email, role: r.owner_role, active: r.owner_active, municipalityCodes: r.owner_codes },
  }));
}

/** Only while the lease is still ours: a server whose lease ran out must not move a subscription another one took. */
const leased = (db: Knex, lease: Lease) => db('webhook_subscriptions').where({ id: lease.id, lease_token: lease.token });

/** Past `position` (delivered, or nothing there for it): the next event after it is the next to deliver. */
export async function advance(db: Knex, lease: Lease, position: number, leaseUntil: Date): Promise<boolean> {
  const updated = await leased(db, lease).update({
    delivered_position: db.raw('greatest(delivered_position, ?)', [position]),
    failing_since: null,
    next_attempt_at: null,
    lease_until: leaseUntil,
  });
  return updated > 0;
}

export async function release(db: Knex, lease: Lease, nextAttemptAt: Date | null = null): Promise<void> {
  await leased(db, lease).update({ lease_token: null, lease_until: null, next_attempt_at: nextAttemptAt });
}

export async function postpone(db: Knex, lease: Lease, o: { failingSince: Date; nextAttemptAt: Date }): Promise<void> {
  await leased(db, lease).update({ failing_since: o.failingSince, next_attempt_at: o.nextAttemptAt, lease_token: null, lease_until: null });
}

/** Disabled after a day of failures (or a 410 Gone); its owner is to be told (`ownersToNotify`). */
export async function giveUp(db: Knex, lease: Lease, o: { at: Date; failingSince: Date; reason: string }): Promise<boolean> {
  const updated = await leased(db, lease).update({
    enabled: false,
    notify_owner: true,
    disabled_at: o.at,
    disabled_reason: o.reason,
    failing_since: o.failingSince,
    next_attempt_at: null,
    lease_token: null,
    lease_until: null,
  });
  return updated > 0;
}

export type Attempt = {
  subscriptionId: string;
  event: StoredEvent;
  at: Date;
  status: 'retrying' | 'delivered' | 'failed';
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
};

/** One line of the delivery log per subscription and event, counting its attempts; answers how many there were. */
export async function recordAttempt(db: Knex, a: Attempt): Promise<number> {
  const { rows } = (await db.raw(
    `insert into webhook_deliveries as d (subscription_id, event_id, event_position, event_type, status, attempts, last_status_code, last_error,
       first_attempt_at, last_attempt_at, next_attempt_at, delivered_at)
     values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
     on conflict (subscription_id, event_position) do update set
       status = excluded.status, attempts = d.attempts + 1, last_status_code = excluded.last_status_code,
       last_error = coalesce(excluded.last_error, d.last_error), last_attempt_at = excluded.last_attempt_at,
       next_attempt_at = excluded.next_attempt_at, delivered_at = excluded.delivered_at
     returning attempts`,
    [
      a.subscriptionId,
      a.event.id,
      a.event.position,
      a.event.type,
      a.status,
      a.statusCode,
      a.error,
      a.at,
      a.at,
      a.nextAttemptAt,
      a.status === 'delivered' ? a.at : null,
    ],
  )) as { rows: { attempts: number }[] };
  return rows[0]!.attempts;
}

export async function scheduleRetry(db: Knex, subscriptionId: string, eventPosition: number, at: Date): Promise<void> {
  await db('webhook_deliveries').where({ subscription_id: subscriptionId, event_position: eventPosition }).update({ next_attempt_at: at });
}

export type OwnerNotice = { id: string; url: string; disabledAt: Date; reason: string; email: string; name: string; language: 'nl' | 'en' };

export async function ownersToNotify(db: Knex): Promise<OwnerNotice[]> {
  const rows = (await db('webhook_subscriptions as s')
    .join('users as u', 'u.id', 's.owner_id')
    .leftJoin('notification_preferences as p', 'p.user_id', 'u.id')
    .where('s.notify_owner', true)
    .whereNotNull('s.disabled_at')
    .select('s.id', 's.url', 's.disabled_at', 's.disabled_reason', 'u.email', 'u.name', 'p.language')) as {
    id: string;
    url: string;
    disabled_at: Date;
    disabled_reason: string | null;
    email: string;
    name: string;
    language: 'nl' | 'en' | null;
  }[];
  return rows.map((r) => ({ id: r.id, url: r.url, disabledAt: r.disabled_at, reason: r.disabled_reason ?? '', email: r.email, name: r.name, language: r.language ?? 'nl' }));
}

export async function notified(db: Knex, id: string, disabledAt: Date): Promise<void> {
  await db('webhook_subscriptions').where({ id, disabled_at: disabledAt }).update({ notify_owner: false });
}
