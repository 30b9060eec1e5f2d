import { randomUUID } from 'node:crypto';
import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '@tm/shared/dates';
import { useTestApp } from '../../../test/harness.ts';

const { api, db, signIn } = useTestApp();
let editor: supertest.Agent;
let steward: supertest.Agent;
let viewer: supertest.Agent;
let board: supertest.Agent;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0547', 'GM0363'] })).agent;
  steward = (await signIn({ role: 'steward' })).agent;
  viewer = (await signIn({ role: 'viewer' })).agent;
  board = (await signIn({ role: 'board' })).agent;
});

/** A vendor of this test alone, so that tests sharing the database do not see each other's products. */
const vendorOfTest = (base: string) => `${base} ${randomUUID().slice(0, 8)}`;

async function create(code: string, body: Record<string, unknown>): Promise<{ id: string }> {
  return (await editor.post(`/api/v1/municipalities/${code}/applications`).send({ inUseSince: '2020-01-01', ...body }).expect(201)).body;
}

type Version = { id: string; version: string | null; applicationCount: number; municipalityCount: number; assessment: null | Record<string, unknown> };
type ListedProduct = { id: string; vendor: string | null; name: string; versions: Version[] };

async function productNamed(vendor: string): Promise<ListedProduct> {
  const res = await api().get(`/api/v1/products?q=${encodeURIComponent(vendor)}`).expect(200);
  const found = (res.body.items as ListedProduct[]).filter((p) => p.vendor?.toLowerCase().startsWith(vendor.toLowerCase().slice(0, 6)));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('the product catalogue', () => {
  it('when municipalities spell one product differently, then the catalogue has it once, with each version and who runs it', async () => {
    const vendor = vendorOfTest('Kwakkel');
    await create('GM0546', { name: 'Zaken Leiden', vendor: `${vendor} B.V.`, product: 'Kwakkel Zaaksysteem', version: '5.2' });
    await create('GM0547', { name: 'Zaken Leiderdorp', vendor: `${vendor.toLowerCase()} bv`, product: 'kwakkel zaak-systeem', version: 'v5.2' });
    await create('GM0547', { name: 'Zaken archief', vendor: vendor.toUpperCase(), product: 'KWAKKEL ZAAKSYSTEEM', version: '5.3' });
    // Retired applications and planned ones do not run the product today.
    await create('GM0363', { name: 'Oude zaken', vendor, product: 'Kwakkel Zaaksysteem', version: '5.3', lifecycle: 'phased_out' });
    await create('GM0363', { name: 'Nieuwe zaken', vendor, product: 'Kwakkel Zaaksysteem', version: '5.3', lifecycle: 'planned' });

    const product = await productNamed(vendor);
    // Shown as it was first written.
    expect(product).toMatchObject({ vendor: `${vendor} B.V.`, name: 'Kwakkel Zaaksysteem' });
    expect(product.versions).toEqual([
      { id: expect.any(String), version: '5.2', applicationCount: 2, municipalityCount: 2, assessment: null },
      { id: expect.any(String), version: '5.3', applicationCount: 1, municipalityCount: 1, assessment: null },
    ]);
  });

  it('when an application names no product, then its name stands for the product', async () => {
    const vendor = vendorOfTest('Eigenbouw');
    await create('GM0546', { name: 'Sleutelstad Meldingen', vendor });
    expect(await productNamed(vendor)).toMatchObject({ name: 'Sleutelstad Meldingen', versions: [{ version: null, applicationCount: 1 }] });
  });

  it('when a search is spelled roughly, then the product is still found, the closest first', async () => {
    const vendor = vendorOfTest('Hagelslag');
    await create('GM0546', { name: 'Belastingen', vendor, product: 'Hagelslag Belastingen Suite', version: '2.0' });
    const res = await api().get('/api/v1/products?q=hagelslg%20belastingen').expect(200);
    expect(res.body.items[0]).toMatchObject({ vendor, name: 'Hagelslag Belastingen Suite' });
    const none = await api().get('/api/v1/products?q=zzqqxxyy').expect(200);
    expect(none.body).toEqual({ items: [], total: 0 });
  });

  it('when products are sorted by users, then the one most municipalities run comes first, each counted once however many versions they run', async () => {
    const vendor = vendorOfTest('Rietkraag');
    // Leiden runs two versions of the small product: one municipality, not two.
    await create('GM0546', { name: 'Kaart', vendor, product: 'Rietkraag Klein', version: '1' });
    await create('GM0546', { name: 'Kaart oud', vendor, product: 'Rietkraag Klein', version: '2' });
    for (const code of ['GM0546', 'GM0547', 'GM0363']) await create(code, { name: 'Balie', vendor, product: 'Rietkraag Groot', version: '1' });

    const byUsers = await api().get(`/api/v1/products?q=${encodeURIComponent(vendor)}&sort=-municipalityCount`).expect(200);
    const mine = (byUsers.body.items as (ListedProduct & { municipalityCount: number; applicationCount: number })[]).filter((p) => p.vendor === vendor);
    expect(mine.map((p) => [p.name, p.municipalityCount, p.applicationCount])).toEqual([
      ['Rietkraag Groot', 3, 3],
      ['Rietkraag Klein', 1, 2],
    ]);
    const byName = await api().get(`/api/v1/products?q=${encodeURIComponent(vendor)}&sort=name`).expect(200);
    expect((byName.body.items as ListedProduct[]).filter((p) => p.vendor === vendor).map((p) => p.name)).toEqual(['Rietkraag Groot', 'Rietkraag Klein']);
    // Across the whole catalogue, too: never fewer users after more.
    const all = await api().get('/api/v1/products?sort=-municipalityCount&pageSize=500').expect(200);
    const counts = (all.body.items as { municipalityCount: number }[]).map((p) => p.municipalityCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const bad = await api().get('/api/v1/products?sort=users').expect(400);
    expect(bad.body.errors[0].path).toBe('sort');
  });

  it('when products are paged, then the total counts all pages, also past the last one', async () => {
    const first = await api().get('/api/v1/products?pageSize=1').expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.total).toBeGreaterThan(1);
    const past = await api().get(`/api/v1/products?pageSize=1&page=${first.body.total + 5}`).expect(200);
    expect(past.body).toEqual({ items: [], total: first.body.total });
  });

  it('when a product page is read, then it shows versions by status, and names municipalities only to callers who are logged in', async () => {
    const vendor = vendorOfTest('Molenwiek');
    await create('GM0546', { name: 'Geo', vendor, product: 'Molenwiek Geo', version: '1.0', status: 'compliant' });
    await create('GM0547', { name: 'Geo', vendor, product: 'Molenwiek Geo', version: '1.0' });
    await create('GM0547', { name: 'Geo 2', vendor, product: 'Molenwiek Geo', version: '1.0', status: 'in_transition' });
    const { id } = await productNamed(vendor);

    const anonymous = await api().get(`/api/v1/products/${id}`).expect(200);
    expect(anonymous.body).toMatchObject({ id, vendor, name: 'Molenwiek Geo', mergedInto: null, aliases: [], replacedBy: [] });
    const [version] = anonymous.body.versions;
    expect(version).toMatchObject({ version: '1.0', applicationCount: 3, municipalityCount: 2, assessments: [], municipalities: null });
    expect(version.byStatus).toEqual([
      { status: 'compliant', applicationCount: 1, municipalityCount: 1 },
      { status: 'in_transition', applicationCount: 1, municipalityCount: 1 },
      { status: 'legacy', applicationCount: 1, municipalityCount: 1 },
    ]);

    const signedIn = await viewer.get(`/api/v1/products/${id}`).expect(200);
    expect(signedIn.body.versions[0].municipalities).toEqual([
      { code: 'GM0546', name: 'Leiden', applicationCount: 1, statuses: ['compliant'] },
      { code: 'GM0547', name: 'Leiderdorp', applicationCount: 2, statuses: ['in_transition', 'legacy'] },
    ]);
  });

  it('when municipalities retired a product for another, then its page says what they replaced it with', async () => {
    const [oldVendor, newVendor] = [vendorOfTest('Slootwater'), vendorOfTest('Grutto')];
    for (const code of ['GM0546', 'GM0547']) {
      const successor = await create(code, { name: 'Nieuw zaaksysteem', vendor: newVendor, product: 'Grutto Zaken', status: 'compliant' });
      const old = await create(code, { name: 'Oud zaaksysteem', vendor: oldVendor, product: 'Slootwater Zaken' });
      const current = await editor.get(`/api/v1/applications/${old.id}`).expect(200);
      await editor
        .patch(`/api/v1/applications/${old.id}`)
        .set('If-Match', current.headers.etag!)
        .send({ lifecycle: 'phased_out', replacedBy: successor.id })
        .expect(200);
    }
    const { id } = await productNamed(oldVendor);
    const res = await api().get(`/api/v1/products/${id}`).expect(200);
    expect(res.body.replacedBy).toEqual([{ id: (await productNamed(newVendor)).id, vendor: newVendor, name: 'Grutto Zaken', applicationCount: 2, municipalityCount: 2 }]);
  });

  it('when a product does not exist, then 404; when its id is malformed, then 400 naming it', async () => {
    const unknown = randomUUID();
    const gone = await api().get(`/api/v1/products/${unknown}`).expect(404);
    expect(gone.body).toMatchObject({ code: 'catalogue.productNotFound', detail: `Er is geen product met id ${unknown}.` });
    const bad = await api().get('/api/v1/products/kwakkel').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'id', code: 'validation.invalidUuid' })]);
  });
});

describe('assessments', () => {
  async function versionOf(vendor: string): Promise<string> {
    await create('GM0546', { name: 'Klantcontact', vendor, product: 'Kwakkel Klantcontact Suite', version: '6.1' });
    return (await productNamed(vendor)).versions[0]!.id;
  }

  it('when a steward judges a version, then it is verified; when an editor does, claimed; the current one is the latest verified', async () => {
    const versionId = await versionOf(vendorOfTest('Kwakkelhuis'));
    const claim = await editor
      .post(`/api/v1/product-versions/${versionId}/assessments`)
      .send({ verdict: 'compliant', criteria: { standardApis: true }, evidence: 'Wij gebruiken de ZGW-API’s', effectiveDate: '2024-01-01' })
      .expect(201);
    expect(claim.body).toMatchObject({ level: 'claimed', verdict: 'compliant', productVersionId: versionId, criteria: { standardApis: true } });

    const verified = await steward
      .post(`/api/v1/product-versions/${versionId}/assessments`)
      .send({ verdict: 'not_compliant', evidence: 'https://example.org/testrapport', effectiveDate: '2023-06-01' })
      .expect(201);
    expect(verified.body).toMatchObject({ level: 'verified', verdict: 'not_compliant', effectiveDate: '2023-06-01', criteria: {} });
    // A later claim does not outrank a verification.
    await editor.post(`/api/v1/product-versions/${versionId}/assessments`).send({ verdict: 'compliant', evidence: 'Toch wel' }).expect(201);

    const page = await api().get(`/api/v1/products/${(await db()('product_versions').where({ id: versionId }).first()).product_id}`).expect(200);
    expect(page.body.versions[0].assessment).toMatchObject({ id: verified.body.id, level: 'verified', actor: null });
    const history = await viewer.get(`/api/v1/product-versions/${versionId}/assessments`).expect(200);
    expect(history.body.total).toBe(3);
    expect(history.body.items.map((a: { level: string; effectiveDate: string }) => [a.level, a.effectiveDate])).toEqual([
      ['claimed', todayIso()],
      ['verified', '2023-06-01'],
      ['claimed', '2024-01-01'],
    ]);
    expect(history.body.items[1].actor.name).toMatch(/^steward-/);
  });

  it('when the latest verified judgement is in effect later, then it is the current one, whatever was recorded last', async () => {
    const versionId = await versionOf(vendorOfTest('Polderpraat'));
    await steward.post(`/api/v1/product-versions/${versionId}/assessments`).send({ verdict: 'compliant', evidence: 'Release 6.1 voegde API’s toe', effectiveDate: '2025-03-01' }).expect(201);
    await steward.post(`/api/v1/product-versions/${versionId}/assessments`).send({ verdict: 'not_compliant', evidence: 'Zo was het in 2022', effectiveDate: '2022-01-01' }).expect(201);
    const list = await api().get('/api/v1/product-versions?assessment=verified&pageSize=500').expect(200);
    const mine = list.body.items.find((v: { id: string }) => v.id === versionId);
    expect(mine.assessment).toMatchObject({ verdict: 'compliant', effectiveDate: '2025-03-01' });
  });

  it('when a judgement has no evidence or a future effective date, then 400 names each field and nothing is recorded', async () => {
    const versionId = await versionOf(vendorOfTest('Klomp'));
    const res = await steward
      .post(`/api/v1/product-versions/${versionId}/assessments`)
      .send({ verdict: 'maybe', evidence: '   ', effectiveDate: '2999-01-01' })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['effectiveDate', 'evidence', 'verdict']);
    const missing = await steward.post(`/api/v1/product-versions/${versionId}/assessments`).send({ verdict: 'compliant' }).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'evidence', code: 'validation.evidenceRequired', message: expect.stringMatching(/link of een tekst/) })]);
    const history = await api().get(`/api/v1/product-versions/${versionId}/assessments`).expect(200);
    expect(history.body.total).toBe(0);
  });

  it('when a viewer or a board member judges, then 403; an unknown version is a 404', async () => {
    const versionId = await versionOf(vendorOfTest('Kaasdoek'));
    for (const agent of [viewer, board])
      await agent.post(`/api/v1/product-versions/${versionId}/assessments`).send({ verdict: 'compliant', evidence: 'Vinden wij' }).expect(403);
    await api().post(`/api/v1/product-versions/${versionId}/assessments`).send({ verdict: 'compliant', evidence: 'Vinden wij' }).expect(401);
    const unknown = randomUUID();
    const gone = await steward.post(`/api/v1/product-versions/${unknown}/assessments`).send({ verdict: 'compliant', evidence: 'Vinden wij' }).expect(404);
    expect(gone.body).toMatchObject({ code: 'catalogue.versionNotFound', detail: `Er is geen productversie met id ${unknown}.` });
  });

  it('when a version is judged, then the audit trail has it and the list of unjudged versions no longer does', async () => {
    const vendor = vendorOfTest('Dijkgraaf');
    const versionId = await versionOf(vendor);
    const before = await api().get(`/api/v1/product-versions?assessment=none&q=${encodeURIComponent(vendor)}`).expect(200);
    expect(before.body.items.map((v: { id: string }) => v.id)).toContain(versionId);
    expect(before.body.items[0]).toMatchObject({ product: { vendor, name: 'Kwakkel Klantcontact Suite' }, version: '6.1', municipalityCount: 1 });

    const made = await steward.post(`/api/v1/product-versions/${versionId}/assessments`).send({ verdict: 'compliant', evidence: 'Getest' }).expect(201);
    const after = await api().get(`/api/v1/product-versions?assessment=none&q=${encodeURIComponent(vendor)}`).expect(200);
    expect(after.body.items.map((v: { id: string }) => v.id)).not.toContain(versionId);

    const admin = (await signIn({ role: 'admin' })).agent;
    const trail = await admin.get('/api/v1/audit-events?entityType=product-version').expect(200);
    expect(trail.body.items).toContainEqual(expect.objectContaining({ action: 'assessment.created', entityId: versionId, after: expect.objectContaining({ id: made.body.id }) }));
  });
});
