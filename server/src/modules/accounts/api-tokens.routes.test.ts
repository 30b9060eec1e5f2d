import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const { api, db, signIn } = useTestApp();

const bearer = (token: string) => `Bearer ${token}`;
const DAY = 86_400_000;

describe('personal API tokens', () => {
  it('when an editor creates a token, then it is shown once, stored hashed, works as Bearer without CSRF and records its last use', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    const created = await editor.agent.post('/api/v1/users/current/tokens').send({ name: 'Nachtelijke export', scopes: ['read', 'write'] }).expect(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^tmcg_/);
    expect(created.body).toMatchObject({ lastUsedAt: null, scopes: ['read', 'write'] });

    const stored = await db()('api_tokens').where({ id: created.body.id }).first();
    expect(JSON.stringify(stored)).not.toContain(token);

    const listed = await editor.agent.get('/api/v1/users/current/tokens').expect(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].token).toBeUndefined();
    expect(token.startsWith(listed.body.items[0].prefix)).toBe(true);

    // A script: no cookie, no CSRF token.
    await api().post('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(token)).send({ name: 'Via script' }).expect(201);
    await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(token)).expect(200);
    // Its owner's rights, no more.
    await api().post('/api/v1/municipalities/GM0363/applications').set('Authorization', bearer(token)).send({ name: 'Elders' }).expect(403);
    const after = await editor.agent.get('/api/v1/users/current/tokens').expect(200);
    expect(after.body.items[0].lastUsedAt).not.toBeNull();
  });

  it('when a token is revoked, then it stops working at once and another user cannot revoke it', async () => {
    const owner = await signIn({ role: 'viewer' });
    const other = await signIn({ role: 'viewer' });
    const created = await owner.agent.post('/api/v1/users/current/tokens').send({ name: 'Tijdelijk' }).expect(201);
    await other.agent.delete(`/api/v1/users/current/tokens/${created.body.id}`).expect(404);
    await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(created.body.token)).expect(200);
    await owner.agent.delete(`/api/v1/users/current/tokens/${created.body.id}`).expect(204);
    const res = await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(created.body.token)).expect(401);
    expect(res.headers['www-authenticate']).toMatch(/invalid_token/);
    expect((await owner.agent.get('/api/v1/users/current/tokens')).body.items).toHaveLength(0);
  });

  it('when a token has expired or is made up, then 401 and not an anonymous answer', async () => {
    const owner = await signIn({ role: 'viewer' });
    const created = await owner.agent.post('/api/v1/users/current/tokens').send({ name: 'Kort', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }).expect(201);
    await db()('api_tokens').where({ id: created.body.id }).update({ expires_at: db().raw("now() - interval '1 second'") });
    await api().get('/api/v1/health').set('Authorization', bearer(created.body.token)).expect(401);
    await api().get('/api/v1/health').set('Authorization', 'Bearer tmcg_madeupmadeupmadeupmadeup').expect(401);
    await api().get('/api/v1/health').set('Authorization', 'Basic YTpi').expect(401);
  });

  it('when the token request is bad, then 400 names the fields; anonymous callers get 401', async () => {
    const owner = await signIn({ role: 'board' });
    const res = await owner.agent.post('/api/v1/users/current/tokens').send({ name: '', expiresAt: '2001-01-01T00:00:00Z', scope: 'all', scopes: ['everything'] }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['expiresAt', 'name', 'scope', 'scopes.0']);
    const none = await owner.agent.post('/api/v1/users/current/tokens').send({ name: 'Niets', scopes: [] }).expect(400);
    expect(none.body.errors).toEqual([{ path: 'scopes', code: 'validation.chooseScope', message: 'Kies ten minste één: lezen, schrijven of beheer.' }]);
    await owner.agent.delete('/api/v1/users/current/tokens/not-a-uuid').expect(400);
    await api().post('/api/v1/users/current/tokens').send({ name: 'x' }).expect(401);
  });

  it('when a token is created, then the audit trail records it without the token itself', async () => {
    const owner = await signIn({ role: 'viewer' });
    const created = await owner.agent.post('/api/v1/users/current/tokens').send({ name: 'Geaudit' }).expect(201);
    const rows = await db()('audit_events').where({ entity_id: created.body.id });
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['api-token.created']);
    expect(rows[0].after).toMatchObject({ name: 'Geaudit', scopes: ['read'] });
    expect(JSON.stringify(rows)).not.toContain(created.body.token);
  });
});

describe('tokens do not make tokens', () => {
  it('when a token asks for a new token, then 403 and none is made, whatever its scopes', async () => {
    const admin = await signIn({ role: 'admin' });
    const parent = (await admin.agent.post('/api/v1/users/current/tokens').send({ name: 'Ouder', scopes: ['read', 'write', 'admin'] }).expect(201)).body;
    const res = await api().post('/api/v1/users/current/tokens').set('Authorization', bearer(parent.token)).send({ name: 'Kind' }).expect(403);
    expect(res.body.detail).toMatch(/browsersessie/);
    expect((await admin.agent.get('/api/v1/users/current/tokens').expect(200)).body.items.map((t: { name: string }) => t.name)).toEqual(['Ouder']);
  });

  it('when the parent token is revoked, then nothing it was used for goes on working: no child exists, and it is refused itself', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    const parent = (await editor.agent.post('/api/v1/users/current/tokens').send({ name: 'Ouder', scopes: ['read', 'write'] }).expect(201)).body;
    // What an attacker holding the parent would try before it is revoked: a successor without an end.
    const attempt = await api().post('/api/v1/users/current/tokens').set('Authorization', bearer(parent.token)).send({ name: 'Opvolger', scopes: ['read', 'write'] });
    expect(attempt.status).toBe(403);
    expect(attempt.body.token).toBeUndefined();
    await editor.agent.delete(`/api/v1/users/current/tokens/${parent.id}`).expect(204);
    await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(parent.token)).expect(401);
    await api().post('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(parent.token)).send({ name: 'Na intrekking' }).expect(401);
    const live = await db()('api_tokens').where({ user_id: editor.userId }).whereNull('revoked_at');
    expect(live).toEqual([]);
  });
});

describe('token scopes', () => {
  it('when a token may only read, then a write is 403 insufficient_scope; with write it goes through', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    const reader = (await editor.agent.post('/api/v1/users/current/tokens').send({ name: 'Lezer' }).expect(201)).body;
    expect(reader.scopes).toEqual(['read']);
    const writer = (await editor.agent.post('/api/v1/users/current/tokens').send({ name: 'Schrijver', scopes: ['write'] }).expect(201)).body;
    await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(reader.token)).expect(200);
    const refused = await api().post('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(reader.token)).send({ name: 'Nee' }).expect(403);
    expect(refused.headers['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="write"');
    await api().post('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(writer.token)).send({ name: 'Ja' }).expect(201);
    // Write alone does not read.
    await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(writer.token)).expect(403);
  });

  it("when an admin's token lacks the admin scope, then it acts as a viewer; with it, as an admin", async () => {
    const admin = await signIn({ role: 'admin' });
    const plain = (await admin.agent.post('/api/v1/users/current/tokens').send({ name: 'Gewoon', scopes: ['read', 'write'] }).expect(201)).body;
    const full = (await admin.agent.post('/api/v1/users/current/tokens').send({ name: 'Beheer', scopes: ['admin', 'read'] }).expect(201)).body;
    expect(full.scopes).toEqual(['read', 'admin']);
    await api().get('/api/v1/users').set('Authorization', bearer(plain.token)).expect(403);
    await api().put('/api/v1/settings').set('Authorization', bearer(plain.token)).send({ programmeStart: '2021-01-01', annualRate: 0.1 }).expect(403);
    await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(plain.token)).expect(200);
    await api().get('/api/v1/users').set('Authorization', bearer(full.token)).expect(200);
    await api().get('/api/v1/audit-events').set('Authorization', bearer(full.token)).expect(200);
  });

  it('when someone other than an admin asks for the admin scope, then 403', async () => {
    const board = await signIn({ role: 'board' });
    const res = await board.agent.post('/api/v1/users/current/tokens').send({ name: 'Stiekem', scopes: ['read', 'admin'] }).expect(403);
    expect(res.body).toMatchObject({ code: 'accounts.adminScopeAdminOnly', detail: 'Alleen een beheerdersaccount kan een token de bevoegdheid beheer geven.' });
  });
});

describe('token lifetime', () => {
  it('when no end is given, then the token ends after the maximum lifetime; a later end is refused, naming the field', async () => {
    const viewer = await signIn({ role: 'viewer' });
    const before = Date.now();
    const made = (await viewer.agent.post('/api/v1/users/current/tokens').send({ name: 'Standaard' }).expect(201)).body;
    const ends = Date.parse(made.expiresAt);
    expect(ends).toBeGreaterThanOrEqual(before + 365 * DAY - 1000);
    expect(ends).toBeLessThanOrEqual(Date.now() + 365 * DAY);
    const tooLong = await viewer.agent.post('/api/v1/users/current/tokens')
      .send({ name: 'Eeuwig', expiresAt: new Date(Date.now() + 400 * DAY).toISOString() }).expect(400);
    expect(tooLong.body.errors).toEqual([{ path: 'expiresAt', code: 'accounts.atMostDays', message: 'Ten hoogste 365 dagen vanaf nu.' }]);
  });

  it("when an admin changes a user's password or disables the account, then all its tokens stop working", async () => {
    const admin = await signIn({ role: 'admin' });
    for (const change of [{ password: 'een-heel-nieuw-wachtwoord' }, { active: false }]) {
      const user = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
      const tokens = await Promise.all(['Een', 'Twee'].map(async (name) => (await user.agent.post('/api/v1/users/current/tokens').send({ name }).expect(201)).body.token as string));
      for (const token of tokens) await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(token)).expect(200);
      const etag = (await admin.agent.get(`/api/v1/users/${user.userId}`).expect(200)).headers.etag!;
      await admin.agent.patch(`/api/v1/users/${user.userId}`).set('If-Match', etag).send(change).expect(200);
      for (const token of tokens) await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(token)).expect(401);
      const audit = await db()('audit_events').where({ entity_id: user.userId, action: 'user.updated' }).first();
      expect(audit.after).toMatchObject({ tokensRevoked: 2 });
    }
  });
});

describe("admins and every account's tokens", () => {
  it("when an admin lists tokens, then every account's live ones show with their owner, and an admin may revoke any", async () => {
    const admin = await signIn({ role: 'admin' });
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    const board = await signIn({ role: 'board' });
    const own = (await editor.agent.post('/api/v1/users/current/tokens').send({ name: 'Export', scopes: ['read'] }).expect(201)).body;
    await board.agent.post('/api/v1/users/current/tokens').send({ name: 'Dashboard' }).expect(201);
    const gone = (await board.agent.post('/api/v1/users/current/tokens').send({ name: 'Weg' }).expect(201)).body;
    await board.agent.delete(`/api/v1/users/current/tokens/${gone.id}`).expect(204);

    const all = (await admin.agent.get('/api/v1/api-tokens').expect(200)).body;
    const names = all.items.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Export', 'Dashboard']));
    expect(names).not.toContain('Weg');
    expect(all.total).toBe(all.items.length);
    const mine = (await admin.agent.get('/api/v1/api-tokens').query({ userId: editor.userId }).expect(200)).body;
    expect(mine.items).toEqual([expect.objectContaining({ id: own.id, name: 'Export', owner: { id: editor.userId, email: editor.email, name: 'Test editor', role: 'editor' } })]);
    expect(JSON.stringify(all)).not.toContain(own.token);
    const paged = (await admin.agent.get('/api/v1/api-tokens').query({ pageSize: 1, page: 2 }).expect(200)).body;
    expect(paged).toMatchObject({ total: all.total, items: [all.items[1]] });

    await admin.agent.delete(`/api/v1/api-tokens/${own.id}`).expect(204);
    await api().get('/api/v1/municipalities/GM0546/applications').set('Authorization', bearer(own.token)).expect(401);
    await admin.agent.delete(`/api/v1/api-tokens/${own.id}`).expect(404);
    const audit = await db()('audit_events').where({ entity_id: own.id, action: 'api-token.revoked' }).first();
    expect(audit).toMatchObject({ actor_id: admin.userId, before: expect.objectContaining({ ownerId: editor.userId, name: 'Export' }) });

    await editor.agent.get('/api/v1/api-tokens').expect(403);
    await editor.agent.delete(`/api/v1/api-tokens/${gone.id}`).expect(403);
    const bad = await admin.agent.get('/api/v1/api-tokens').query({ userId: 'nobody', colour: 'red' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'userId']);
  });
});
