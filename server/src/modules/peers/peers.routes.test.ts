import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const { api, signIn } = useTestApp();
let editor: supertest.Agent;
let board: supertest.Agent;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0484', 'GM0537'] })).agent;
  board = (await signIn({ role: 'board' })).agent;
});

async function create(code: string, body: Record<string, unknown>) {
  return (await editor.post(`/api/v1/municipalities/${code}/applications`).send({ inUseSince: '2020-01-01', ...body }).expect(201)).body;
}

describe('peers', () => {
  it('when peers replaced my legacy component, then I see my rank among them and what they replaced it with', async () => {
    const components = (await api().get('/api/v1/reference-components').expect(200)).body.items;
    const [zaak, burger] = [components[0].id, components[1].id];
    // Leiden: one of two compliant; Alphen: all compliant; Katwijk: none.
    await create('GM0546', { name: 'Oud zaaksysteem', referenceComponentIds: [zaak], layer: 'process' });
    await create('GM0546', { name: 'Burgerzaken', referenceComponentIds: [burger], status: 'compliant', layer: 'data' });
    await create('GM0484', { name: 'Open Zaak', product: 'Open Zaak', vendor: 'Maykin', referenceComponentIds: [zaak], status: 'compliant', layer: 'process' });
    await create('GM0537', { name: 'Open Zaak', product: 'Open Zaak', vendor: 'Maykin', referenceComponentIds: [zaak], status: 'compliant' });
    await create('GM0537', { name: 'Nog oud', referenceComponentIds: [zaak] });

    const res = await editor.get('/api/v1/municipalities/GM0546/peers?group=province').expect(200);
    expect(res.body.group).toMatchObject({ key: 'province', name: 'Gemeenten in Zuid-Holland' });
    const byCode = Object.fromEntries(res.body.members.map((m: { code: string }) => [m.code, m]));
    expect(byCode.GM0484).toMatchObject({ share: 1, rank: 1 });
    expect(byCode.GM0546).toMatchObject({ share: 0.5, rank: 2 });
    expect(byCode.GM0537).toMatchObject({ share: 0.5, rank: 2 });
    expect(res.body).toMatchObject({ rank: 2, share: 0.5, median: 0.5, q1: 0.5, q3: 0.75 });
    expect(res.body.byLayer.find((l: { layer: string }) => l.layer === 'process')).toMatchObject({ share: 0, median: 0.5 });
    expect(res.body.recommendations).toEqual([
      {
        referenceComponentId: zaak,
        referenceComponentName: components[0].name,
        myApplications: [{ id: expect.any(String), name: 'Oud zaaksysteem', layer: 'process' }],
        peerCount: 2,
        productCount: 1,
        products: [
          {
            productId: expect.any(String),
            product: 'Open Zaak',
            vendor: 'Maykin',
            assessmentLevel: null,
            municipalityCount: 2,
            municipalities: expect.arrayContaining([{ code: 'GM0484', name: 'Alphen aan den Rijn' }, { code: 'GM0537', name: 'Katwijk' }]),
            legacyHere: [],
          },
        ],
      },
    ]);
  });

  it('when many peers use a product, then the ten nearest in population are named and the others counted', async () => {
    const component = (await api().get('/api/v1/reference-components').expect(200)).body.items[2].id;
    const all: { code: string; name: string; population: number }[] = (await api().get('/api/v1/municipalities').expect(200)).body.items;
    const leiden = all.find((m) => m.code === 'GM0546')!;
    const users = all.filter((m) => !['GM0546', 'GM0484', 'GM0537'].includes(m.code)).slice(0, 14);
    const writer = (await signIn({ role: 'editor', municipalityCodes: ['GM0546', ...users.map((m) => m.code)] })).agent;
    const add = (code: string, body: Record<string, unknown>) =>
      writer.post(`/api/v1/municipalities/${code}/applications`).send({ inUseSince: '2020-01-01', referenceComponentIds: [component], ...body }).expect(201);
    await add('GM0546', { name: 'Oude gegevensmagazijn' });
    for (const m of users) await add(m.code, { name: 'Gegevensmagazijn', product: 'Open Gegevens', status: 'compliant' });

    const res = await writer.get('/api/v1/municipalities/GM0546/peers?group=all').expect(200);
    const product = res.body.recommendations.find((r: { referenceComponentId: string }) => r.referenceComponentId === component).products[0];
    const nearest = [...users]
      .sort((a, b) => Math.abs(a.population - leiden.population) - Math.abs(b.population - leiden.population) || a.name.localeCompare(b.name))
      .slice(0, 10)
      .map((m) => ({ code: m.code, name: m.name }));
    expect(product).toMatchObject({ product: 'Open Gegevens', municipalityCount: 14, municipalities: nearest });
  });

  it('when peers use more products for a component than a recommendation lists, then the ten most used are listed with the count of all, and one I run as legacy whatever its place', async () => {
    const component = (await api().get('/api/v1/reference-components').expect(200)).body.items[7].id;
    const all: { code: string }[] = (await api().get('/api/v1/municipalities').expect(200)).body.items;
    const users = all.filter((m) => !['GM0546', 'GM0484', 'GM0537'].includes(m.code)).slice(30, 43);
    const writer = (await signIn({ role: 'editor', municipalityCodes: ['GM0546', ...users.map((m) => m.code)] })).agent;
    const add = (code: string, body: Record<string, unknown>) =>
      writer.post(`/api/v1/municipalities/${code}/applications`).send({ inUseSince: '2020-01-01', referenceComponentIds: [component], vendor: 'Leverancier', ...body }).expect(201);
    // Product 01 at two peers, the eleven others at one each: 01 first, then by name.
    const products = Array.from({ length: 12 }, (_, i) => `Product ${String(i + 1).padStart(2, '0')}`);
    for (const [i, m] of users.entries()) await add(m.code, { name: 'Oplossing', product: products[Math.max(0, i - 1)], status: 'compliant' });
    await add('GM0546', { name: 'Ons oude product 12', product: 'Product 12' });

    const res = await writer.get('/api/v1/municipalities/GM0546/peers?group=all').expect(200);
    const recommendation = res.body.recommendations.find((r: { referenceComponentId: string }) => r.referenceComponentId === component);
    expect(recommendation.productCount).toBe(12);
    expect(recommendation.products.map((p: { product: string; municipalityCount: number }) => [p.product, p.municipalityCount])).toEqual([
      ['Product 01', 2],
      ...products.slice(1, 10).map((p) => [p, 1]),
      ['Product 12', 1],
    ]);
    expect(recommendation.products.at(-1).legacyHere).toEqual([{ id: expect.any(String), name: 'Ons oude product 12' }]);
  });

  it('when I run as legacy a product that peers count as compliant, then its recommendation names my application beside it, most peers first', async () => {
    const components = (await api().get('/api/v1/reference-components').expect(200)).body.items;
    const [post, archief] = [components[3], components[4]];
    const mine = await create('GM0546', { name: 'Postregistratie', product: 'Corsa', vendor: 'Decos', referenceComponentIds: [post.id], layer: 'services' });
    await create('GM0546', { name: 'Archief', referenceComponentIds: [archief.id] });
    await create('GM0484', { name: 'Post', product: 'Corsa', vendor: 'Decos', referenceComponentIds: [post.id], status: 'compliant' });
    await create('GM0537', { name: 'Post', product: 'Corsa', vendor: 'Andere leverancier', referenceComponentIds: [post.id], status: 'compliant' });
    await create('GM0484', { name: 'E-depot', referenceComponentIds: [archief.id], status: 'compliant' });

    const res = await editor.get('/api/v1/municipalities/GM0546/peers?group=province').expect(200);
    const ids = res.body.recommendations.map((r: { referenceComponentId: string }) => r.referenceComponentId);
    expect(ids.indexOf(post.id)).toBeLessThan(ids.indexOf(archief.id));
    const recommendation = res.body.recommendations.find((r: { referenceComponentId: string }) => r.referenceComponentId === post.id);
    expect(recommendation.peerCount).toBe(2);
    expect(recommendation.myApplications).toEqual([{ id: mine.id, name: 'Postregistratie', layer: 'services' }]);
    expect(recommendation.products).toEqual([
      expect.objectContaining({ product: 'Corsa', vendor: 'Andere leverancier', legacyHere: [] }),
      expect.objectContaining({ product: 'Corsa', vendor: 'Decos', legacyHere: [{ id: mine.id, name: 'Postregistratie' }] }),
    ]);
  });

  it('when the catalogue judges the version peers use, then a claimed verdict is marked as such and one verified not Common Ground is recommended nowhere', async () => {
    const component = (await api().get('/api/v1/reference-components').expect(200)).body.items[5].id;
    await create('GM0546', { name: 'Oude zaakstroom', referenceComponentIds: [component] });
    const used = await create('GM0484', { name: 'Zaakstroom', product: 'Zaakstroom', vendor: 'Stroom B.V.', version: '2.0', referenceComponentIds: [component], status: 'compliant' });
    await create('GM0537', { name: 'Stroom', product: 'zaakstroom', vendor: 'Stroom', version: '2.0', referenceComponentIds: [component], status: 'compliant' });
    const recommended = async () => {
      const peers = await editor.get('/api/v1/municipalities/GM0546/peers?group=province').expect(200);
      const national = await api().get('/api/v1/progress/national').expect(200);
      return {
        peers: peers.body.recommendations.find((r: { referenceComponentId: string }) => r.referenceComponentId === component)?.products ?? [],
        national: national.body.topCompliantProducts.filter((p: { product: string }) => p.product === 'Zaakstroom'),
      };
    };
    const unjudged = await recommended();
    expect(unjudged.peers).toEqual([expect.objectContaining({ product: 'Zaakstroom', municipalityCount: 2, assessmentLevel: null })]);
    const productId = unjudged.peers[0].productId;
    expect(unjudged.national).toEqual([expect.objectContaining({ productId, municipalityCount: 2, applicationCount: 2, assessmentLevel: null })]);

    const judge = (agent: supertest.Agent, verdict: string) =>
      agent.post(`/api/v1/product-versions/${used.productVersionId}/assessments`).send({ verdict, evidence: 'https://example.org/zaakstroom-2' }).expect(201);
    await judge(editor, 'compliant');
    const claimed = await recommended();
    expect(claimed.peers).toEqual([expect.objectContaining({ productId, assessmentLevel: 'claimed' })]);
    expect(claimed.national).toEqual([expect.objectContaining({ productId, assessmentLevel: 'claimed' })]);

    await judge((await signIn({ role: 'steward' })).agent, 'not_compliant');
    expect(await recommended()).toEqual({ peers: [], national: [] });
  });

  it("when another board member tries to delete a saved group, then 403 and it stays; its maker or an admin may", async () => {
    const other = (await signIn({ role: 'board' })).agent;
    const admin = (await signIn({ role: 'admin' })).agent;
    const mine = await board.post('/api/v1/peer-groups').send({ name: 'Van A', municipalityCodes: ['GM0484', 'GM0537'] }).expect(201);
    const refused = await other.delete(`/api/v1/peer-groups/${mine.body.id}`).expect(403);
    expect(refused.body).toMatchObject({ code: 'peers.onlyOwner', detail: 'Alleen wie deze vergelijkingsgroep bewaarde, of een beheerder, mag haar verwijderen.' });
    await other.get(`/api/v1/peer-groups/${mine.body.id}`).expect(200);
    await board.delete(`/api/v1/peer-groups/${mine.body.id}`).expect(204);
    const theirs = await other.post('/api/v1/peer-groups').send({ name: 'Van B', municipalityCodes: ['GM0484', 'GM0537'] }).expect(201);
    await admin.delete(`/api/v1/peer-groups/${theirs.body.id}`).expect(204);
  });

  it('when a peer group is saved, then it is listed, compared against and deletable', async () => {
    const saved = await board.post('/api/v1/peer-groups').send({ name: 'Holland Rijnland', municipalityCodes: ['GM0484', 'GM0537'] }).expect(201);
    expect(saved.body).toMatchObject({ name: 'Holland Rijnland', ownerId: expect.any(String), municipalityCodes: ['GM0484', 'GM0537'] });
    expect(saved.headers.location).toBe(`/api/v1/peer-groups/${saved.body.id}`);
    const list = await board.get('/api/v1/peer-groups').expect(200);
    expect(list.body.items.map((g: { id: string }) => g.id)).toContain(saved.body.id);
    await board.get(`/api/v1/peer-groups/${saved.body.id}`).expect(200);

    const compared = await editor.get(`/api/v1/municipalities/GM0546/peers?group=${saved.body.id}`).expect(200);
    expect(compared.body.group).toEqual({ key: saved.body.id, name: 'Holland Rijnland', size: 3 });

    await board.delete(`/api/v1/peer-groups/${saved.body.id}`).expect(204);
    await board.delete(`/api/v1/peer-groups/${saved.body.id}`).expect(404);
    const gone = await editor.get(`/api/v1/municipalities/GM0546/peers?group=${saved.body.id}`).expect(400);
    expect(gone.body.errors.map((e: { path: string }) => e.path)).toEqual(['group']);
  });

  it('when the input is bad, then 400 names every field', async () => {
    const query = await editor.get('/api/v1/municipalities/GM0546/peers?group=friends&measure=euros').expect(400);
    expect(query.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['group', 'measure']);
    const body = await board.post('/api/v1/peer-groups').send({ name: ' ', municipalityCodes: ['GM0546', 'GM0001', 'X'] }).expect(400);
    expect(body.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['municipalityCodes.2', 'name']);
    const unknown = await board.post('/api/v1/peer-groups').send({ name: 'Regio', municipalityCodes: ['GM0546', 'GM0001'] }).expect(400);
    expect(unknown.body.errors).toEqual([{ path: 'municipalityCodes.1', code: 'municipalities.notFound', message: 'Er is geen gemeente met code GM0001.' }]);
    await board.post('/api/v1/peer-groups').send({ name: 'Regio', municipalityCodes: ['GM0546', 'GM0546'] }).expect(400);
    await board.get('/api/v1/peer-groups/not-a-uuid').expect(400);
    await editor.get('/api/v1/municipalities/GM0001/peers').expect(404);
  });
});
