import { randomUUID } from 'node:crypto';
import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const { api, signIn } = useTestApp();
let leidenEditor: supertest.Agent;
let amsterdamEditor: supertest.Agent;
let viewer: supertest.Agent;
let admin: supertest.Agent;
// Leiden and Leiderdorp share an editor; Amsterdam and Groningen have their own.
beforeAll(async () => {
  leidenEditor = (await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0547'] })).agent;
  amsterdamEditor = (await signIn({ role: 'editor', municipalityCodes: ['GM0363', 'GM0014'] })).agent;
  viewer = (await signIn({ role: 'viewer' })).agent;
  admin = (await signIn({ role: 'admin' })).agent;
});

const thisYear = new Date().getUTCFullYear();

type Created = { id: string; etag: string };

/** An application of the product: the write links it to the catalogue. */
async function run(agent: supertest.Agent, code: string, vendor: string, body: Record<string, unknown> = {}): Promise<Created> {
  const res = await agent
    .post(`/api/v1/municipalities/${code}/applications`)
    .send({ name: `Zaken ${randomUUID().slice(0, 6)}`, vendor, product: 'Zaakwijzer', status: 'legacy', inUseSince: '2020-01-01', ...body })
    .expect(201);
  return { id: res.body.id, etag: res.headers.etag! };
}

async function productOf(vendor: string): Promise<string> {
  const res = await api().get(`/api/v1/products?q=${encodeURIComponent(vendor)}`).expect(200);
  return res.body.items.find((p: { vendor: string }) => p.vendor === vendor).id;
}

function start(body: Record<string, unknown>, agent = leidenEditor) {
  return agent.post('/api/v1/coalitions').send({ name: 'Samen zaakgericht', targetYear: thisYear + 2, ...body });
}

describe('coalitions', () => {
  it('when members replace the product in their inventories, then replacedCount follows', async () => {
    const vendor = `Zaakwijzer ${randomUUID().slice(0, 8)}`;
    const leiden = await run(leidenEditor, 'GM0546', vendor);
    const leiderdorp = await run(leidenEditor, 'GM0547', vendor);
    const productId = await productOf(vendor);
    const created = await start({ productId, municipalityCode: 'GM0546', description: 'Eén aanbesteding' }).expect(201);
    expect(created.headers.location).toBe(`/api/v1/coalitions/${created.body.id}`);
    expect(created.body).toMatchObject({ productId, targetYear: thisYear + 2, replacedCount: 0, coordinator: { name: 'Test editor' } });
    const id = created.body.id as string;
    await leidenEditor.post(`/api/v1/coalitions/${id}/members`).send({ municipalityCode: 'GM0547' }).expect(201);

    const read = async () => (await viewer.get(`/api/v1/coalitions/${id}`).expect(200)).body;
    expect(await read()).toMatchObject({ replacedCount: 0, members: [{ municipalityCode: 'GM0546', replaced: false }, { municipalityCode: 'GM0547', replaced: false }] });

    await leidenEditor.patch(`/api/v1/applications/${leiden.id}`).set('If-Match', leiden.etag).send({ status: 'compliant' }).expect(200);
    expect(await read()).toMatchObject({ replacedCount: 1, members: [{ municipalityCode: 'GM0546', replaced: true }, { replaced: false }] });

    await leidenEditor.patch(`/api/v1/applications/${leiderdorp.id}`).set('If-Match', leiderdorp.etag).send({ lifecycle: 'phased_out' }).expect(200);
    expect((await read()).replacedCount).toBe(2);

    // A new legacy application of the product puts Leiden back among those still to replace it.
    await run(leidenEditor, 'GM0546', vendor);
    expect(await read()).toMatchObject({ replacedCount: 1, members: [{ municipalityCode: 'GM0546', replaced: false }, { municipalityCode: 'GM0547', replaced: true }] });
  });

  it('when municipalities plan to replace the product near the target year, then they are candidates until they join', async () => {
    const vendor = `Kandidaat ${randomUUID().slice(0, 8)}`;
    await run(leidenEditor, 'GM0546', vendor);
    await run(amsterdamEditor, 'GM0363', vendor, { plannedReplacementYear: thisYear + 4 });
    await run(amsterdamEditor, 'GM0363', vendor, { plannedReplacementYear: thisYear + 9 });
    await run(amsterdamEditor, 'GM0014', vendor, { plannedReplacementYear: thisYear + 5 });
    await run(leidenEditor, 'GM0547', vendor, { plannedReplacementYear: thisYear + 2, status: 'compliant' });
    const id = (await start({ productId: await productOf(vendor), municipalityCode: 'GM0546' }).expect(201)).body.id;

    const candidates = async () => (await viewer.get(`/api/v1/coalitions/${id}`).expect(200)).body.candidates;
    expect(await candidates()).toEqual([{ municipalityCode: 'GM0363', name: 'Amsterdam', plannedReplacementYear: thisYear + 4 }]);
    await amsterdamEditor.post(`/api/v1/coalitions/${id}/members`).send({ municipalityCode: 'GM0363' }).expect(201);
    expect(await candidates()).toEqual([]);

    const forProduct = (await viewer.get(`/api/v1/coalitions?productId=${await productOf(vendor)}`).expect(200)).body;
    expect(forProduct).toMatchObject({ total: 1, items: [{ id, members: [{ name: 'Amsterdam' }, { name: 'Leiden' }] }] });
    const ofAmsterdam = (await viewer.get('/api/v1/coalitions?municipalityCode=GM0363').expect(200)).body.items;
    expect(ofAmsterdam.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('when members join and leave, then each change is audited with the coalition before and after', async () => {
    const vendor = `Audit ${randomUUID().slice(0, 8)}`;
    await run(leidenEditor, 'GM0546', vendor);
    const id = (await start({ productId: await productOf(vendor) }).expect(201)).body.id;
    await leidenEditor.post(`/api/v1/coalitions/${id}/members`).send({ municipalityCode: 'GM0547' }).expect(201);
    await leidenEditor.delete(`/api/v1/coalitions/${id}/members/GM0547`).expect(204);
    const trail = (await admin.get('/api/v1/audit-events?entityType=coalition&pageSize=500').expect(200)).body.items.filter(
      (e: { entityId: string }) => e.entityId === id,
    );
    expect(trail.map((e: { action: string }) => e.action).sort()).toEqual(['coalition.created', 'coalition.joined', 'coalition.left']);
    const left = trail.find((e: { action: string }) => e.action === 'coalition.left');
    expect(left).toMatchObject({ municipalityCode: 'GM0547', before: { members: [{ municipalityCode: 'GM0547' }] }, after: { members: [] } });
  });

  it('when a steward merges the product into another, then the coalition replaces that one and still follows its members', async () => {
    const steward = (await signIn({ role: 'steward' })).agent;
    const duplicate = `Dubbel ${randomUUID().slice(0, 8)}`;
    const survivor = `Blijft ${randomUUID().slice(0, 8)}`;
    const leiden = await run(leidenEditor, 'GM0546', duplicate);
    await run(leidenEditor, 'GM0547', survivor);
    const [from, into] = [await productOf(duplicate), await productOf(survivor)];
    const id = (await start({ productId: from, municipalityCode: 'GM0546' }).expect(201)).body.id;
    await steward.post('/api/v1/product-merges').send({ from, into }).expect(201);

    expect((await viewer.get(`/api/v1/coalitions/${id}`).expect(200)).body).toMatchObject({ productId: into, replacedCount: 0 });
    await leidenEditor.patch(`/api/v1/applications/${leiden.id}`).set('If-Match', leiden.etag).send({ status: 'compliant' }).expect(200);
    expect((await viewer.get(`/api/v1/coalitions/${id}`).expect(200)).body).toMatchObject({ replacedCount: 1, members: [{ municipalityCode: 'GM0546', replaced: true }] });
    // A coalition started for the merged product afterwards is one for the product that stays.
    expect((await start({ productId: from }).expect(201)).body.productId).toBe(into);
  });

  it('when the coordinator describes the coalition, then it changes; anyone else is refused', async () => {
    const vendor = `Beschrijf ${randomUUID().slice(0, 8)}`;
    await run(leidenEditor, 'GM0546', vendor);
    const id = (await start({ productId: await productOf(vendor) }).expect(201)).body.id;
    const described = await leidenEditor.patch(`/api/v1/coalitions/${id}`).send({ description: 'Samen met de regio', targetYear: thisYear + 3 }).expect(200);
    expect(described.body).toMatchObject({ description: 'Samen met de regio', targetYear: thisYear + 3 });
    const refused = await amsterdamEditor.patch(`/api/v1/coalitions/${id}`).set('Accept-Language', 'en').send({ name: 'Ons plan' }).expect(403);
    expect(refused.body).toMatchObject({ code: 'coalitions.coordinatorOnly', detail: 'Only the coordinator of the coalition can describe it.' });
  });

  it('when the input is wrong, then it is refused with the reason: unknown product 404, past year 400, another municipality 403, twice 409', async () => {
    const vendor = `Fout ${randomUUID().slice(0, 8)}`;
    await run(leidenEditor, 'GM0546', vendor);
    const productId = await productOf(vendor);

    const unknown = await start({ productId: randomUUID() }).expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body.code).toBe('coalitions.productNotFound');

    const past = await start({ productId, targetYear: thisYear - 1 }).expect(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ path: 'targetYear', message: 'Kies dit jaar of een later jaar als doeljaar.' })]);

    await start({ productId, municipalityCode: 'GM0363' }).expect(403);
    const id = (await start({ productId, municipalityCode: 'GM0546' }).expect(201)).body.id;
    const other = await leidenEditor.post(`/api/v1/coalitions/${id}/members`).send({ municipalityCode: 'GM0363' }).expect(403);
    expect(other.body.code).toBe('auth.editorOf');
    const twice = await leidenEditor.post(`/api/v1/coalitions/${id}/members`).send({ municipalityCode: 'GM0546' }).expect(409);
    expect(twice.body.code).toBe('coalitions.alreadyMember');
    await amsterdamEditor.delete(`/api/v1/coalitions/${id}/members/GM0546`).expect(403);
    await leidenEditor.delete(`/api/v1/coalitions/${id}/members/GM0547`).expect(404);
    await leidenEditor.post(`/api/v1/coalitions/${randomUUID()}/members`).send({ municipalityCode: 'GM0546' }).expect(404);
    await viewer.post('/api/v1/coalitions').send({ name: 'x', productId, targetYear: thisYear }).expect(403);
    await api().get('/api/v1/coalitions').expect(401);
  });
});
