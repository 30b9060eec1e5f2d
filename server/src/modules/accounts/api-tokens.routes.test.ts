import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const { api, db, signIn } = useTestApp();

describe('personal API tokens', () => {
  it('when an editor creates a token, then it is shown once, stored hashed, works as Bearer without CSRF and records its last use', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    const created = await editor.agent.post('/api/v1/users/current/tokens').send({ name: 'Nachtelijke export' }).expect(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^tmcg_/);
    expect(created.body.lastUsedAt).toBeNull();

    const stored = await db()('api_tokens').where({ id: created.body.id }).first();
    expect(JSON.stringify(stored)).not.toContain(token);

    const listed = await editor.agent.get('/api/v1/users/current/tokens').expect(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].token).toBeUndefined();
    expect(token.startsWith(listed.body.items[0].prefix)).toBe(true);

    // A script: no cookie, no CSRF token.
    await api().post('/api/v1/municipalities/GM0546/applications').set('Authorization', `Bearer ${token}`).send({ name: 'Via script' }).expect(201);
    await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', `Bearer ${token}`).expect(200);
    // Its owner's rights, no more.
    await api().post('/api/v1/municipalities/GM0363/applications').set('Authorization', `Bearer ${token}`).send({ name: 'Elders' }).expect(403);
    const after = await editor.agent.get('/api/v1/users/current/tokens').expect(200);
    expect(after.body.items[0].lastUsedAt).not.toBeNull();
  });

  it('when a token is revoked, then it stops working at once and another user cannot revoke it', async () => {
    const owner = await signIn({ role: 'viewer' });
    const other = await signIn({ role: 'viewer' });
    const created = await owner.agent.post('/api/v1/users/current/tokens').send({ name: 'Tijdelijk' }).expect(201);
    await other.agent.delete(`/api/v1/users/current/tokens/${created.body.id}`).expect(404);
    await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', `Bearer ${created.body.token}`).expect(200);
    await owner.agent.delete(`/api/v1/users/current/tokens/${created.body.id}`).expect(204);
    const res = await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', `Bearer ${created.body.token}`).expect(401);
    expect(res.headers['www-authenticate']).toMatch(/invalid_token/);
    expect((await owner.agent.get('/api/v1/users/current/tokens')).body.items).toHaveLength(0);
  });

  it('when a token has expired or is made up, then 401 and not an anonymous answer', async () => {
    const owner = await signIn({ role: 'viewer' });
    const created = await owner.agent.post('/api/v1/users/current/tokens').send({ name: 'Kort', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }).expect(201);
    await db()('api_tokens').where({ id: created.body.id }).update({ expires_at: db().raw("now() - interval '1 second'") });
    await api().get('/api/v1/health').set('Authorization', `Bearer ${created.body.token}`).expect(401);
    await api().get('/api/v1/health').set('Authorization', 'Bearer tmcg_madeupmadeupmadeupmadeup').expect(401);
    await api().get('/api/v1/health').set('Authorization', 'Basic YTpi').expect(401);
  });

  it('when the token request is bad, then 400 names the fields; anonymous callers get 401', async () => {
    const owner = await signIn({ role: 'board' });
    const res = await owner.agent.post('/api/v1/users/current/tokens').send({ name: '', expiresAt: '2001-01-01T00:00:00Z', scope: 'all' }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['expiresAt', 'name', 'scope']);
    await owner.agent.delete('/api/v1/users/current/tokens/not-a-uuid').expect(400);
    await api().post('/api/v1/users/current/tokens').send({ name: 'x' }).expect(401);
  });

  it('when a token is created, then the audit trail records it without the token itself', async () => {
    const owner = await signIn({ role: 'viewer' });
    const created = await owner.agent.post('/api/v1/users/current/tokens').send({ name: 'Geaudit' }).expect(201);
    const rows = await db()('audit_events').where({ entity_id: created.body.id });
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['api-token.created']);
    expect(JSON.stringify(rows)).not.toContain(created.body.token);
  });
});
