/**
 * PRODUCT §11's promises about webhooks under failure: a receiver that was down gets every event, in order, once it
 * answers again; a server killed in the middle of a delivery loses none (at least once: the receiver may see the
 * event in flight twice, under the same webhook-id).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '@tm/db/testing';
import { createLogger } from '../../src/http/request-log.ts';
import { DEFAULT_EVENT_SOURCE } from '../../src/modules/events/cloud-events.ts';
import { recordEvent } from '../../src/modules/events/events.repository.ts';
import { createMailer } from '../../src/modules/mail/mailer.ts';
import { createDispatcher } from '../../src/modules/subscriptions/dispatcher.ts';
import * as subscriptions from '../../src/modules/subscriptions/subscriptions.repository.ts';
import { startServerProcess, type ServerProcess } from '../server-process.ts';
import { startReceiver, type Receiver } from '../webhook-receiver.ts';
import { EDITOR, logIn, prepareWithEditor } from './accounts.ts';
import { usePrivateCluster } from './private-cluster.ts';

const receivers: Receiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

/** The ids of the events the receiver answered 2xx to, first time each, in the order they came. */
function acceptedInOrder(r: Receiver, accepted: Set<number>): string[] {
  const ids = r.received.filter((_x, i) => accepted.has(i)).map((x) => String(x.headers['webhook-id']));
  return ids.filter((id, i) => ids.indexOf(id) === i);
}

describe('a receiver that was down', () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb();
  });
  afterAll(() => testDb.close());

  it('when it fails for an hour while changes go on, then it gets every event in commit order once it answers', async () => {
    const db = testDb.db;
    const receiver = await startReceiver();
    receivers.push(receiver);
    const owner = (await db('users').insert({ email: 'admin@resilience.test', name: 'Admin', role: 'admin' }).returning('id'))[0].id as string;
    await subscriptions.writeSettings(db, { allowedPrivateNetworks: ['127.0.0.1/32'] });
    await subscriptions.insert(db, { ownerId: owner, url: receiver.url, secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`, municipalityCodes: null, types: null, deliveredPosition: 0 });

    let now = Date.now();
    let down = true;
    const accepted = new Set<number>();
    receiver.answer = () => {
      if (down) return 503;
      accepted.add(receiver.received.length - 1);
      return 204;
    };
    const logger = createLogger('silent');
    const dispatcher = createDispatcher({ db, source: DEFAULT_EVENT_SOURCE, mailer: createMailer({}, logger), logger, publicUrl: 'http://localhost', clock: () => new Date(now) });
    const record = (i: number) =>
      db.transaction((trx) => recordEvent(trx, 'settings.updated', { subject: `settings/${i}`, municipalityCode: null, data: { programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 6 } }));

    // An hour of changes every two minutes, and the dispatcher coming by every 30 s, all answered 503.
    for (let minute = 0; minute < 60; minute += 0.5) {
      if (minute % 2 === 0) await record(minute);
      await dispatcher.tick();
      now += 30_000;
    }
    expect(receiver.received.length).toBeGreaterThan(5);
    expect(accepted.size).toBe(0);
    down = false;
    for (let i = 0; i < 20 && accepted.size < 30; i += 1) {
      now += 15 * 60_000;
      await dispatcher.tick();
    }
    const committed = (await db('feed_events').orderBy('position').pluck('id')) as string[];
    expect(committed).toHaveLength(30);
    expect(acceptedInOrder(receiver, accepted)).toEqual(committed);
    // Once answered, an event is not sent again.
    expect(accepted.size).toBe(30);
  });
});

describe('the server killed during a delivery', () => {
  const { cluster, db, servers } = usePrivateCluster(prepareWithEditor);

  it('when it dies with a webhook in flight, then after a restart every event is delivered, in order, none lost', async () => {
    await subscriptions.writeSettings(db(), { allowedPrivateNetworks: ['127.0.0.1/32'] });
    const env = { DATABASE_URL: cluster().url, WEBHOOK_TIMEOUT_SECONDS: '2' };
    const first = await startServerProcess(env);
    servers.push(first);
    const session = await logIn(first.url);
    const call = (server: ServerProcess, method: string, path: string, body: object) =>
      fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const receiver = await startReceiver();
    receivers.push(receiver);
    const accepted = new Set<number>();
    receiver.answer = () => {
      accepted.add(receiver.received.length - 1);
      return { status: 204, afterMs: 150 };
    };
    expect((await call(first, 'POST', '/subscriptions', { url: receiver.url })).status).toBe(201);
    const [code] = EDITOR.municipalityCodes;
    for (let i = 0; i < 20; i += 1) expect((await call(first, 'POST', `/municipalities/${code}/attestations`, {})).status).toBe(201);

    // Killed while the receiver holds a request: the delivery was made and not yet acknowledged.
    while (receiver.received.length < 6) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    await first.exited;
    const inFlight = String(receiver.received.at(-1)!.headers['webhook-id']);

    const second = await startServerProcess(env);
    servers.push(second);
    const committed = (await db()('feed_events').orderBy('position').pluck('id')) as string[];
    expect(committed).toHaveLength(20);
    const deadline = Date.now() + 90_000;
    while (acceptedInOrder(receiver, accepted).length < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(acceptedInOrder(receiver, accepted)).toEqual(committed);
    const ids = receiver.received.map((x) => String(x.headers['webhook-id']));
    const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    expect(repeated.every((id) => id === inFlight), `sent twice: ${repeated.join(', ')}; in flight: ${inFlight}`).toBe(true);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
