/**
 * The compose deployment: a TLS proxy on the Docker network forwards plain HTTP to the app. With `PUBLIC_URL`
 * https and `TRUST_PROXY` naming that one hop, cookies stay Secure, every client keeps its own address, and the
 * OpenAPI document names the public address whatever Host a caller sends.
 */
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

const PUBLIC_URL = 'https://transitiemonitor.example.nl';
const { app, createAccount } = useTestApp({ publicUrl: PUBLIC_URL, auth: { secureCookies: true }, trustProxy: 1 });

/** A request as the proxy passes it on: plain HTTP from the proxy, the client's address appended to X-Forwarded-For. */
function viaProxy(forwardedFor: string) {
  return supertest.agent(app()).set('X-Forwarded-For', forwardedFor);
}

describe('behind a TLS proxy', () => {
  it('when the public address is https, then every cookie is Secure, even though the proxy speaks plain HTTP to us', async () => {
    const account = await createAccount({ role: 'viewer' });
    const res = await viaProxy('203.0.113.7').post('/api/v1/sessions').send({ email: account.email, password: account.password }).expect(201);
    const cookies = res.headers['set-cookie'] as unknown as string[];
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
    const out = await viaProxy('203.0.113.7').delete('/api/v1/sessions/current').set('Cookie', cookies[0]!.split(';')[0]!).set('X-CSRF-Token', res.body.csrfToken).expect(204);
    for (const cookie of out.headers['set-cookie'] as unknown as string[]) expect(cookie).toMatch(/; Secure/);
  });

  it('when clients come through the proxy, then each is limited by its own address, and a forged X-Forwarded-For does not change whose it is', async () => {
    const sprayer = '198.51.100.1';
    for (let i = 0; i < 50; i++)
      // The client's own X-Forwarded-For comes first; the proxy appends the address it saw, the one we count.
      await viaProxy(`10.9.9.${i}, ${sprayer}`).post('/api/v1/sessions').send({ email: `spray${i}@test.local`, password: 'Welkom01' }).expect(401);
    await viaProxy(`10.9.9.99, ${sprayer}`).post('/api/v1/sessions').send({ email: 'spray-last@test.local', password: 'Welkom01' }).expect(429);
    // Everybody else behind the same proxy still logs in.
    const account = await createAccount({ role: 'viewer' });
    await viaProxy('198.51.100.2').post('/api/v1/sessions').send({ email: account.email, password: account.password }).expect(201);
  });

  it('when the OpenAPI document is asked with a forged Host, then its server is the public address, never that Host', async () => {
    const res = await supertest(app()).get('/api/v1/openapi.json').set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example').expect(200);
    expect(res.body.servers).toEqual([{ url: `${PUBLIC_URL}/api/v1` }]);
    expect(res.text).not.toContain('evil.example');
  });
});
