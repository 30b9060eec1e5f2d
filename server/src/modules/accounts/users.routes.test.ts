import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const { api, signIn } = useTestApp();

describe('user administration', () => {
  it('when an admin creates an editor for several municipalities, then that editor logs in and writes for each of them', async () => {
    const admin = await signIn({ role: 'admin' });
    const created = await admin.agent.post('/api/v1/users')
      .send({ email: 'CIO@Servicepunt.test', name: 'CIO gedeelde dienst', role: 'editor', municipalityCodes: ['GM0547', 'GM0546'], password: 'lang genoeg wachtwoord' })
      .expect(201);
    expect(created.body).toMatchObject({ email: 'cio@servicepunt.test', role: 'editor', municipalityCodes: ['GM0546', 'GM0547'], hasPassword: true });
    expect(created.headers.etag).toBeTruthy();

    const login = await api().post('/api/v1/sessions').set('X-Forwarded-For', '10.8.0.1').send({ email: 'cio@servicepunt.test', password: 'lang genoeg wachtwoord' }).expect(201);
    expect(login.body.user.municipalityCodes).toEqual(['GM0546', 'GM0547']);
  });

  it('when an admin changes role and bindings with If-Match, then it holds; a stale ETag gets 412 and no If-Match 428', async () => {
    const admin = await signIn({ role: 'admin' });
    const target = await signIn({ role: 'viewer' });
    const read = await admin.agent.get(`/api/v1/users/${target.userId}`).expect(200);
    await admin.agent.patch(`/api/v1/users/${target.userId}`).send({ role: 'editor', municipalityCodes: ['GM0363'] }).expect(428);
    const changed = await admin.agent.patch(`/api/v1/users/${target.userId}`).set('If-Match', read.headers.etag!)
      .send({ role: 'editor', municipalityCodes: ['GM0363'] }).expect(200);
    expect(changed.body).toMatchObject({ role: 'editor', municipalityCodes: ['GM0363'] });
    await admin.agent.patch(`/api/v1/users/${target.userId}`).set('If-Match', read.headers.etag!).send({ name: 'x' }).expect(412);
    // The change takes effect in the user's existing session.
    await target.agent.post('/api/v1/municipalities/GM0363/applications').send({ name: 'Nu wel' }).expect(201);
  });

  it('when an admin disables an account, then its sessions end', async () => {
    const admin = await signIn({ role: 'admin' });
    const target = await signIn({ role: 'viewer' });
    const read = await admin.agent.get(`/api/v1/users/${target.userId}`).expect(200);
    await admin.agent.patch(`/api/v1/users/${target.userId}`).set('If-Match', read.headers.etag!).send({ active: false }).expect(200);
    await target.agent.get('/api/v1/sessions/current').expect(401);
  });

  it('when the input is bad, then 400 names every field; a duplicate address is 409', async () => {
    const admin = await signIn({ role: 'admin' });
    const bad = await admin.agent.post('/api/v1/users').send({ email: 'x', name: '', role: 'god', password: 'short', colour: 1 }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'email', 'name', 'password', 'role']);
    const binding = await admin.agent.post('/api/v1/users').send({ email: 'b@test.local', name: 'B', role: 'viewer', municipalityCodes: ['GM0546'] }).expect(400);
    expect(binding.body.errors.map((e: { path: string }) => e.path)).toEqual(['municipalityCodes']);
    const noBinding = await admin.agent.post('/api/v1/users').send({ email: 'c@test.local', name: 'C', role: 'editor' }).expect(400);
    expect(noBinding.body.errors.map((e: { path: string }) => e.path)).toEqual(['municipalityCodes']);
    const unknown = await admin.agent.post('/api/v1/users').send({ email: 'd@test.local', name: 'D', role: 'editor', municipalityCodes: ['GM9999'] }).expect(400);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['municipalityCodes.0']);
    await admin.agent.post('/api/v1/users').send({ email: 'dup@test.local', name: 'E', role: 'viewer' }).expect(201);
    const dutch = await admin.agent.post('/api/v1/users').send({ email: 'DUP@test.local', name: 'F', role: 'viewer' }).expect(409);
    expect(dutch.body).toMatchObject({ code: 'users.emailTaken', detail: 'Er bestaat al een account voor dup@test.local.' });
    const english = await admin.agent.post('/api/v1/users').set('Accept-Language', 'en').send({ email: 'DUP@test.local', name: 'F', role: 'viewer' }).expect(409);
    expect(english.body.detail).toBe('An account for dup@test.local exists already.');
    await admin.agent.get('/api/v1/users/not-a-uuid').expect(400);
    await admin.agent.get('/api/v1/users/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('when the last active admin would be demoted or deleted, then 409', async () => {
    const admin = await signIn({ role: 'admin' });
    const admins = await admin.agent.get('/api/v1/users?role=admin').expect(200);
    // Earlier tests made other admins; demote them first so that this one is the last.
    for (const other of admins.body.items.filter((u: { id: string }) => u.id !== admin.userId)) {
      const read = await admin.agent.get(`/api/v1/users/${other.id}`);
      await admin.agent.patch(`/api/v1/users/${other.id}`).set('If-Match', read.headers.etag!).send({ role: 'viewer' }).expect(200);
    }
    const self = await admin.agent.get(`/api/v1/users/${admin.userId}`);
    await admin.agent.patch(`/api/v1/users/${admin.userId}`).set('If-Match', self.headers.etag!).send({ role: 'board' }).expect(409);
    await admin.agent.delete(`/api/v1/users/${admin.userId}`).set('If-Match', self.headers.etag!).expect(409);
  });

  it('when an admin deletes an account, then it is gone and the audit trail says who did what', async () => {
    const admin = await signIn({ role: 'admin' });
    const target = await signIn({ role: 'board' });
    const read = await admin.agent.get(`/api/v1/users/${target.userId}`);
    await admin.agent.delete(`/api/v1/users/${target.userId}`).set('If-Match', read.headers.etag!).expect(204);
    await admin.agent.get(`/api/v1/users/${target.userId}`).expect(404);
    const trail = await admin.agent.get('/api/v1/audit-events?entityType=user').expect(200);
    const entry = trail.body.items.find((e: { action: string; entityId: string }) => e.action === 'user.deleted' && e.entityId === target.userId);
    expect(entry).toMatchObject({ actor: { id: admin.userId, name: admin.email }, before: { email: target.email, role: 'board' }, after: null });
    expect(entry.requestId).toBeTruthy();
  });
});
