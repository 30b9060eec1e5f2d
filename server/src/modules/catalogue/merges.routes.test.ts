import { randomUUID } from 'node:crypto';
import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkProductVersions } from '@tm/db/catalogue-links';
import { useTestApp } from '../../../test/harness.ts';

const { api, db, signIn } = useTestApp();
let editor: supertest.Agent;
let steward: supertest.Agent;
let otherSteward: supertest.Agent;
let admin: supertest.Agent;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0547', 'GM0363'] })).agent;
  steward = (await signIn({ role: 'steward' })).agent;
  otherSteward = (await signIn({ role: 'steward' })).agent;
  admin = (await signIn({ role: 'admin' })).agent;
});

async function create(code: string, body: Record<string, unknown>): Promise<{ id: string }> {
  return (await editor.post(`/api/v1/municipalities/${code}/applications`).send({ inUseSince: '2020-01-01', ...body }).expect(201)).body;
}

async function productOfApplication(id: string): Promise<string> {
  const row = await db()('applications as a').join('product_versions as v', 'v.id', 'a.product_version_id').where('a.id', id).first('v.product_id');
  return row.product_id;
}

/** The product a spelling links to, added to the catalogue (with a version without number) when it is new. */
async function productIdOf(vendor: string, name: string): Promise<string> {
  const [versionId] = await linkProductVersions(db(), [{ vendor, name, version: null }]);
  return (await db()('product_versions').where({ id: versionId }).first('product_id')).product_id;
}

/** Applications per live product version, for one vendor family: what a merge must keep whole. */
async function linksOf(applicationIds: string[]): Promise<{ id: string; version_id: string; merged: boolean }[]> {
  return db()('applications as a')
    .join('product_versions as v', 'v.id', 'a.product_version_id')
    .join('products as p', 'p.id', 'v.product_id')
    .whereIn('a.id', applicationIds)
    .select('a.id', 'v.id as version_id', db().raw('(v.merged_into is not null or p.merged_into is not null) as merged'))
    .orderBy('a.id');
}

/** Two spellings of one suite that the normaliser cannot bring together, run by three municipalities. */
async function duplicatePair() {
  const brand = `Kwakkel${randomUUID().slice(0, 6)}`;
  const [full, short] = [`${brand}huis Gemeentesoftware`, `${brand}huis`];
  const apps = [
    await create('GM0546', { name: 'Klantcontact', vendor: full, product: `${brand} Klantcontact Suite`, version: '5.2' }),
    await create('GM0547', { name: 'Klantcontact', vendor: short, product: `${brand} Klantcontact Suite`, version: '5.2' }),
    await create('GM0363', { name: 'Klantcontact', vendor: short, product: `${brand} Klantcontact Suite`, version: '6.0' }),
  ];
  return { brand, full, short, apps, into: await productOfApplication(apps[0]!.id), from: await productOfApplication(apps[1]!.id) };
}

describe('merging duplicate products', () => {
  it('when a steward merges a duplicate, then its applications and judgements follow, nothing is lost, and the merge reads back', async () => {
    const { brand, short, apps, from, into } = await duplicatePair();
    const fromPage = await api().get(`/api/v1/products/${from}`).expect(200);
    const fromVersion = fromPage.body.versions.find((v: { version: string }) => v.version === '5.2');
    await steward.post(`/api/v1/product-versions/${fromVersion.id}/assessments`).send({ verdict: 'not_compliant', evidence: 'Eén pakket', effectiveDate: '2024-01-01' }).expect(201);

    const res = await steward.post('/api/v1/product-merges').send({ from, into }).expect(201);
    expect(res.headers.location).toBe(`/api/v1/product-merges/${res.body.id}`);
    expect(res.body).toMatchObject({
      from: { id: from, vendor: short },
      into: { id: into },
      applicationCount: 2,
      actor: { name: expect.stringMatching(/^steward-/) },
    });
    expect(res.body.versions.map((v: { version: string; outcome: string; applicationCount: number }) => [v.version, v.outcome, v.applicationCount]).sort()).toEqual([
      ['5.2', 'combined', 1],
      ['6.0', 'moved', 1],
    ]);

    const merged = await api().get(`/api/v1/products/${into}`).expect(200);
    expect(merged.body.versions.map((v: { version: string; applicationCount: number; municipalityCount: number }) => [v.version, v.applicationCount, v.municipalityCount])).toEqual([
      ['5.2', 2, 2],
      ['6.0', 1, 1],
    ]);
    // The judgement of the merged version went along with it.
    expect(merged.body.versions[0].assessment).toMatchObject({ verdict: 'not_compliant', level: 'verified' });
    expect(merged.body.aliases).toEqual([expect.objectContaining({ vendor: short, name: `${brand} Klantcontact Suite`, origin: 'merge' })]);

    const gone = await api().get(`/api/v1/products/${from}`).expect(200);
    expect(gone.body).toMatchObject({ versions: [], mergedInto: { product: { id: into }, mergeId: res.body.id } });
    expect((await linksOf(apps.map((a) => a.id))).filter((l) => l.merged)).toEqual([]);

    expect((await steward.get(`/api/v1/product-merges/${res.body.id}`).expect(200)).body).toEqual(res.body);
    expect((await steward.get(`/api/v1/product-merges?productId=${into}`).expect(200)).body).toEqual({ items: [res.body], total: 1 });
    const trail = await admin.get('/api/v1/audit-events?entityType=product').expect(200);
    expect(trail.body.items).toContainEqual(expect.objectContaining({ action: 'product.merged', entityId: from }));

    // The old spelling, written again, lands on the product that stayed.
    const [later] = await linkProductVersions(db(), [{ vendor: `${short} B.V.`, product: `${brand} klantcontact suite`, name: 'x', version: '6.0' }]);
    expect(later).toBe(merged.body.versions[1].id);
  });

  it('when a product is merged into itself, or from or into one merged away, then 409 and nothing changes', async () => {
    const { from, into } = await duplicatePair();
    const self = await steward.post('/api/v1/product-merges').send({ from, into: from }).expect(409);
    expect(self.body).toMatchObject({
      type: 'about:blank',
      status: 409,
      code: 'catalogue.mergeIntoItself',
      detail: 'Een product kan niet met zichzelf worden samengevoegd.',
      errors: [{ path: 'into', code: 'catalogue.sameAsFrom', message: 'Dit is hetzelfde product als bij "from".' }],
    });
    await steward.post('/api/v1/product-merges').send({ from, into }).expect(201);
    const third = await productIdOf(`Derde ${randomUUID()}`, 'Klantcontact');
    expect((await steward.post('/api/v1/product-merges').send({ from: third, into: from }).expect(409)).body.errors).toEqual([{ path: 'into', code: 'catalogue.mergedAway', message: 'Dit product is al samengevoegd met een ander.' }]);
    expect((await steward.post('/api/v1/product-merges').send({ from, into: third }).expect(409)).body.errors).toEqual([{ path: 'from', code: 'catalogue.mergedAway', message: 'Dit product is al samengevoegd met een ander.' }]);
    const unknown = await steward.post('/api/v1/product-merges').send({ from: randomUUID(), into: 'x' }).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'into', code: 'validation.invalidUuid' })]);
    const gone = randomUUID();
    const missing = await steward.post('/api/v1/product-merges').send({ from: gone, into }).expect(400);
    expect(missing.body).toMatchObject({ code: 'catalogue.bothProductsMissing', detail: 'Beide producten moeten bestaan.' });
    expect(missing.body.errors).toEqual([{ path: 'from', code: 'catalogue.productNotFound', message: `Er is geen product met id ${gone}.` }]);
    expect((await api().get(`/api/v1/products/${third}`).expect(200)).body.mergedInto).toBeNull();
  });

  it('when two stewards merge the same products at once, then one wins, the other gets 409, and no application is lost or doubled', async () => {
    for (let round = 0; round < 3; round++) {
      const { apps, from, into } = await duplicatePair();
      const before = await linksOf(apps.map((a) => a.id));
      const answers = await Promise.all([
        steward.post('/api/v1/product-merges').send({ from, into }),
        otherSteward.post('/api/v1/product-merges').send({ from: into, into: from }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      const after = await linksOf(apps.map((a) => a.id));
      expect(after.map((l) => l.id)).toEqual(before.map((l) => l.id));
      expect(after.filter((l) => l.merged)).toEqual([]);
      const { count } = await db()('product_merges').whereIn('from_product_id', [from, into]).count('* as count').first() as { count: number };
      expect(Number(count)).toBe(1);
    }
  });
});

describe('aliases', () => {
  it('when a steward ties a spelling to a product, then linking that spelling lands there, until the alias is removed', async () => {
    const vendor = `Grutto ${randomUUID().slice(0, 6)}`;
    const id = await productIdOf(`${vendor} Open Componenten`, 'Grutto Zaken');
    const res = await steward.post(`/api/v1/products/${id}/aliases`).send({ vendor: `${vendor} OC`, name: 'Grutto Zaakregistratie' }).expect(201);
    expect(res.body).toMatchObject({ productId: id, vendor: `${vendor} OC`, name: 'Grutto Zaakregistratie', origin: 'steward' });
    expect((await api().get(`/api/v1/products/${id}/aliases`).expect(200)).body).toMatchObject({ items: [{ id: res.body.id, actor: null }], total: 1 });

    expect(await productIdOf(`${vendor.toUpperCase()} OC B.V.`, 'grutto zaak-registratie')).toBe(id);

    await steward.delete(`/api/v1/products/${id}/aliases/${res.body.id}`).expect(204);
    expect(await productIdOf(`${vendor} OC`, 'Grutto Zaakregistratie')).not.toBe(id);
    await steward.delete(`/api/v1/products/${id}/aliases/${res.body.id}`).expect(404);
  });

  it('when an alias is the product’s own spelling, another product’s, or an alias already, then 409 says what to do', async () => {
    const vendor = `Wadlooper ${randomUUID().slice(0, 6)}`;
    const id = await productIdOf(vendor, 'Wadlooper Archief');
    const other = await productIdOf(vendor, 'Wadlooper Archiefbeheer');
    await steward.post(`/api/v1/products/${id}/aliases`).send({ vendor: `${vendor} B.V.`, name: 'wadlooper archief' }).expect(409);
    const taken = await steward.post(`/api/v1/products/${id}/aliases`).send({ vendor, name: 'Wadlooper Archiefbeheer' }).expect(409);
    expect(taken.body).toMatchObject({
      code: 'catalogue.spelledAsOther',
      detail: `Product ${other} wordt zo geschreven; voeg dat product samen met dit product, zodat zijn applicaties meegaan.`,
      errors: [{ path: 'name', code: 'catalogue.spellingOfOther', message: `De schrijfwijze van product ${other}.` }],
    });
    await steward.post(`/api/v1/products/${id}/aliases`).send({ vendor, name: 'Wadlooper Archief NL' }).expect(201);
    await steward.post(`/api/v1/products/${other}/aliases`).send({ vendor, name: 'Wadlooper Archief-NL' }).expect(409);
    const blank = await steward.post(`/api/v1/products/${id}/aliases`).send({ name: ' ' }).expect(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ path: 'name', code: 'validation.required' })]);
  });
});

describe('possible duplicates', () => {
  it('when two products are one spelled twice, then the steward sees the pair, until marking them as different', async () => {
    const { brand, from, into } = await duplicatePair();
    const other = await productIdOf(`${brand}huis Gemeentesoftware`, `${brand} Burgerzaken`);
    const res = await steward.get('/api/v1/product-duplicates?pageSize=500').expect(200);
    const pairs = res.body.items.map((d: { products: { id: string }[] }) => d.products.map((p) => p.id).sort().join());
    expect(pairs).toContain([from, into].sort().join());
    expect(pairs.filter((p: string) => p.includes(other))).toEqual([]);
    const pair = res.body.items.find((d: { products: { id: string }[] }) => d.products.some((p) => p.id === from));
    expect(pair.similarity).toBe(1);
    expect(pair.products.map((p: { municipalityCount: number }) => p.municipalityCount).sort()).toEqual([1, 2]);

    const marked = await steward.post('/api/v1/product-distinctions').send({ productIds: [into, from] }).expect(201);
    expect(marked.body.productIds).toEqual([from, into].sort());
    await steward.post('/api/v1/product-distinctions').send({ productIds: [from, into] }).expect(200);
    const after = await steward.get('/api/v1/product-duplicates?pageSize=500').expect(200);
    expect(after.body.items.filter((d: { products: { id: string }[] }) => d.products.some((p) => p.id === from))).toEqual([]);
    const same = await steward.post('/api/v1/product-distinctions').send({ productIds: [from, from] }).expect(400);
    expect(same.body.errors).toEqual([expect.objectContaining({ path: 'productIds', code: 'validation.twoDifferentProducts' })]);
  });

  it('when the steward asks for looser similarity, then more pairs come, and the threshold is checked', async () => {
    const strict = await steward.get('/api/v1/product-duplicates?minSimilarity=1').expect(200);
    const loose = await steward.get('/api/v1/product-duplicates?minSimilarity=0.3').expect(200);
    expect(loose.body.total).toBeGreaterThanOrEqual(strict.body.total);
    const bad = await steward.get('/api/v1/product-duplicates?minSimilarity=2').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'minSimilarity', message: expect.any(String) })]);
  });
});

describe('declined suggestions', () => {
  it('when nobody has declined a suggestion, then the steward’s list is empty', async () => {
    expect((await steward.get('/api/v1/suggestion-declines').expect(200)).body).toEqual({ items: [], total: 0 });
  });
});
