import supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { createHttpServer } from '../../http/http-server.ts';
import { useTestApp } from '../../../test/harness.ts';

const { api, db, signIn } = useTestApp();
let editor: supertest.Agent;
let board: supertest.Agent;
let admin: supertest.Agent;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: ['GM0153'] })).agent;
  board = (await signIn({ role: 'board' })).agent;
  admin = (await signIn({ role: 'admin' })).agent;
});

const national = async (agent = api()) => (await agent.get('/api/v1/progress/national').expect(200)).body;

describe('dashboard answers kept between writes', () => {
  it('when nothing changed, then a repeated read has the same ETag, a conditional read is 304, and gzip is offered', async () => {
    const first = await api().get('/api/v1/progress/national').expect(200);
    const again = await api().get('/api/v1/progress/national').expect(200);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe('no-cache');
    await api().get('/api/v1/progress/national').set('If-None-Match', first.headers.etag!).expect(304);

    // The test client unpacks what it receives; that it arrived packed is in the header.
    const zipped = await api().get('/api/v1/progress/national').set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.body).toEqual(first.body);
  });

  it('when an application is created, then the next read shows it, also through another server on the same database', async () => {
    const other = supertest.agent(createHttpServer(createApp({ db: db() })));
    const before = await national(other);
    const etag = (await other.get('/api/v1/progress/national').expect(200)).headers.etag!;
    await editor.post('/api/v1/municipalities/GM0153/applications').send({ name: 'Zaaksysteem', status: 'compliant', inUseSince: '2020-01-01' }).expect(201);

    const after = await national(other);
    expect(after.summary.landscapeCount).toBe(before.summary.landscapeCount + 1);
    expect(after.summary.compliantCount).toBe(before.summary.compliantCount + 1);
    await other.get('/api/v1/progress/national').set('If-None-Match', etag).expect(200);
  });

  it('when the programme settings change, then the next read has the new target', async () => {
    await editor.post('/api/v1/municipalities/GM0153/applications').send({ name: 'Burgerzaken', status: 'legacy', inUseSince: '2020-01-01' }).expect(201);
    await admin.put('/api/v1/settings').send({ programmeStart: '2026-01-01', annualRate: 0.1 }).expect(200);
    const slow = (await national()).summary.target;
    await admin.put('/api/v1/settings').send({ programmeStart: '2026-01-01', annualRate: 0.2 }).expect(200);
    expect((await national()).summary.target).toBeGreaterThan(slow);
    await admin.put('/api/v1/settings').send({ programmeStart: '2021-01-01', annualRate: 0.1 }).expect(200);
    expect((await national()).summary.target).toBeGreaterThan(slow);
  });

  it('when a saved peer group is deleted, then comparing with it is refused at once', async () => {
    const group = (await board.post('/api/v1/peer-groups').send({ name: 'Noorden', municipalityCodes: ['GM0153', 'GM0014'] }).expect(201)).body;
    await board.get(`/api/v1/municipalities/GM0153/peers?group=${group.id}`).expect(200);
    await board.delete(`/api/v1/peer-groups/${group.id}`).expect(204);
    const refused = await board.get(`/api/v1/municipalities/GM0153/peers?group=${group.id}`).expect(400);
    expect(refused.body.errors).toEqual([{ path: 'group', code: 'peers.noSavedGroup', message: `Er is geen bewaarde vergelijkingsgroep met id ${group.id}.` }]);
  });

  it('when a caller may not read peers, then a kept answer is not given to it either', async () => {
    await board.get('/api/v1/municipalities/GM0153/peers?group=all').expect(200);
    await api().get('/api/v1/municipalities/GM0153/peers?group=all').expect(401);
  });
});
