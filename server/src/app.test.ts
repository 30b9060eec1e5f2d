import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';

const { api } = useTestApp();

describe('the API as a whole', () => {
  it('when anything is asked, then the answer carries API-Version and security headers and no x-powered-by', async () => {
    for (const path of ['/api/v1/health', '/api/v1/nope', '/api/v1/municipalities/GM0000']) {
      const res = await api().get(path);
      expect(res.headers['api-version']).toBe('1.0.0');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('when the health is asked, then the database is up', async () => {
    const res = await api().get('/api/v1/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('when the headers are too large for HTTP, then still a problem document', async () => {
    const res = await api().get('/api/v1/health').set('X-Padding', 'x'.repeat(20_000));
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.headers['api-version']).toBe('1.0.0');
  });

  it('when a path ends in a slash, then 404 and not a redirect', async () => {
    await api().get('/api/v1/municipalities/').expect(404).expect('Content-Type', /problem\+json/);
    await api().get('/api/v1/health/').expect(404);
  });

  it('when the OpenAPI document is fetched, then it is public, describes the API and names a contact', async () => {
    const res = await api().get('/api/v1/openapi.json').expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.info.contact.email).toBeTruthy();
    expect(Object.keys(res.body.paths)).toContain('/municipalities/{code}/applications');
  });

  it('when the OpenAPI document is asked with a forged Host and no public address is configured, then its server is relative', async () => {
    const res = await api().get('/api/v1/openapi.json').set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example').expect(200);
    expect(res.body.servers).toEqual([{ url: '/api/v1' }]);
    expect(res.text).not.toContain('evil.example');
  });

  it('when the interactive docs are opened, then they are served', async () => {
    const res = await api().get('/api/v1/docs');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui-bundle.js');
    await api().get('/api/v1/docs/swagger-ui-bundle.js').expect(200);
  });

  it('when a body is not JSON, then 415 before anything reads it; when it is too large, then 413; neither shows internals', async () => {
    await api().post('/api/v1/sessions').set('Content-Type', 'text/plain').send('email=a').expect(415).expect('Content-Type', /problem\+json/);
    await api().post('/api/v1/municipalities/GM0546/applications').set('Content-Type', 'application/xml').send('<a/>').expect(415);
    const big = await api().post('/api/v1/sessions').set('Content-Type', 'application/json').send(JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(1_100_000) }));
    expect(big.status).toBe(413);
    for (const res of [big, await api().post('/api/v1/sessions').set('Content-Type', 'application/json').send('{"email":')]) {
      expect(res.text).not.toMatch(/at \w+ \(|node_modules|SyntaxError/);
    }
  });
});
