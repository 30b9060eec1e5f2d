import { randomUUID } from 'node:crypto';
import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '@tm/shared/schemas/application';
import { migrateToLatest, migrationSource } from '@tm/db/migrations';
import { archiId, archiModel } from '../../../test/archimate-fixtures.ts';
import { useTestApp } from '../../../test/harness.ts';

/** PRODUCT §9: "Every application links to a product version … on create, edit and import". */
const { signIn, db } = useTestApp();
let editor: supertest.Agent;
let steward: supertest.Agent;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0547'] })).agent;
  steward = (await signIn({ role: 'steward' })).agent;
});

/** A vendor no other test of this file names, so each test sees only its own products. */
const vendorOfTest = (name: string) => `${name} ${randomUUID().slice(0, 8)} B.V.`;

async function create(code: string, body: Record<string, unknown>): Promise<Application> {
  return (await editor.post(`/api/v1/municipalities/${code}/applications`).send(body).expect(201)).body;
}

async function read(id: string): Promise<{ application: Application; etag: string }> {
  const res = await editor.get(`/api/v1/applications/${id}`).expect(200);
  return { application: res.body, etag: res.headers.etag! };
}

async function inventory(code: string): Promise<Application[]> {
  return (await editor.get(`/api/v1/municipalities/${code}/applications?pageSize=500`).expect(200)).body.items;
}

/** The catalogue's product and version of a version id, as the product list shows them. */
async function catalogued(vendor: string): Promise<{ id: string; name: string; versions: { id: string; version: string | null }[] }[]> {
  return (await editor.get(`/api/v1/products?q=${encodeURIComponent(vendor)}&sort=name`).expect(200)).body.items;
}

function upload(code: string, file: string, name: string) {
  return editor.post(`/api/v1/municipalities/${code}/imports?mode=commit`).attach('file', Buffer.from(file, 'utf8'), name).expect(200);
}

describe('every write links its application to the catalogue', () => {
  it('when applications are created in spellings that differ only in case, punctuation and legal form, then they run one product version', async () => {
    const vendor = vendorOfTest('Kwakkel');
    const first = await create('GM0546', { name: 'Zaken', vendor, product: 'Kwakkel Zaken', version: '5.2' });
    const second = await create('GM0547', { name: 'Zaaksysteem', vendor: vendor.replace(' B.V.', ' bv').toUpperCase(), product: 'kwakkel-zaken', version: 'v5.2' });
    const other = await create('GM0546', { name: 'Zaken nieuw', vendor, product: 'Kwakkel Zaken', version: '6.0' });

    expect(first.productVersionId).toEqual(expect.any(String));
    expect(second.productVersionId).toBe(first.productVersionId);
    expect(other.productVersionId).not.toBe(first.productVersionId);
    const [product] = await catalogued(vendor);
    expect(product!.name).toBe('Kwakkel Zaken');
    expect(product!.versions.map((v) => v.id).sort()).toEqual([first.productVersionId, other.productVersionId].sort());
    expect((await read(first.id)).application.productVersionId).toBe(first.productVersionId);
  });

  it('when a spelling is an alias, then a new application written that way lands on the aliased product', async () => {
    const vendor = vendorOfTest('Fietsbel');
    const original = await create('GM0546', { name: 'Geo', vendor, product: 'Fietsbel Geo', version: '2.0' });
    const [product] = await catalogued(vendor);
    await steward.post(`/api/v1/products/${product!.id}/aliases`).send({ vendor, name: 'Fietsbel GIS' }).expect(201);

    const aliased = await create('GM0547', { name: 'Kaarten', vendor, product: 'Fietsbel G.I.S.', version: '2.0' });
    expect(aliased.productVersionId).toBe(original.productVersionId);
  });

  it('when a PATCH changes vendor, product, version or name, then the application is linked anew; another field leaves the link', async () => {
    const vendor = vendorOfTest('Molenwiek');
    const app = await create('GM0546', { name: 'Molenwiek', vendor, version: '1.0' });
    const patch = async (body: Record<string, unknown>) => {
      const { etag } = await read(app.id);
      return (await editor.patch(`/api/v1/applications/${app.id}`).set('If-Match', etag).send(body).expect(200)).body as Application;
    };

    const notes = await patch({ notes: 'alleen een notitie' });
    expect(notes.productVersionId).toBe(app.productVersionId);
    const upgraded = await patch({ version: '2.0' });
    expect(upgraded.productVersionId).not.toBe(app.productVersionId);
    const renamed = await patch({ name: 'Molenwiek Kaart' });
    expect(renamed.productVersionId).not.toBe(upgraded.productVersionId);
    const back = await patch({ name: 'Molenwiek', version: '1.0' });
    expect(back.productVersionId).toBe(app.productVersionId);
    expect((await catalogued(vendor)).map((p) => p.name)).toEqual(['Molenwiek', 'Molenwiek Kaart']);
  });

  it('when a bulk edit changes an application written around the API, then it is linked too', async () => {
    const vendor = vendorOfTest('Rietkraag');
    const [row] = await db()('applications')
      .insert({ municipality_code: 'GM0546', name: 'Rietkraag Balie', vendor, version: '3', status: 'legacy', lifecycle: 'in_production' })
      .returning('id');
    const id = (row as { id: string }).id;
    expect((await read(id)).application.productVersionId).toBeNull();

    const res = await editor.post('/api/v1/municipalities/GM0546/applications/bulk-updates').send({ applications: [{ id }], changes: { layer: 'interaction' } }).expect(200);
    expect(res.body.applications[0].productVersionId).toEqual(expect.any(String));
    expect((await catalogued(vendor))[0]!.versions).toEqual([expect.objectContaining({ id: res.body.applications[0].productVersionId, version: '3' })]);
  });

  it('when a spreadsheet is imported, then new rows are linked and a row that changes the version is linked anew', async () => {
    const vendor = vendorOfTest('Hagelslag');
    await upload('GM0546', `Naam;Leverancier;Product;Versie\nBelastingen;${vendor};Hagelslag Belastingen;4.1\nParkeren;${vendor};Hagelslag Parkeren;1\n`, 'landschap.csv');
    const imported = (await inventory('GM0546')).filter((a) => a.vendor === vendor);
    expect(imported).toHaveLength(2);
    for (const a of imported) expect(a.productVersionId).toEqual(expect.any(String));

    await upload('GM0546', `Naam;Leverancier;Product;Versie\nBelastingen;${vendor};Hagelslag Belastingen;4.2\n`, 'landschap.csv');
    const after = (await inventory('GM0546')).find((a) => a.vendor === vendor && a.name === 'Belastingen')!;
    const before = imported.find((a) => a.name === 'Belastingen')!;
    expect(after.version).toBe('4.2');
    expect(after.productVersionId).not.toBe(before.productVersionId);
    const belastingen = (await catalogued(vendor)).find((p) => p.name === 'Hagelslag Belastingen')!;
    expect(belastingen.versions.map((v) => v.version).sort()).toEqual(['4.1', '4.2']);
  });

  it('when an ArchiMate model is imported, then its application components are linked by the vendor, product and version they carry', async () => {
    const vendor = vendorOfTest('Grutto');
    const existing = await create('GM0547', { name: 'Grutto Zaken', vendor, version: '7' });
    const model = archiModel({
      name: 'Gemeente Leiderdorp',
      elements: [{ id: archiId(`grutto-${vendor}`), type: 'ApplicationComponent', name: 'Zaaksysteem', properties: { Leverancier: vendor, Product: 'Grutto Zaken', Versie: '7' } }],
      relationships: [],
    });
    await editor.post('/api/v1/municipalities/GM0546/imports?mode=commit').attach('file', Buffer.from(model, 'utf8'), 'landschap.xml').expect(200);
    const [imported] = (await inventory('GM0546')).filter((a) => a.vendor === vendor);
    expect(imported!.productVersionId).toBe(existing.productVersionId);
  });

  it('when the migration runs over applications written before every write linked them, then each is linked', async () => {
    const vendor = vendorOfTest('Slootwater');
    await db().migrate.down({ migrationSource, name: '20261207120000_link_applications_written_since' });
    const linked = await create('GM0546', { name: 'Slootwater Zaken', vendor, version: '1' });
    const rows = await db()('applications')
      .insert([
        { municipality_code: 'GM0547', name: 'Zaken', vendor: vendor.toLowerCase(), product: 'slootwater zaken', version: 'v1', status: 'legacy', lifecycle: 'in_production' },
        { municipality_code: 'GM0547', name: 'Slootwater Nieuw', vendor, version: null, status: 'legacy', lifecycle: 'in_production' },
      ])
      .returning('id');
    await migrateToLatest(db());

    const [same, added] = await Promise.all(rows.map((r: { id: string }) => read(r.id)));
    expect(same!.application.productVersionId).toBe(linked.productVersionId);
    expect(added!.application.productVersionId).toEqual(expect.any(String));
    expect(Number((await db()('applications').whereNull('product_version_id').count('* as n').first())!.n)).toBe(0);
  });
});
