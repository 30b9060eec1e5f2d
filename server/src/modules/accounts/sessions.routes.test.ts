import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const { api, app, db, createAccount, signIn } = useTestApp();

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const cookies = res.headers['set-cookie'] as string[] | undefined;
  const found = cookies?.find((c) => c.startsWith('tm_session='));
  if (!found) throw new Error('no session cookie set');
  return found;
}

/** Each test logs in from its own address, so that the per-address limit of one test does not touch another. */
function from(address: string) {
  const agent = supertest.agent(app());
  agent.set('X-Forwarded-For', address);
  return agent;
}

describe('sessions', () => {
  it('when a user logs in, then an HttpOnly SameSite cookie is set, the session names the user and log-out ends it on the server', async () => {
    const account = await createAccount({ role: 'editor', municipalityCodes: ['GM0546'] });
    const browser = from('10.0.0.1');
    const res = await browser.post('/api/v1/sessions').send({ email: account.email.toUpperCase(), password: account.password }).expect(201);
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ method: 'password', user: { email: account.email, role: 'editor', municipalityCodes: ['GM0546'] } });
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(JSON.stringify(res.body)).not.toContain('argon2');

    const current = await browser.get('/api/v1/sessions/current').expect(200);
    expect(current.body.csrfToken).toBe(res.body.csrfToken);

    const raw = cookie.split(';')[0]!;
    await browser.delete('/api/v1/sessions/current').set('X-CSRF-Token', res.body.csrfToken).expect(204);
    // The old cookie, replayed, is worth nothing: the session is gone on the server.
    await api().get('/api/v1/sessions/current').set('Cookie', raw).expect(401);
    await api().get('/api/v1/municipalities/GM0546/applications').set('Cookie', raw).expect(401);
  });

  it('when the password hash is stored, then it is argon2id', async () => {
    const account = await createAccount({ role: 'viewer' });
    const row = await db()('users').where({ id: account.userId }).first('password_hash');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('when behind TLS (a proxy on this host says https), then the cookie is Secure', async () => {
    const account = await createAccount({ role: 'viewer' });
    const res = await from('10.0.0.2').post('/api/v1/sessions').set('X-Forwarded-Proto', 'https')
      .send({ email: account.email, password: account.password }).expect(201);
    expect(cookieOf(res)).toMatch(/Secure/);
  });

  it('when someone logs in again, then the cookie value changes and the earlier session is ended', async () => {
    const account = await createAccount({ role: 'viewer' });
    const browser = from('10.0.0.3');
    const first = await browser.post('/api/v1/sessions').send({ email: account.email, password: account.password }).expect(201);
    const second = await browser.post('/api/v1/sessions').send({ email: account.email, password: account.password }).expect(201);
    const firstCookie = cookieOf(first).split(';')[0]!;
    expect(cookieOf(second).split(';')[0]).not.toBe(firstCookie);
    await api().get('/api/v1/sessions/current').set('Cookie', firstCookie).expect(401);
    await browser.get('/api/v1/sessions/current').expect(200);
  });

  it('when the user is unknown or the password wrong, then the very same 401', async () => {
    const account = await createAccount({ role: 'viewer' });
    const client = from('10.0.0.4');
    const unknown = await client.post('/api/v1/sessions').send({ email: 'nobody@test.local', password: 'whatever' }).expect(401);
    const wrong = await client.post('/api/v1/sessions').send({ email: account.email, password: 'whatever' }).expect(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(unknown.body.title).toBe(wrong.body.title);
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('when a disabled account logs in with the right password, then the same 401', async () => {
    const account = await createAccount({ role: 'viewer' });
    await db()('users').where({ id: account.userId }).update({ active: false });
    await from('10.0.0.5').post('/api/v1/sessions').send({ email: account.email, password: account.password }).expect(401);
  });

  it('when a session has been idle too long or passed its absolute end, then it no longer counts', async () => {
    const idle = await signIn({ role: 'viewer' });
    const old = await signIn({ role: 'viewer' });
    await db()('sessions').where({ user_id: idle.userId }).update({ last_seen_at: db().raw("now() - interval '31 minutes'") });
    await db()('sessions').where({ user_id: old.userId }).update({ expires_at: db().raw("now() - interval '1 second'") });
    await idle.agent.get('/api/v1/sessions/current').expect(401);
    await old.agent.get('/api/v1/sessions/current').expect(401);
  });

  it('when a session is used, then it stays alive past the idle limit counted from log-in', async () => {
    const active = await signIn({ role: 'viewer' });
    await db()('sessions').where({ user_id: active.userId }).update({ last_seen_at: db().raw("now() - interval '29 minutes'") });
    await active.agent.get('/api/v1/sessions/current').expect(200);
    const row = await db()('sessions').where({ user_id: active.userId }).first(db().raw("last_seen_at > now() - interval '1 minute' as fresh"));
    expect(row.fresh).toBe(true);
  });

  it('when a cookie-authenticated write comes without the CSRF token or with a wrong one, then 403 and nothing is written', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    await editor.agent.post('/api/v1/municipalities/GM0546/applications').set('X-CSRF-Token', '').send({ name: 'Zonder token' }).expect(403);
    await editor.agent.post('/api/v1/municipalities/GM0546/applications').set('X-CSRF-Token', 'x'.repeat(43)).send({ name: 'Fout token' }).expect(403);
    const list = await editor.agent.get('/api/v1/municipalities/GM0546/applications').expect(200);
    expect(list.body.total).toBe(0);
    await editor.agent.post('/api/v1/municipalities/GM0546/applications').send({ name: 'Met token' }).expect(201);
  });

  it('when the log-in body is bad, then 400 names each field; when it is not JSON, then 415', async () => {
    const res = await from('10.0.0.6').post('/api/v1/sessions').send({ email: 'not-an-address', extra: 1 }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'extra', 'password']);
    await from('10.0.0.6').post('/api/v1/sessions').type('form').send('email=a@b.nl&password=x').expect(415);
  });

  it('when there is no session, then who-am-I and log-out answer 401', async () => {
    await api().get('/api/v1/sessions/current').expect(401);
    await api().delete('/api/v1/sessions/current').expect(401);
  });
});

describe('log-in rate limiting', () => {
  it('when one account is guessed at too often, then 429 with Retry-After, even for the right password, and other accounts still log in', async () => {
    const account = await createAccount({ role: 'viewer' });
    const other = await createAccount({ role: 'viewer' });
    const client = from('10.0.1.1');
    for (let i = 0; i < 5; i++) await client.post('/api/v1/sessions').send({ email: account.email, password: `guess ${i}` }).expect(401);
    const blocked = await client.post('/api/v1/sessions').send({ email: account.email, password: account.password }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['content-type']).toMatch(/problem\+json/);
    await from('10.0.1.2').post('/api/v1/sessions').send({ email: account.email, password: account.password }).expect(429);
    await client.post('/api/v1/sessions').send({ email: other.email, password: other.password }).expect(201);
  });

  it('when a burst of parallel guesses arrives, then no more than the limit get their password checked', async () => {
    const account = await createAccount({ role: 'viewer' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => from(`10.0.2.${i}`).post('/api/v1/sessions').send({ email: account.email, password: `guess ${i}` })),
    );
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(15);
  });

  it('when one address sprays many accounts, then it is stopped at the address limit', async () => {
    const client = from('10.0.3.1');
    for (let i = 0; i < 50; i++) await client.post('/api/v1/sessions').send({ email: `spray${i}@test.local`, password: 'Welkom01' }).expect(401);
    await client.post('/api/v1/sessions').send({ email: 'spray-last@test.local', password: 'Welkom01' }).expect(429);
    await from('10.0.3.2').post('/api/v1/sessions').send({ email: 'spray-last@test.local', password: 'Welkom01' }).expect(401);
  });

  it('when a user logs in correctly, then earlier failures of that account are forgotten', async () => {
    const account = await createAccount({ role: 'viewer' });
    const client = from('10.0.4.1');
    for (let i = 0; i < 4; i++) await client.post('/api/v1/sessions').send({ email: account.email, password: 'wrong' }).expect(401);
    await client.post('/api/v1/sessions').send({ email: account.email, password: account.password }).expect(201);
    for (let i = 0; i < 5; i++) await client.post('/api/v1/sessions').send({ email: account.email, password: 'wrong' }).expect(401);
  });
});

describe('refused log-ins on the record', () => {
  it('when a log-in is refused, then the audit trail says from which address, for which address typed and why', async () => {
    const account = await createAccount({ role: 'viewer' });
    const client = from('10.0.5.1');
    await client.post('/api/v1/sessions').send({ email: account.email, password: 'wrong' }).expect(401);
    await client.post('/api/v1/sessions').send({ email: 'niemand@test.local', password: 'wrong' }).expect(401);
    const rows = await db()('audit_events').where({ action: 'session.refused' }).whereRaw(`after->>'address' = '10.0.5.1'`).orderBy('id');
    expect(rows.map((r: { entity_id: string | null; actor_name: string; after: unknown }) => [r.entity_id, r.actor_name, r.after])).toEqual([
      [account.userId, 'anonymous (10.0.5.1)', { email: account.email, address: '10.0.5.1', reason: 'wrong password' }],
      [null, 'anonymous (10.0.5.1)', { email: 'niemand@test.local', address: '10.0.5.1', reason: 'unknown account' }],
    ]);
  });

  it('when an account is locked out, then that is recorded once, when it starts, not at every attempt it turns away', async () => {
    const account = await createAccount({ role: 'viewer' });
    const client = from('10.0.5.2');
    for (let i = 0; i < 5; i++) await client.post('/api/v1/sessions').send({ email: account.email, password: `guess ${i}` }).expect(401);
    for (let i = 0; i < 3; i++) await client.post('/api/v1/sessions').send({ email: account.email, password: account.password }).expect(429);
    const rows = await db()('audit_events').where({ entity_id: account.userId }).orderBy('id');
    expect(rows.map((r: { action: string }) => r.action)).toEqual([...Array(5).fill('session.refused'), 'session.locked-out']);
    expect(rows.at(-1).after).toEqual({ email: account.email, address: '10.0.5.2', reason: 'too many failed log-ins for this account' });
  });

  it('when a client behind IPv6 changes the last bits of its address, then it still counts as one client', async () => {
    for (let i = 0; i < 50; i++)
      await from(`2001:db8:1:2::${(i + 1).toString(16)}`).post('/api/v1/sessions').send({ email: `v6-${i}@test.local`, password: 'Welkom01' }).expect(401);
    await from('2001:db8:1:2:ffff::1').post('/api/v1/sessions').send({ email: 'v6-last@test.local', password: 'Welkom01' }).expect(429);
    await from('2001:db8:1:3::1').post('/api/v1/sessions').send({ email: 'v6-last@test.local', password: 'Welkom01' }).expect(401);
  });
});
