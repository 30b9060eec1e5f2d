import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '@tm/shared/dates';
import { useTestApp } from '../../../test/harness.ts';

const { signIn } = useTestApp();
let editor: supertest.Agent;
/** These tests are about the inventory itself, so they act as an editor of every municipality they touch. */
const api = () => editor;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0363', 'GM0014'] })).agent;
});
const ZAAK = 'c7d6b7d7-3d8c-4e0a-8cbe-30c6c1b5a0a4';

async function referenceComponentId(name: string): Promise<string> {
  const res = await api().get('/api/v1/reference-components').expect(200);
  return res.body.items.find((c: { name: string }) => c.name === name).id;
}

function etagOf(res: { headers: Record<string, string | undefined> }): string {
  return res.headers.etag ?? '';
}

async function create(code: string, body: Record<string, unknown>) {
  return api().post(`/api/v1/municipalities/${code}/applications`).send(body);
}

describe('applications', () => {
  it('when a CIO adds an application, then it is listed, readable with an ETag and has a creation in its history', async () => {
    const zaak = await referenceComponentId('Zaakregistratiecomponent');
    const res = await create('GM0546', {
      name: 'Zaaksysteem Sleutelstad',
      vendor: 'Fictief BV',
      referenceComponentIds: [zaak],
      layer: 'process',
      annualCost: 12500.5,
      inUseSince: '2019-03-01',
    });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBeTruthy();
    expect(res.body).toMatchObject({
      municipalityCode: 'GM0546',
      status: 'legacy',
      lifecycle: 'in_production',
      inUseSince: '2019-03-01',
      retiredAt: null,
      referenceComponentIds: [zaak],
      annualCost: 12500.5,
    });

    const one = await api().get(`/api/v1/applications/${res.body.id}`).expect(200);
    expect(one.headers.etag).toBe(res.headers.etag);
    const list = await api().get('/api/v1/municipalities/GM0546/applications?q=sleutel').expect(200);
    expect(list.body.total).toBe(1);
    const history = await api().get(`/api/v1/applications/${res.body.id}/history`).expect(200);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ action: 'created', effectiveDate: '2019-03-01', before: null });
  });

  it('when a status change is back-dated, then the history keeps both dates and the state follows the timeline', async () => {
    const created = await create('GM0546', { name: 'Burgerzaken Oud', inUseSince: '2018-01-01' });
    const patched = await api()
      .patch(`/api/v1/applications/${created.body.id}`)
      .set('If-Match', etagOf(created))
      .send({ status: 'compliant', effectiveDate: '2023-06-15' })
      .expect(200);
    expect(patched.body.status).toBe('compliant');
    expect(patched.headers.etag).not.toBe(created.headers.etag);

    // An older change recorded later does not undo the newer one.
    await api()
      .patch(`/api/v1/applications/${created.body.id}`)
      .set('If-Match', etagOf(patched))
      .send({ status: 'in_transition', effectiveDate: '2022-01-01' })
      .expect(200)
      .expect((r) => expect(r.body.status).toBe('compliant'));

    const history = await api().get(`/api/v1/applications/${created.body.id}/history`).expect(200);
    expect(history.body.items.map((h: { effectiveDate: string }) => h.effectiveDate)).toEqual(['2022-01-01', '2023-06-15', '2018-01-01']);
    expect(history.body.items[1]).toMatchObject({ before: { status: 'legacy' }, after: { status: 'compliant' } });
  });

  it('when an application is retired, then it shows its retirement date and successor', async () => {
    const successor = await create('GM0546', { name: 'Nieuw', status: 'compliant' });
    const old = await create('GM0546', { name: 'Oud', inUseSince: '2015-05-05' });
    const retired = await api()
      .patch(`/api/v1/applications/${old.body.id}`)
      .set('If-Match', etagOf(old))
      .send({ lifecycle: 'phased_out', effectiveDate: '2024-12-31', replacedBy: successor.body.id })
      .expect(200);
    expect(retired.body).toMatchObject({ lifecycle: 'phased_out', retiredAt: '2024-12-31', replacedBy: successor.body.id, inUseSince: '2015-05-05' });
  });

  it('when PATCH or DELETE come without If-Match, then 428; with a stale one, then 412', async () => {
    const created = await create('GM0546', { name: 'Concurrent' });
    const url = `/api/v1/applications/${created.body.id}`;
    await api().patch(url).send({ name: 'x' }).expect(428).expect('Content-Type', /problem\+json/);
    await api().delete(url).expect(428);
    await api().patch(url).set('If-Match', etagOf(created)).send({ name: 'Eerste' }).expect(200);
    await api().patch(url).set('If-Match', etagOf(created)).send({ name: 'Tweede' }).expect(412);
    await api().delete(url).set('If-Match', etagOf(created)).expect(412);
  });

  it('when racing writers send the same ETag, then exactly one wins', async () => {
    const created = await create('GM0546', { name: 'Race' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api().patch(`/api/v1/applications/${created.body.id}`).set('If-Match', etagOf(created)).send({ name: `Race ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(7);
    const history = await api().get(`/api/v1/applications/${created.body.id}/history`);
    expect(history.body.total).toBe(2);
  });

  it('when an application is deleted, then it is gone from the list but its history remains', async () => {
    const created = await create('GM0546', { name: 'Vergissing' });
    await api().delete(`/api/v1/applications/${created.body.id}`).set('If-Match', etagOf(created)).expect(204);
    await api().get(`/api/v1/applications/${created.body.id}`).expect(404);
    const list = await api().get('/api/v1/municipalities/GM0546/applications?q=Vergissing');
    expect(list.body.total).toBe(0);
    const history = await api().get(`/api/v1/applications/${created.body.id}/history`).expect(200);
    expect(history.body.items[0].action).toBe('deleted');
  });

  it('when the input is bad in several ways, then one 400 lists every bad field and nothing is written', async () => {
    const res = await create('GM0363', {
      name: '',
      status: 'great',
      layer: 'cloud',
      annualCost: -5,
      plannedReplacementYear: 20.5,
      effectiveDate: '2999-01-01',
      referenceComponentIds: [ZAAK],
      colour: 'blue',
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['annualCost', 'colour', 'effectiveDate', 'layer', 'name', 'plannedReplacementYear', 'status']);
    const list = await api().get('/api/v1/municipalities/GM0363/applications');
    expect(list.body.total).toBe(0);
  });

  it('when a reference component or successor does not exist, then 400 names it', async () => {
    const res = await create('GM0363', { name: 'X', referenceComponentIds: [ZAAK], replacedBy: ZAAK });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['referenceComponentIds.0', 'replacedBy']);
  });

  it('when the municipality is unknown, then 404 to read and 403 to write (nobody edits for it); when the code is malformed, then 400', async () => {
    await create('GM9999', { name: 'X' }).then((r) => expect(r.status).toBe(403));
    await api().get('/api/v1/municipalities/GM9999/applications').expect(404);
    await api().get('/api/v1/municipalities/leiden/applications').expect(400);
  });

  it('when the list is filtered, sorted and paged, then the total counts every match', async () => {
    for (const [name, status, layer] of [['Alfa', 'legacy', 'data'], ['Bravo', 'compliant', 'data'], ['Charlie', 'legacy', null], ['Delta', 'in_transition', 'process']] as const)
      await create('GM0014', { name, status, layer, plannedReplacementYear: name === 'Alfa' ? 2027 : undefined });
    const legacy = await api().get('/api/v1/municipalities/GM0014/applications?status=legacy,in_transition&sort=-name&pageSize=2').expect(200);
    expect(legacy.body.total).toBe(3);
    expect(legacy.body.items.map((a: { name: string }) => a.name)).toEqual(['Delta', 'Charlie']);
    const page2 = await api().get('/api/v1/municipalities/GM0014/applications?status=legacy,in_transition&sort=-name&pageSize=2&page=2');
    expect(page2.body.items.map((a: { name: string }) => a.name)).toEqual(['Alfa']);
    const missing = await api().get('/api/v1/municipalities/GM0014/applications?missing=layer').expect(200);
    expect(missing.body.items.map((a: { name: string }) => a.name)).toEqual(['Charlie']);
    const noPlan = await api().get('/api/v1/municipalities/GM0014/applications?missing=plannedReplacementYear');
    expect(noPlan.body.items.map((a: { name: string }) => a.name)).toEqual(['Charlie', 'Delta']);
    await api().get('/api/v1/municipalities/GM0014/applications?sort=colour&status=shiny&pageSize=0').expect(400)
      .expect((r) => expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['pageSize', 'sort', 'status']));
  });

  it('when effectiveDate is sent without a status or lifecycle change, then 400', async () => {
    const created = await create('GM0014', { name: 'Datum' });
    await api().patch(`/api/v1/applications/${created.body.id}`).set('If-Match', etagOf(created))
      .send({ name: 'Datum 2', effectiveDate: todayIso() }).expect(400);
  });

  it('when the body is not JSON, then a problem document, not a crash', async () => {
    await api().post('/api/v1/municipalities/GM0014/applications').set('Content-Type', 'application/json').send('{"name":').expect(400)
      .expect('Content-Type', /problem\+json/);
  });
});
