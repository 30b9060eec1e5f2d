import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from '../../http/request-log.ts';
import { structuredMessage } from '../events/cloud-events.ts';
import { listAfter, type StoredEvent } from '../events/events.repository.ts';
import { mailOnce } from '../mail/mail-once.ts';
import type { Mailer } from '../mail/mailer.ts';
import { addressPolicy, type AddressPolicy } from './address-policy.ts';
import { GIVE_UP_AFTER_MS, retryDelayMs } from './backoff.ts';
import * as dispatch from './dispatch.repository.ts';
import { disabledMail } from './subscription-mails.ts';
import * as subscriptions from './subscriptions.repository.ts';
import { post } from './webhook-client.ts';
import { signature } from './webhook-signature.ts';

export type DispatcherOptions = {
  db: Knex;
  /** The CloudEvents `source` of the events. */
  source: string;
  mailer: Mailer;
  logger: Logger;
  /** The address of the app, for the link in the mail to an owner. */
  publicUrl: string;
  /** The time retries are planned by; tests move it forward instead of waiting hours. Signatures use the real time. */
  clock?: () => Date;
  random?: () => number;
  /** Subscriptions served at once: a receiver that hangs takes one of these until its timeout, never all. */
  concurrency?: number;
  pollMs?: number;
  timeoutMs?: number;
  /** Events delivered to one subscription before it is put back for others to have a turn. */
  batchSize?: number;
};

export type Dispatcher = {
  /** Starts whatever is due and waits for it: what the loop does, once. */
  tick(): Promise<void>;
  /** Polls every `pollMs` until stopped. */
  start(): void;
  /** Stops polling and waits for the deliveries in flight. */
  stop(): Promise<void>;
};

type Subscriber = dispatch.Claimed;

/** Which municipalities' events the subscription may carry now: what its owner may read in the feed. */
function visibleTo(s: Subscriber): readonly string[] | undefined {
  if (s.owner.role === 'admin') return s.municipalityCodes ?? undefined;
  if (s.owner.role !== 'editor') return [];
  const own = new Set(s.owner.municipalityCodes);
  return (s.municipalityCodes ?? s.owner.municipalityCodes).filter((c) => own.has(c));
}

/**
 * Delivers the change feed to every webhook subscription, in commit order per subscription, each at its own pace:
 * a subscription is leased to one server at a time, moves past an event only once the receiver answered 2xx, and
 * waits between retries with exponential backoff and jitter, for at most a day. A server killed mid-delivery leaves a
 * lease that runs out, and the event goes again (the receiver drops a duplicate by its `webhook-id`).
 */
export function createDispatcher(o: DispatcherOptions): Dispatcher {
  const clock = o.clock ?? (() => new Date());
  const concurrency = o.concurrency ?? 8;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const batchSize = o.batchSize ?? 100;
  const leaseMs = 2 * timeoutMs + 5_000;
  const inFlight = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function deliver(s: Subscriber, event: StoredEvent, policy: AddressPolicy) {
    const { contentType, body } = structuredMessage(event, o.source);
    const timestamp = Math.floor(Date.now() / 1000);
    return post(
      s.url,
      body,
      {
        'content-type': contentType,
        'user-agent': 'Transitiemonitor-Webhooks/1.0',
        'webhook-id': event.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signature(s.secret, event.id, timestamp, body),
      },
      { timeoutMs, policy },
    );
  }

  async function serve(s: Subscriber, lease: dispatch.Lease, policy: AddressPolicy): Promise<void> {
    if (!s.owner.active) return dispatch.release(o.db, lease, new Date(clock().getTime() + 60 * 60 * 1000));
    const municipalityCodes = visibleTo(s);
    let position = s.deliveredPosition;
    let failingSince = s.failingSince;
    for (let n = 0; n < batchSize && !stopped; n += 1) {
      const last = await dispatch.lastPosition(o.db);
      const [event] = await listAfter(o.db, { after: position, municipalityCodes, types: s.types ?? undefined, limit: 1 });
      if (!event) {
        // Nothing for it up to the last committed event: it need not look at those again.
        if (last > position) await dispatch.advance(o.db, lease, last, clock());
        return dispatch.release(o.db, lease);
      }
      const outcome = await deliver(s, event, policy);
      const now = clock();
      if (outcome.ok) {
        await dispatch.recordAttempt(o.db, { subscriptionId: s.id, event, at: now, status: 'delivered', statusCode: outcome.status, error: null, nextAttemptAt: null });
        if (!(await dispatch.advance(o.db, lease, event.position, new Date(now.getTime() + leaseMs)))) return;
        position = event.position;
        failingSince = null;
        continue;
      }
      failingSince ??= now;
      const tooLong = now.getTime() - failingSince.getTime() >= GIVE_UP_AFTER_MS;
      if (outcome.gone || tooLong) {
        await dispatch.recordAttempt(o.db, { subscriptionId: s.id, event, at: now, status: 'failed', statusCode: outcome.status, error: outcome.error, nextAttemptAt: null });
        const reason = outcome.gone
          ? 'The receiver answered 410 Gone: it takes no more events.'
          : `No delivery succeeded for 24 hours. The last error: ${outcome.error}.`;
        if (await dispatch.giveUp(o.db, lease, { at: now, failingSince, reason }))
          o.logger.warn({ subscriptionId: s.id, reason }, 'webhook subscription disabled');
        return;
      }
      const attempts = await dispatch.recordAttempt(o.db, {
        subscriptionId: s.id,
        event,
        at: now,
        status: 'retrying',
        statusCode: outcome.status,
        error: outcome.error,
        nextAttemptAt: null,
      });
      const wait = Math.max(retryDelayMs(attempts, o.random), Math.min(outcome.retryAfterMs ?? 0, 60 * 60 * 1000));
      const nextAttemptAt = new Date(now.getTime() + wait);
      await dispatch.scheduleRetry(o.db, s.id, event.position, nextAttemptAt);
      return dispatch.postpone(o.db, lease, { failingSince, nextAttemptAt });
    }
    return dispatch.release(o.db, lease);
  }

  /** Mails the owners of subscriptions that gave up, once each. */
  async function notifyOwners(): Promise<void> {
    for (const n of await dispatch.ownersToNotify(o.db)) {
      await mailOnce(o.db, o.mailer, [`subscription-disabled:${n.id}:${n.disabledAt.toISOString()}`], () =>
        disabledMail({ to: n.email, name: n.name, language: n.language, url: n.url, reason: n.reason, link: `${o.publicUrl}/meldingen` }),
      );
      await dispatch.notified(o.db, n.id, n.disabledAt);
    }
  }

  /** Leases what is due for the free places and starts serving it; answers the work it started. */
  async function fill(): Promise<Promise<void>[]> {
    const token = randomUUID();
    const now = clock();
    const policy = addressPolicy((await subscriptions.readSettings(o.db)).allowedPrivateNetworks);
    const claimed = await dispatch.claimDue(o.db, { now, leaseUntil: new Date(now.getTime() + leaseMs), token, limit: concurrency - inFlight.size, except: [...inFlight.keys()] });
    const started = claimed.map((s) => {
      const work = serve(s, { id: s.id, token }, policy)
        .catch((error: unknown) => o.logger.error({ err: error, subscriptionId: s.id }, 'webhook delivery failed unexpectedly'))
        .finally(() => inFlight.delete(s.id));
      inFlight.set(s.id, work);
      return work;
    });
    await notifyOwners().catch((error: unknown) => o.logger.warn({ err: error }, 'mail about a disabled webhook not sent yet; tried again later'));
    return started;
  }

  const loop = async () => {
    try {
      await fill();
    } catch (error) {
      o.logger.warn({ err: error }, 'webhook dispatch could not look for work; trying again');
    }
    if (!stopped) timer = setTimeout(loop, o.pollMs ?? 1_000);
  };

  return {
    async tick() {
      await Promise.all(await fill());
    },
    start() {
      stopped = false;
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.all(inFlight.values());
    },
  };
}
