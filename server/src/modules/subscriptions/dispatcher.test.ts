import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import type supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { type Receiver, startReceiver } from '../../../test/webhook-receiver.ts';
import { startTestSmtp, type TestSmtp } from '../../../test/smtp.ts';
import { createLogger } from '../../http/request-log.ts';
import { DEFAULT_EVENT_SOURCE } from '../events/cloud-events.ts';
import { createMailer } from '../mail/mailer.ts';
import { createDispatcher, type DispatcherOptions } from './dispatcher.ts';

const { db, signIn } = useTestApp();
const logger = createLogger('silent');
let admin: supertest.Agent;
let leiden: { agent: supertest.Agent; email: string };
let smtp: TestSmtp;
const receivers: Receiver[] = [];
/** The dispatcher's clock: tests move it forward rather than wait for retries. */
let now = Date.now();

beforeAll(async () => {
  admin = (await signIn({ role: 'admin' })).agent;
  leiden = await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0547'] });
  await admin.put('/api/v1/subscription-settings').send({ allowedPrivateNetworks: ['127.0.0.1/32'] }).expect(200);
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await smtp.stop();
});
afterEach(async () => {
  // Each test starts with its own subscriptions and a quiet feed behind them.
  await db()('webhook_subscriptions').delete();
});

function dispatcher(options: Partial<DispatcherOptions> = {}) {
  return createDispatcher({
    db: db(),
    source: DEFAULT_EVENT_SOURCE,
    mailer: createMailer({ smtpUrl: smtp.url, from: 'test@transitiemonitor.invalid' }, logger),
    logger,
    publicUrl: 'http://localhost:3000',
    clock: () => new Date(now),
    random: () => 0.5,
    timeoutMs: 2_000,
    ...options,
  });
}

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

async function subscribe(agent: supertest.Agent, url: string, extra: object = {}): Promise<{ id: string; secret: string }> {
  return (await agent.post('/api/v1/subscriptions').send({ url, ...extra }).expect(201)).body;
}

const attest = async (code: string) => (await leiden.agent.post(`/api/v1/municipalities/${code}/attestations`).send({}).expect(201)).body as { id: string };
const deliveries = async (agent: supertest.Agent, id: string) => (await agent.get(`/api/v1/subscriptions/${id}/deliveries`).expect(200)).body.items;
const bodies = (r: Receiver) => r.received.map((x) => JSON.parse(x.body) as { id: string; type: string; subject: string; data: { id?: string }; sequence: string });

describe('webhook delivery', () => {
  it('when a change commits, then its event is POSTed as a CloudEvent that an independent Standard Webhooks implementation verifies', async () => {
    const r = await receiver();
    const { id, secret } = await subscribe(leiden.agent, r.url);
    const attestation = await attest('GM0546');
    await dispatcher().tick();

    expect(r.received).toHaveLength(1);
    const [request] = r.received;
    expect(request!.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    const verified = new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>) as { id: string; type: string; data: { id: string } };
    expect(verified).toMatchObject({ specversion: '1.0', type: 'nl.transitiemonitor.attestation.created', data: { id: attestation.id } });
    expect(request!.headers['webhook-id']).toBe(verified.id);
    // The signature covers the body: a changed body or another secret does not verify.
    expect(() => new Webhook(secret).verify(request!.body.replace('GM0546', 'GM0547'), request!.headers as Record<string, string>)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(request!.body, request!.headers as Record<string, string>)).toThrow();
    expect(await deliveries(leiden.agent, id)).toEqual([
      expect.objectContaining({ eventId: verified.id, status: 'delivered', attempts: 1, lastStatusCode: 204, lastError: null }),
    ]);
  });

  it('when subscriptions filter by municipality and type, then each gets only its events, in commit order', async () => {
    const [onlyLeiderdorp, onlySettings, everything] = [await receiver(), await receiver(), await receiver()];
    await subscribe(leiden.agent, onlyLeiderdorp.url, { municipalityCodes: ['GM0547'] });
    await subscribe(admin, onlySettings.url, { types: ['nl.transitiemonitor.settings.updated'] });
    await subscribe(admin, everything.url);
    await attest('GM0546');
    await attest('GM0547');
    await admin.put('/api/v1/settings').send({ programmeStart: '2021-01-01', annualRate: 0.1 }).expect(200);
    await attest('GM0547');
    await dispatcher().tick();

    expect(bodies(onlyLeiderdorp).map((e) => e.subject.split('/')[1])).toEqual(['GM0547', 'GM0547']);
    expect(bodies(onlySettings).map((e) => e.type)).toEqual(['nl.transitiemonitor.settings.updated']);
    const all = bodies(everything);
    expect(all.map((e) => e.type.split('.').at(-2))).toEqual(['attestation', 'attestation', 'settings', 'attestation']);
    expect(all.map((e) => Number(e.sequence))).toEqual([...all.map((e) => Number(e.sequence))].sort((a, b) => a - b));
  });

  it('when the receiver fails, then the event is retried, first within 10 s and then further apart, and later events wait for it', async () => {
    const r = await receiver();
    let failures = 2;
    r.answer = () => (failures-- > 0 ? 500 : 204);
    const { id } = await subscribe(leiden.agent, r.url);
    for (const code of ['GM0546', 'GM0547', 'GM0546']) await attest(code);
    const d = dispatcher();

    await d.tick();
    const [first] = await deliveries(leiden.agent, id);
    expect(first).toMatchObject({ status: 'retrying', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    const firstWait = Date.parse(first.nextAttemptAt) - now;
    expect(firstWait).toBeGreaterThan(0);
    expect(firstWait).toBeLessThanOrEqual(10_000);
    await d.tick();
    expect(r.received).toHaveLength(1);

    now += firstWait;
    await d.tick();
    const [second] = await deliveries(leiden.agent, id);
    expect(second).toMatchObject({ status: 'retrying', attempts: 2 });
    expect(Date.parse(second.nextAttemptAt) - now).toBeGreaterThan(firstWait);

    now += 60 * 60 * 1000;
    await d.tick();
    const sent = bodies(r);
    expect(sent.map((e) => e.id)).toEqual([sent[0]!.id, sent[0]!.id, sent[0]!.id, sent[3]!.id, sent[4]!.id]);
    expect(new Set(sent.map((e) => e.id)).size).toBe(3);
    expect((await deliveries(leiden.agent, id)).map((x: { status: string; attempts: number }) => [x.status, x.attempts])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
      ['delivered', 3],
    ]);
    expect((await leiden.agent.get(`/api/v1/subscriptions/${id}`).expect(200)).body).toMatchObject({ status: 'active', failingSince: null });
  });

  it('when receivers hang or close the connection, then other subscriptions and the change itself go on regardless', async () => {
    const [hangs, resets, works] = [await receiver(), await receiver(), await receiver()];
    hangs.answer = () => 'hang';
    resets.answer = () => 'reset';
    const { id: hangId } = await subscribe(admin, hangs.url);
    const { id: resetId } = await subscribe(admin, resets.url);
    await subscribe(admin, works.url);
    const d = dispatcher({ timeoutMs: 1_500, pollMs: 20 });
    d.start();
    try {
      const started = Date.now();
      await attest('GM0546');
      expect(Date.now() - started).toBeLessThan(1_000);
      while (works.received.length === 0) await sleep(20);
      // The good receiver had its event while the hanging one was still waiting on its timeout.
      expect(Date.now() - started).toBeLessThan(1_500);
      while ((await deliveries(admin, hangId)).length === 0) await sleep(50);
    } finally {
      await d.stop();
    }
    expect(hangs.received).toHaveLength(1);
    expect((await deliveries(admin, hangId))[0]).toMatchObject({ status: 'retrying', lastStatusCode: null, lastError: 'No answer within 1.5 s' });
    expect((await deliveries(admin, resetId))[0]).toMatchObject({ status: 'retrying', lastStatusCode: null, lastError: 'Connection closed by the receiver' });
  });

  it('when deliveries fail for 24 hours, then the subscription is disabled and its owner mailed once; enabled again it resumes', async () => {
    const r = await receiver();
    r.answer = () => 503;
    const { id } = await subscribe(leiden.agent, r.url);
    const attestation = await attest('GM0546');
    const d = dispatcher();
    const mailsBefore = smtp.mails.length;
    for (let hours = 0; hours <= 26; hours += 2) {
      await d.tick();
      now += 2 * 60 * 60 * 1000;
    }
    const subscription = (await leiden.agent.get(`/api/v1/subscriptions/${id}`).expect(200)).body;
    expect(subscription).toMatchObject({ status: 'disabled', disabledReason: 'No delivery succeeded for 24 hours. The last error: HTTP 503.' });
    expect((await deliveries(leiden.agent, id))[0]).toMatchObject({ status: 'failed', lastStatusCode: 503 });
    const tried = r.received.length;
    await d.tick();
    expect(r.received.length).toBe(tried);
    const mails = smtp.mails.slice(mailsBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: [leiden.email], subject: `Webhook uitgeschakeld: ${r.url}` });
    expect(mails[0]!.text).toContain('http://localhost:3000/meldingen');

    r.answer = () => 204;
    await leiden.agent.patch(`/api/v1/subscriptions/${id}`).send({ enabled: true }).expect(200);
    await d.tick();
    expect(bodies(r).at(-1)!.data.id).toBe(attestation.id);
    expect((await deliveries(leiden.agent, id))[0]).toMatchObject({ status: 'delivered' });
    expect(smtp.mails.length - mailsBefore).toBe(1);
  });

  it('when the receiver answers 410 Gone, then the subscription is disabled at once', async () => {
    const r = await receiver();
    r.answer = () => 410;
    const { id } = await subscribe(admin, r.url);
    await attest('GM0547');
    await dispatcher().tick();
    expect((await admin.get(`/api/v1/subscriptions/${id}`).expect(200)).body).toMatchObject({
      status: 'disabled',
      disabledReason: 'The receiver answered 410 Gone: it takes no more events.',
    });
  });

  it('when the private network is no longer allowed, then deliveries to it are refused without a connection', async () => {
    const r = await receiver();
    const { id } = await subscribe(admin, r.url);
    await admin.put('/api/v1/subscription-settings').send({ allowedPrivateNetworks: [] }).expect(200);
    try {
      await attest('GM0546');
      await dispatcher().tick();
    } finally {
      await admin.put('/api/v1/subscription-settings').send({ allowedPrivateNetworks: ['127.0.0.1/32'] }).expect(200);
    }
    expect(r.received).toHaveLength(0);
    expect((await deliveries(admin, id))[0].lastError).toMatch(/^Refused: 127\.0\.0\.1/);
  });

  it('when two servers deliver at the same time, then each event reaches each receiver once, in order', async () => {
    const rs = [await receiver(), await receiver(), await receiver()];
    for (const r of rs) await subscribe(admin, r.url);
    for (let i = 0; i < 6; i += 1) await attest(i % 2 === 0 ? 'GM0546' : 'GM0547');
    await Promise.all([dispatcher({ batchSize: 2 }).tick(), dispatcher({ batchSize: 2 }).tick()]);
    await Promise.all([dispatcher().tick(), dispatcher().tick()]);
    for (const r of rs) {
      const sequences = bodies(r).map((e) => Number(e.sequence));
      expect(sequences).toHaveLength(6);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      expect(new Set(sequences).size).toBe(6);
    }
  });
});
