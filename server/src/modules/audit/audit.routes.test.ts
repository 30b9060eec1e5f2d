import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const { db, signIn } = useTestApp();

describe('audit trail', () => {
  it('when 20 PATCHes race with one ETag, then exactly one 200, nineteen 412 and one audit entry', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    const created = await editor.agent.post('/api/v1/municipalities/GM0546/applications').send({ name: 'Wedloop' }).expect(201);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        editor.agent.patch(`/api/v1/applications/${created.body.id}`).set('If-Match', created.headers.etag!).send({ name: `Wedloop ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(19);
    const entries = await db()('audit_events').where({ entity_id: created.body.id, action: 'application.updated' });
    expect(entries).toHaveLength(1);
    const winner = results.find((r) => r.status === 200)!;
    expect(entries[0]).toMatchObject({ actor_id: editor.userId, request_id: winner.headers['x-request-id'], municipality_code: 'GM0546' });
    expect(entries[0].after).toEqual({ name: winner.body.name });
    expect(entries[0].before).toEqual({ name: 'Wedloop' });
  });

  it('when an inventory write fails halfway, then neither the write nor its audit entry remain', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    const before = await db()('audit_events').count('* as n').first();
    await editor.agent.post('/api/v1/municipalities/GM0546/applications')
      .send({ name: 'Kapot', referenceComponentIds: ['c7d6b7d7-3d8c-4e0a-8cbe-30c6c1b5a0a4'] }).expect(400);
    expect(await db()('audit_events').count('* as n').first()).toEqual(before);
  });

  it('when anyone tries to change or remove an audit entry in the database, then the database refuses', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    await editor.agent.post('/api/v1/municipalities/GM0546/applications').send({ name: 'Bewijs' }).expect(201);
    await expect(db()('audit_events').update({ actor_name: 'iemand anders' })).rejects.toThrow(/append-only/);
    await expect(db()('audit_events').delete()).rejects.toThrow(/append-only/);
    await expect(db().raw('truncate audit_events')).rejects.toThrow(/append-only/);
  });

  it("when a municipality's trail is read, then it holds that municipality's writes only, with who, what, before and after", async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0547', 'GM0579'] });
    const viewer = await signIn({ role: 'viewer' });
    const a = await editor.agent.post('/api/v1/municipalities/GM0547/applications').send({ name: 'Hier' }).expect(201);
    await editor.agent.post('/api/v1/municipalities/GM0579/applications').send({ name: 'Daar' }).expect(201);
    await editor.agent.delete(`/api/v1/applications/${a.body.id}`).set('If-Match', a.headers.etag!).expect(204);

    const trail = await viewer.agent.get('/api/v1/municipalities/GM0547/audit-events').expect(200);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['application.deleted', 'application.created']);
    expect(trail.body.items[0]).toMatchObject({ actor: { id: editor.userId, name: editor.email }, entityId: a.body.id, after: null, before: { name: 'Hier' } });
    await viewer.agent.get('/api/v1/municipalities/GM9999/audit-events').expect(404);
    await viewer.agent.get('/api/v1/municipalities/GM0547/audit-events?pageSize=0').expect(400);
  });

  it('when an admin reads the full trail, then log-ins, accounts and inventory are all there, filterable', async () => {
    const admin = await signIn({ role: 'admin' });
    const all = await admin.agent.get('/api/v1/audit-events?pageSize=500').expect(200);
    const actions = new Set(all.body.items.map((e: { action: string }) => e.action));
    for (const action of ['session.created', 'application.created', 'application.updated', 'application.deleted']) expect(actions).toContain(action);
    const sessions = await admin.agent.get(`/api/v1/audit-events?actorId=${admin.userId}`).expect(200);
    expect(sessions.body.items.every((e: { actor: { id: string } }) => e.actor.id === admin.userId)).toBe(true);
    const bad = await admin.agent.get('/api/v1/audit-events?since=yesterday&colour=red').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'since']);
  });

  it('when an admin filters by user, municipality, category, date and tab, then only matching entries come, each naming its subject', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0361'] });
    const admin = await signIn({ role: 'admin' });
    const app = await editor.agent.post('/api/v1/municipalities/GM0361/applications').send({ name: 'Logboekpakket' }).expect(201);
    await editor.agent.patch(`/api/v1/applications/${app.body.id}`).set('If-Match', app.headers.etag!).send({ status: 'compliant' }).expect(200);
    const get = async (query: string) => (await admin.agent.get(`/api/v1/audit-events?${query}`).expect(200)).body.items as Record<string, unknown>[];

    const changes = await get(`actorId=${editor.userId}&municipalityCode=GM0361&entityType=application&kind=changes`);
    expect(changes.map((e) => [e.action, e.subject])).toEqual([
      ['application.updated', 'Logboekpakket'],
      ['application.created', 'Logboekpakket'],
    ]);
    const logins = await get(`actorId=${editor.userId}&kind=sessions`);
    expect(logins.map((e) => [e.action, e.subject])).toEqual([['session.created', 'Test editor']]);

    const now = Date.now();
    const hour = 3_600_000;
    expect(await get(`actorId=${editor.userId}&since=${new Date(now - hour).toISOString()}&until=${new Date(now + hour).toISOString()}`)).toHaveLength(3);
    expect(await get(`actorId=${editor.userId}&until=${new Date(now - hour).toISOString()}`)).toHaveLength(0);
    await admin.agent.get('/api/v1/audit-events?kind=all').expect(400);
  });
});
