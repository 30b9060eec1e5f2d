import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkProductVersions } from './catalogue-links.ts';
import { migrateToLatest, migrationSource } from './migrations.ts';
import { openTestDb, type TestDb } from './testing.ts';

/** Latest first: the usage rollups and the coalitions refer to products, so they go before the catalogue can. */
const CATALOGUE_MIGRATIONS = [
  '20261208100000_key_usage_rollups_by_product_version',
  '20261207170000_create_coalitions',
  '20261206120200_link_applications_to_products',
  '20261206120100_create_product_catalogue',
  '20261206120000_add_steward_role',
];

let testDb: TestDb;
let db: Knex;
beforeAll(async () => {
  testDb = await openTestDb();
  db = testDb.db;
});
afterAll(async () => {
  await testDb.close();
});

type Spelling = { vendor: string | null; product: string | null; name: string; version: string | null };

async function insertApplications(code: string, spellings: Spelling[]): Promise<string[]> {
  const rows = await db('applications')
    .insert(spellings.map((s) => ({ municipality_code: code, status: 'legacy', lifecycle: 'in_production', ...s })))
    .returning('id');
  return rows.map((r: { id: string }) => r.id);
}

async function linksOf(ids: string[]): Promise<{ product: string; version: string | null }[]> {
  const rows = await db('applications as a')
    .join('product_versions as v', 'v.id', 'a.product_version_id')
    .join('products as p', 'p.id', 'v.product_id')
    .whereIn('a.id', ids)
    .select('a.id', 'p.id as product', 'v.version');
  const byId = new Map(rows.map((r) => [r.id, { product: r.product, version: r.version }]));
  return ids.map((id) => byId.get(id)!);
}

describe('the catalogue migrations', () => {
  it('when they run on existing applications, then each is linked by vendor, product and version as the normaliser reads them', async () => {
    for (const name of CATALOGUE_MIGRATIONS) await db.migrate.down({ migrationSource, name });
    expect(await db.schema.hasTable('products')).toBe(false);
    expect(await db.schema.hasColumn('applications', 'product_version_id')).toBe(false);

    const [kwakkel, kwakkelBv, kwakkelLower, kwakkelOther, named, namedAgain, otherVendor, noVendor] = await insertApplications('GM0546', [
      { vendor: 'Kwakkel B.V.', product: 'Kwakkel Zaken', name: 'Zaken', version: '5.2' },
      { vendor: 'Kwakkel', product: 'Kwakkel Zaken', name: 'Zaken 2', version: 'v5.2' },
      { vendor: 'kwakkel bv', product: 'kwakkel zaken', name: 'Zaken 3', version: '5,2' },
      { vendor: 'KWAKKEL', product: 'Kwakkel Zaken', name: 'Zaken 4', version: '5.2.1' },
      { vendor: 'Kwakkel', product: '  ', name: 'Sleutelstad Zaken', version: null },
      { vendor: 'Kwakkel Ltd', product: null, name: 'sleutelstad zaken', version: '' },
      { vendor: 'Kwakkelhuis', product: 'Kwakkel Zaken', name: 'Zaken 5', version: '5.2' },
      { vendor: null, product: 'Kwakkel Zaken', name: 'Zaken 6', version: '5.2' },
      { vendor: 'Kwakkel', product: 'Kwakkel Zaken', name: 'Zaken 7', version: '6.0' },
    ]);
    await migrateToLatest(db);

    const links = await linksOf([kwakkel!, kwakkelBv!, kwakkelLower!, kwakkelOther!, named!, namedAgain!, otherVendor!, noVendor!]);
    const [a, b, c, d, e, f, g, h] = links;
    expect([b, c]).toEqual([a, a]);
    expect(d).toEqual({ product: a!.product, version: '5.2.1' });
    expect(f).toEqual(e);
    expect(e).toEqual({ product: expect.any(String), version: null });
    expect(new Set([a!.product, e!.product, g!.product, h!.product]).size).toBe(4);
    const { rows } = await db.raw(`select count(*)::int as unlinked from applications where product_version_id is null`);
    expect(rows[0].unlinked).toBe(0);
    // The spelling most applications use is the one the catalogue shows.
    expect(await db('products').where({ id: a!.product }).first('vendor', 'name')).toEqual({ vendor: 'Kwakkel', name: 'Kwakkel Zaken' });
    expect(await db('users').insert({ email: 'steward@test.local', name: 'Steward', role: 'steward' }).returning('role')).toEqual([{ role: 'steward' }]);
  });
});

describe('linking product versions', () => {
  it('when the same product is named twice in one batch, then both get one version, in the order asked', async () => {
    const ids = await linkProductVersions(db, [
      { vendor: 'Hunebed Open Source', name: 'Hunebed Zaken', version: '1.0' },
      { vendor: 'Hunebed', name: 'Hunebed Zaken', version: '1.0' },
      { vendor: 'HUNEBED OPEN SOURCE B.V.', product: 'hunebed zaken', name: 'Iets anders', version: '1,0' },
    ]);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[1]).not.toBe(ids[0]);
    expect(await linkProductVersions(db, [{ vendor: 'Hunebed open source', name: 'Hunebed-Zaken', version: 'versie 1.0' }])).toEqual([ids[0]]);
  });

  it('when a spelling is an alias, then it links to the alias’s product', async () => {
    const [original] = await linkProductVersions(db, [{ vendor: 'Fietsbel Platform', name: 'Fietsbel Geo', version: '2.0' }]);
    const { product_id: productId } = await db('product_versions').where({ id: original }).first('product_id');
    await db('product_aliases').insert({ product_id: productId, vendor: 'Fietsbel', name: 'Fietsbel GIS', vendor_key: 'fietsbel', name_key: 'fietsbelgis', origin: 'steward', actor_name: 'test' });
    const [viaAlias] = await linkProductVersions(db, [{ vendor: 'FIETSBEL', name: 'Fietsbel G.I.S.', version: '2.0' }]);
    expect(viaAlias).toBe(original);
  });
});
