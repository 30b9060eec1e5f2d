import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '@tm/shared/measure/calendar';
import { todayIso } from '@tm/shared/dates';
import { useTestApp } from '../../../test/harness.ts';

const { api, db, signIn } = useTestApp();
let editor: supertest.Agent;
let editorEmail: string;
let admin: supertest.Agent;
beforeAll(async () => {
  const signedIn = await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0547'] });
  editor = signedIn.agent;
  editorEmail = signedIn.email;
  admin = (await signIn({ role: 'admin' })).agent;
});

const summaryOf = async (code: string, query = '') =>
  (await api().get(`/api/v1/municipalities/${code}/progress${query}`).expect(200)).body.summary;

/** An attestation made long ago, as the demo data and real use leave them. */
async function attestedMonthsAgo(code: string, months: number): Promise<string> {
  const at = new Date(`${addMonths(todayIso(), -months)}T09:00:00Z`);
  await db()('attestations').insert({ municipality_code: code, attested_at: at, actor_name: 'vroeger@test.local' });
  return at.toISOString();
}

describe('attestations', () => {
  it('when an editor attests, then 201 says when and by whom, and the summary is fresh until six months later', async () => {
    const before = Date.now();
    const res = await editor.post('/api/v1/municipalities/GM0546/attestations').send({}).expect(201);
    expect(res.body).toMatchObject({ municipalityCode: 'GM0546', actor: { name: editorEmail } });
    expect(Date.parse(res.body.attestedAt)).toBeGreaterThanOrEqual(before - 1000);

    const summary = await summaryOf('GM0546');
    expect(summary).toMatchObject({ attestedAt: res.body.attestedAt, stale: false, staleOn: addMonths(res.body.attestedAt.slice(0, 10), 6) });
    const list = (await editor.get('/api/v1/municipalities/GM0546/attestations').expect(200)).body;
    expect(list).toMatchObject({ total: 1, items: [{ id: res.body.id, actor: { name: editorEmail } }] });
  });

  it('when a municipality was never attested, then its summary says so and it is stale', async () => {
    expect(await summaryOf('GM0363')).toMatchObject({ attestedAt: null, staleOn: null, stale: true });
  });

  it('when the last attestation is older than staleAfterMonths, then it is stale, and a longer setting makes it fresh', async () => {
    const attestedAt = await attestedMonthsAgo('GM0547', 7);
    expect(await summaryOf('GM0547')).toMatchObject({ attestedAt, stale: true });
    await admin.put('/api/v1/settings').send({ programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 12 }).expect(200);
    try {
      expect(await summaryOf('GM0547')).toMatchObject({ attestedAt, stale: false });
    } finally {
      await admin.put('/api/v1/settings').send({ programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 6 }).expect(200);
    }
  });

  it('when figures are asked as known before an attestation, then they do not count it', async () => {
    const earlier = await attestedMonthsAgo('GM0579', 3);
    const knownAt = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const latest = (await editor.post('/api/v1/municipalities/GM0546/attestations').expect(201)).body.attestedAt;
    await db()('attestations').insert({ municipality_code: 'GM0579', attested_at: new Date(), actor_name: 'nu@test.local' });
    expect(await summaryOf('GM0579', `?knownAt=${encodeURIComponent(knownAt)}`)).toMatchObject({ attestedAt: earlier, stale: false });
    expect((await summaryOf('GM0579')).attestedAt).not.toBe(earlier);
    expect((await summaryOf('GM0546')).attestedAt).toBe(latest);
  });

  it('when the national picture is read, then it counts the fresh municipalities and says per municipality how fresh it is', async () => {
    const national = (await api().get('/api/v1/progress/national').expect(200)).body;
    const rows = national.distribution.municipalities as { code: string; stale: boolean; attestedAt: string | null }[];
    expect(national.summary.freshCount).toBe(rows.filter((m) => !m.stale).length);
    expect(national.summary.freshCount).toBeGreaterThanOrEqual(2);
    expect(rows.find((m) => m.code === 'GM0546')).toMatchObject({ stale: false });
    expect(rows.find((m) => m.code === 'GM0363')).toMatchObject({ stale: true, attestedAt: null });
  });

  it('when someone other than its editor attests, then 401 or 403 and nothing is recorded', async () => {
    const viewer = (await signIn({ role: 'viewer' })).agent;
    const otherEditor = (await signIn({ role: 'editor', municipalityCodes: ['GM0363'] })).agent;
    await api().post('/api/v1/municipalities/GM0014/attestations').send({}).expect(401);
    await viewer.post('/api/v1/municipalities/GM0014/attestations').send({}).expect(403);
    await otherEditor.post('/api/v1/municipalities/GM0014/attestations').send({}).expect(403);
    await admin.post('/api/v1/municipalities/GM0014/attestations').send({}).expect(403);
    expect(await summaryOf('GM0014')).toMatchObject({ attestedAt: null, stale: true });
    await api().get('/api/v1/municipalities/GM0014/attestations').expect(401);
  });

  it('when the input is bad, then 400 names each field, and an unknown municipality is 404', async () => {
    const bad = await editor.post('/api/v1/municipalities/GM0546/attestations').send({ note: 'klaar' }).expect(400);
    expect(bad.body.errors).toEqual([{ path: 'note', code: 'validation.unknownField', message: 'Onbekend veld.' }]);
    const paging = await editor.get('/api/v1/municipalities/GM0546/attestations?page=0&colour=red').expect(400);
    expect(paging.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'page']);
    await editor.get('/api/v1/municipalities/GM9999/attestations').expect(404);
  });
});
