import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const { api, signIn } = useTestApp();
let admin: supertest.Agent;
let leiden: supertest.Agent;
let other: supertest.Agent;
beforeAll(async () => {
  admin = (await signIn({ role: 'admin' })).agent;
  leiden = (await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0547'] })).agent;
  other = (await signIn({ role: 'editor', municipalityCodes: ['GM0363'] })).agent;
});

const LOCAL = 'http://127.0.0.1:9/hooks';
// Never contacted: no delivery runs in this file. A public address, so that only the rules about it are at stake.
const PUBLIC = 'https://145.100.190.243/hooks';

const paths = (res: supertest.Response) => (res.body.errors as { path: string }[]).map((e) => e.path).sort();
const allowLoopback = (networks: string[]) => admin.put('/api/v1/subscription-settings').send({ allowedPrivateNetworks: networks }).expect(200);

describe('webhook subscriptions', () => {
  it('when an editor subscribes, then 201 shows the secret once, and the subscription lists without it', async () => {
    const res = await leiden.post('/api/v1/subscriptions').send({ url: PUBLIC, types: ['nl.transitiemonitor.attestation.created'] }).expect(201);
    expect(res.body).toMatchObject({
      url: PUBLIC,
      municipalityCodes: ['GM0546', 'GM0547'],
      types: ['nl.transitiemonitor.attestation.created'],
      status: 'active',
      failingSince: null,
    });
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const list = (await leiden.get('/api/v1/subscriptions').expect(200)).body;
    expect(list.items.map((s: { id: string }) => s.id)).toContain(res.body.id);
    expect(JSON.stringify(list)).not.toContain(res.body.secret);
    expect((await leiden.get(`/api/v1/subscriptions/${res.body.id}`).expect(200)).body).not.toHaveProperty('secret');
    expect((await leiden.get(`/api/v1/subscriptions/${res.body.id}/deliveries`).expect(200)).body).toEqual({ items: [], total: 0 });
  });

  const PRIVATE = { code: 'subscriptions.privateAddress', message: expect.stringMatching(/^Dit adres wijst naar een privé-, loopback- of link-local-adres \(.+\); een beheerder kan dat netwerk toestaan\.$/) };
  it.each([
    ['a loopback address', 'https://127.0.0.1/hooks', PRIVATE],
    ['an IPv6 loopback address', 'https://[::1]/hooks', PRIVATE],
    ['a private address', 'https://10.20.30.40/hooks', { code: 'subscriptions.privateAddress', message: 'Dit adres wijst naar een privé-, loopback- of link-local-adres (10.20.30.40); een beheerder kan dat netwerk toestaan.' }],
    ['a link-local address (cloud metadata)', 'http://169.254.169.254/latest/meta-data', PRIVATE],
    ['a carrier-grade NAT address', 'https://100.64.1.1/hooks', PRIVATE],
    ['an IPv4-mapped loopback address', 'https://[::ffff:127.0.0.1]/hooks', PRIVATE],
    ['a host name that resolves to loopback', 'https://localhost/hooks', PRIVATE],
    ['plain http to a public address', 'http://145.100.190.243/hooks', { code: 'subscriptions.httpsRequired', message: 'Gebruik https: gewoon http kan alleen naar privénetwerken die een beheerder heeft toegestaan.' }],
  ])('when the URL points at %s, then 400 says why', async (_name, url, why) => {
    const res = await leiden.post('/api/v1/subscriptions').send({ url }).expect(400);
    expect(res.body.errors).toEqual([{ path: 'url', ...why }]);
  });

  it('when an admin allows the loopback network, then http to it is accepted, and other private addresses still are not', async () => {
    await leiden.post('/api/v1/subscriptions').send({ url: LOCAL }).expect(400);
    await allowLoopback(['127.0.0.1/32']);
    try {
      await leiden.post('/api/v1/subscriptions').send({ url: LOCAL }).expect(201);
      await leiden.post('/api/v1/subscriptions').send({ url: 'http://127.0.0.2/hooks' }).expect(400);
      await leiden.post('/api/v1/subscriptions').send({ url: 'http://[::1]/hooks' }).expect(400);
      expect((await admin.get('/api/v1/subscription-settings').expect(200)).body).toEqual({ allowedPrivateNetworks: ['127.0.0.1/32'] });
    } finally {
      await allowLoopback([]);
    }
  });

  it('when the input is bad, then 400 names every field', async () => {
    const res = await leiden
      .post('/api/v1/subscriptions')
      .send({ url: 'ftp://example.nl/x', municipalityCodes: ['GM0363', 'Leiden'], types: ['nl.transitiemonitor.nothing'], colour: 'red' })
      .expect(400);
    expect(paths(res)).toEqual(['colour', 'municipalityCodes.1', 'types.0', 'url']);
    const credentials = await leiden.post('/api/v1/subscriptions').send({ url: 'https://user:secret@145.100.190.243/x' }).expect(400);
    expect(credentials.body.errors).toEqual([{ path: 'url', code: 'validation.urlCredentials', message: 'Laat inloggegevens uit het adres weg: elke bezorging is ondertekend.' }]);
    const notMine = await leiden.post('/api/v1/subscriptions').send({ url: PUBLIC, municipalityCodes: ['GM0546', 'GM0363'] }).expect(400);
    expect(notMine.body.errors).toEqual([{ path: 'municipalityCodes.1', code: 'subscriptions.notEditorOf', message: 'U bent geen bewerker van GM0363.' }]);
    const unknown = await admin.post('/api/v1/subscriptions').send({ url: PUBLIC, municipalityCodes: ['GM9999'] }).expect(400);
    expect(unknown.body.errors).toEqual([{ path: 'municipalityCodes.0', code: 'subscriptions.unknownMunicipality', message: 'Er is geen gemeente met code GM9999.' }]);
    const settings = await admin.put('/api/v1/subscription-settings').send({ allowedPrivateNetworks: ['127.0.0.1/32', '300.1.1.1/8', 'lan'] }).expect(400);
    expect(paths(settings)).toEqual(['allowedPrivateNetworks.1', 'allowedPrivateNetworks.2']);
    await leiden.get('/api/v1/subscriptions/not-an-id').expect(400);
  });

  it("when someone else touches an editor's subscription, then only its owner and admins may", async () => {
    const { id } = (await leiden.post('/api/v1/subscriptions').send({ url: PUBLIC }).expect(201)).body;
    for (const [method, path, body] of [
      ['get', `/api/v1/subscriptions/${id}`, undefined],
      ['get', `/api/v1/subscriptions/${id}/deliveries`, undefined],
      ['patch', `/api/v1/subscriptions/${id}`, { enabled: false }],
      ['delete', `/api/v1/subscriptions/${id}`, undefined],
    ] as const) {
      const req = other[method](path);
      const refused = await (body ? req.send(body) : req).expect(403);
      expect(refused.body).toMatchObject({ code: 'subscriptions.notYours', detail: 'Dit abonnement is niet van u.' });
    }
    expect((await other.get('/api/v1/subscriptions').expect(200)).body.items).toEqual([]);
    expect((await admin.get('/api/v1/subscriptions').expect(200)).body.items.map((s: { id: string }) => s.id)).toContain(id);
    await api().get('/api/v1/subscriptions').expect(401);
    await (await signIn({ role: 'viewer' })).agent.post('/api/v1/subscriptions').send({ url: PUBLIC }).expect(403);
    await leiden.get('/api/v1/subscription-settings').expect(403);

    expect((await admin.patch(`/api/v1/subscriptions/${id}`).send({ enabled: false }).expect(200)).body).toMatchObject({ status: 'disabled', disabledReason: 'Disabled by hand.' });
    expect((await leiden.patch(`/api/v1/subscriptions/${id}`).send({ enabled: true }).expect(200)).body).toMatchObject({ status: 'active', disabledReason: null });
    await leiden.delete(`/api/v1/subscriptions/${id}`).expect(204);
    expect((await leiden.get(`/api/v1/subscriptions/${id}`).expect(404)).body).toMatchObject({ code: 'subscriptions.notFound', detail: `Er is geen abonnement met id ${id}.` });
  });
});
