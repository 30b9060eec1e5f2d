import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

/** The people the identity provider knows, with the claims it gives about them. */
const PEOPLE: Record<string, Record<string, unknown>> = {
  'sub-cio': { email: 'CIO@sso.test', name: 'CIO via SSO', tm_role: 'editor', tm_municipalities: ['GM0546', 'GM0547'] },
  'sub-board': { email: 'bestuur@sso.test', name: 'Bestuur via SSO', tm_role: 'board' },
  'sub-vendor': { email: 'verkoper@leverancier.test', name: 'Leverancier' },
  // Both claim the address of an account an admin made; only the second has it verified by the provider.
  'sub-claims-admin-made': { email: 'beheerd@gemeente.test', email_verified: false, name: 'Iemand anders', tm_role: 'admin' },
  'sub-verified-admin-made': { email: 'Beheerd2@gemeente.test', email_verified: true, name: 'Echte eigenaar', tm_role: 'viewer' },
};
const REDIRECT_URI = 'http://localhost:3000/api/v1/sessions/oidc/callback';

let server: Server;
let issuer = '';

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'transitiemonitor',
        client_secret: 'een-geheim-van-de-test',
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], transitiemonitor: ['tm_role', 'tm_municipalities'] },
    findAccount: (_ctx, sub) => (PEOPLE[sub] ? { accountId: sub, claims: () => ({ sub, ...PEOPLE[sub] }) } : undefined),
    cookies: { keys: ['test-cookie-key'] },
  });
  server.on('request', provider.callback());
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const { app, api, createAccount, db } = useTestApp(() => ({
  oidc: {
    issuer,
    clientId: 'transitiemonitor',
    clientSecret: 'een-geheim-van-de-test',
    redirectUri: REDIRECT_URI,
    scope: 'openid email profile transitiemonitor',
    roleClaim: 'tm_role',
    municipalitiesClaim: 'tm_municipalities',
  },
}));

/**
 * A browser going through the provider's own log-in and consent pages until it is sent back to us; answers the
 * path and query of the callback.
 */
async function throughProvider(authorizationUrl: string, subject: string): Promise<string> {
  const browser = supertest.agent(server);
  let next = new URL(authorizationUrl);
  for (let step = 0; step < 10; step++) {
    const page = await browser.get(next.pathname + next.search);
    if (page.status === 200) {
      const prompt = /name="prompt" value="(\w+)"/.exec(page.text)?.[1];
      const form = prompt === 'login' ? { prompt, login: subject, password: 'ignored' } : { prompt };
      const submitted = await browser.post(next.pathname).type('form').send(form);
      next = new URL(submitted.headers.location!, issuer);
      continue;
    }
    expect([302, 303]).toContain(page.status);
    const location = new URL(page.headers.location!, issuer);
    if (location.href.startsWith(REDIRECT_URI)) return location.pathname + location.search;
    next = location;
  }
  throw new Error('the provider did not send the browser back');
}

async function logInVia(subject: string, returnTo = '/gemeenten/GM0546') {
  const browser = supertest.agent(app());
  const start = await browser.get(`/api/v1/sessions/oidc?returnTo=${encodeURIComponent(returnTo)}`).expect(303);
  const authorization = new URL(start.headers.location!);
  const callback = await throughProvider(start.headers.location!, subject);
  const landed = await browser.get(callback);
  return { browser, authorization, callback, landed };
}

describe('single sign-on with OpenID Connect', () => {
  it('when a CIO logs in at the provider, then PKCE was used, the account is made from the claims and the browser lands with a session', async () => {
    const { browser, authorization, landed } = await logInVia('sub-cio');
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('code_challenge')).toBeTruthy();
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    expect(landed.status).toBe(303);
    expect(landed.headers.location).toBe('/gemeenten/GM0546');

    const session = await browser.get('/api/v1/sessions/current').expect(200);
    expect(session.body).toMatchObject({
      method: 'oidc',
      user: { email: 'cio@sso.test', name: 'CIO via SSO', role: 'editor', municipalityCodes: ['GM0546', 'GM0547'], hasPassword: false },
    });
    await browser.post('/api/v1/municipalities/GM0547/applications').set('X-CSRF-Token', session.body.csrfToken).send({ name: 'Via SSO' }).expect(201);
    await browser.post('/api/v1/municipalities/GM0363/applications').set('X-CSRF-Token', session.body.csrfToken).send({ name: 'Elders' }).expect(403);
  });

  it('when the provider changes the role in its claims, then the next log-in takes the new role to the same account', async () => {
    const first = await logInVia('sub-board');
    const before = (await first.browser.get('/api/v1/sessions/current').expect(200)).body.user;
    PEOPLE['sub-board']!.tm_role = 'viewer';
    const second = await logInVia('sub-board');
    const after = (await second.browser.get('/api/v1/sessions/current').expect(200)).body.user;
    expect(after).toMatchObject({ id: before.id, role: 'viewer' });
  });

  it('when the claims name no role (a vendor), then no account, no session and back to the log-in screen', async () => {
    const { browser, landed } = await logInVia('sub-vendor');
    expect(landed.status).toBe(303);
    expect(landed.headers.location).toBe('/inloggen?sso=mislukt');
    await browser.get('/api/v1/sessions/current').expect(401);
  });

  it("when the provider's answer arrives in another browser or twice, then it is refused", async () => {
    const { callback } = await logInVia('sub-cio');
    const replay = await supertest.agent(app()).get(callback).expect(303);
    expect(replay.headers.location).toBe('/inloggen?sso=mislukt');

    const browser = supertest.agent(app());
    const start = await browser.get('/api/v1/sessions/oidc').expect(303);
    const stolen = await throughProvider(start.headers.location!, 'sub-cio');
    const elsewhere = await supertest.agent(app()).get(stolen).expect(303);
    expect(elsewhere.headers.location).toBe('/inloggen?sso=mislukt');
  });

  it('when the provider has not verified an e-mail address that an existing account has, then it is not linked to that account', async () => {
    const existing = await createAccount({ role: 'viewer', email: 'beheerd@gemeente.test' });
    const { browser, landed } = await logInVia('sub-claims-admin-made');
    expect(landed.headers.location).toBe('/inloggen?sso=mislukt');
    await browser.get('/api/v1/sessions/current').expect(401);
    const row = await db()('users').where({ id: existing.userId }).first();
    expect(row).toMatchObject({ role: 'viewer', oidc_subject: null });
  });

  it('when the provider has verified the address, then the existing account is linked and keeps its id', async () => {
    const existing = await createAccount({ role: 'board', email: 'beheerd2@gemeente.test' });
    const { browser } = await logInVia('sub-verified-admin-made');
    const session = await browser.get('/api/v1/sessions/current').expect(200);
    expect(session.body.user).toMatchObject({ id: existing.userId, role: 'viewer', name: 'Echte eigenaar' });
  });

  it('when returnTo points at another site, then 400', async () => {
    const res = await api().get('/api/v1/sessions/oidc?returnTo=//evil.example/x').expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['returnTo']);
    await api().get('/api/v1/sessions/oidc?returnTo=https://evil.example').expect(400);
  });
});
