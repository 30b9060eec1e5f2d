import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const harness = useTestApp();
const { api, signIn } = harness;
let admin: supertest.Agent;
beforeAll(async () => {
  admin = (await signIn({ role: 'admin' })).agent;
});

type Body = Record<string, unknown>;

async function editorOf(...codes: string[]) {
  return signIn({ role: 'editor', municipalityCodes: codes });
}

async function create(editor: supertest.Agent, code: string, body: Body) {
  const res = await editor.post(`/api/v1/municipalities/${code}/applications`).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

function merge(body: Body, agent = admin) {
  return agent.post('/api/v1/municipality-mergers').send(body);
}

async function national() {
  const [count, cost] = await Promise.all(
    ['count', 'cost'].map(async (measure) => (await api().get(`/api/v1/progress/national?measure=${measure}`).expect(200)).body),
  );
  return { count: count.series, cost: cost.series, byLayer: count.byLayer };
}

const progress = async (code: string) => (await api().get(`/api/v1/municipalities/${code}/progress`).expect(200)).body;

describe('registering a merger', () => {
  it('when two municipalities with applications merge into a new one, then the applications move with their history, the old ones say where they went, and the national figures stay the same at every date', async () => {
    const { agent: editor, userId } = await editorOf('GM0060', 'GM0096');
    const a = await create(editor, 'GM0060', { name: 'Zaaksysteem Ameland', status: 'legacy', layer: 'process', inUseSince: '2018-03-01', annualCost: 1000 });
    await create(editor, 'GM0060', { name: 'Portaal Ameland', status: 'compliant', inUseSince: '2020-05-01' });
    await create(editor, 'GM0096', { name: 'Zaaksysteem Vlieland', status: 'in_transition', inUseSince: '2019-07-15', annualCost: 500 });
    const etag = (await editor.get(`/api/v1/applications/${a.id}`).expect(200)).headers.etag!;
    await editor.patch(`/api/v1/applications/${a.id}`).set('If-Match', etag).send({ status: 'compliant', effectiveDate: '2024-02-10' }).expect(200);

    const nationalBefore = await national();
    const amelandBefore = await progress('GM0060');

    const res = await merge({ date: '2025-01-01', from: ['GM0060', 'GM0096'], into: { code: 'GM9101', name: 'Wadden-Oost', province: 'Fryslân' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      date: '2025-01-01',
      from: ['GM0060', 'GM0096'],
      into: { code: 'GM9101', name: 'Wadden-Oost', province: 'Fryslân' },
      movedApplications: 3,
      undoneAt: null,
      undoable: true,
    });
    expect(res.headers.location).toBe(`/api/v1/municipality-mergers/${res.body.id}`);

    expect(await national()).toEqual(nationalBefore);
    const moved = (await editor.get('/api/v1/municipalities/GM9101/applications').expect(200)).body;
    expect(moved.total).toBe(3);
    expect((await editor.get('/api/v1/municipalities/GM0060/applications').expect(200)).body.total).toBe(0);
    const history = (await editor.get(`/api/v1/applications/${a.id}/history`).expect(200)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['moved', 'updated', 'created']);
    expect(history[0]).toMatchObject({ effectiveDate: '2025-01-01', before: { municipalityCode: 'GM0060' }, after: { municipalityCode: 'GM9101' } });

    const ameland = (await api().get('/api/v1/municipalities/GM0060').expect(200)).body;
    expect(ameland).toMatchObject({ validTo: '2025-01-01', mergedInto: { code: 'GM9101', name: 'Wadden-Oost' } });
    const formed = (await api().get('/api/v1/municipalities/GM9101').expect(200)).body;
    expect(formed).toMatchObject({ validFrom: '2025-01-01', population: 3800 + 1217, sizeClass: 2, predecessors: ['GM0060', 'GM0096'] });

    // The old municipality's figures up to its last day are as they were.
    const amelandAfter = await progress('GM0060');
    expect(amelandAfter.summary.date).toBe('2024-12-31');
    expect(amelandAfter.series).toEqual(amelandBefore.series.filter((p: { date: string }) => p.date < '2025-01-01'));

    // Editors follow the merger.
    const me = (await editor.get('/api/v1/sessions/current').expect(200)).body;
    expect(me.user.municipalityCodes).toEqual(['GM9101']);
    expect(userId).toBeTruthy();
  });
});
