/**
 * Finding the catalogue's product version for what an application says it runs (PRODUCT §9): by the shared
 * normaliser's keys of vendor, product and version; through a steward's alias when the spelling has one; added to
 * the catalogue when it is unknown. Set-based, so that one call serves a single write, an import of thousands of
 * rows, the backfill of every existing application and the demo landscape alike.
 */
import type { Knex } from 'knex';
import { productNameKey, productNameOf, searchableName, searchableVendor, vendorKey, versionKey } from '@tm/shared/catalogue/product-keys';
import { oncePerValue } from '@tm/shared/once-per-value';
import { uuidFromMd5 } from './sql-ids.ts';

/** What an application says about the product it runs; a blank product falls back to the application's name. */
export type ProductDescription = { vendor?: string | null; product?: string | null; name: string; version?: string | null };

export type LinkOptions = {
  /** Derive the ids of new products and versions from this seed and their keys (the reproducible demo); random without. */
  idSeed?: number;
};

type WantedProduct = {
  vendor: string | null;
  name: string;
  vendor_key: string;
  name_key: string;
  vendor_words: string;
  name_words: string;
};

const productKey = (vendor: string, name: string) => `${vendor}\u0000${name}`;

/** A merge that commits between finding a product and locking it sends us round again; more than a few in a row is a bug. */
const MAX_ATTEMPTS = 5;

function newId(options: LinkOptions, what: string): string {
  return options.idSeed === undefined ? 'gen_random_uuid()' : uuidFromMd5(`md5('${options.idSeed}:' || ${what})`);
}

/**
 * Each wanted product's id, by its keys: through an alias, else a live product, else a product added now. One
 * statement reads the keys there are and adds the rest; a key that someone else added meanwhile is left out (its
 * insert did nothing), to be found by the next attempt.
 */
async function productIdsByKey(db: Knex, wanted: WantedProduct[], options: LinkOptions): Promise<Map<string, { id: string; added: boolean }>> {
  const { rows } = await db.raw(
    `with wanted as (
       select * from jsonb_to_recordset(?::jsonb) as w(vendor text, name text, vendor_key text, name_key text, vendor_words text, name_words text)
     ), known as (
       select w.*, coalesce(a.product_id, p.id) as id
       from wanted w
       left join product_aliases a on a.vendor_key = w.vendor_key and a.name_key = w.name_key
       left join products p on p.vendor_key = w.vendor_key and p.name_key = w.name_key and p.merged_into is null
     ), added as (
       insert into products (id, vendor, name, vendor_key, name_key, vendor_words, name_words)
       select ${newId(options, `'product:' || w.vendor_key || '/' || w.name_key`)}, w.vendor, w.name, w.vendor_key, w.name_key, w.vendor_words, w.name_words
       from known w where w.id is null
       on conflict (vendor_key, name_key) where merged_into is null do nothing
       returning vendor_key, name_key, id
     )
     select vendor_key, name_key, id, false as added from known where id is not null
     union all
     select vendor_key, name_key, id, true from added`,
    [JSON.stringify(wanted)],
  );
  return new Map((rows as { vendor_key: string; name_key: string; id: string; added: boolean }[]).map((r) => [productKey(r.vendor_key, r.name_key), { id: r.id, added: r.added }]));
}

/**
 * Resolves every product and holds it (FOR SHARE) until the caller's transaction ends, so that a steward's merge
 * either waits for this write (and then carries its applications along) or has committed before it (and then the
 * alias it left leads here to the surviving product). A product this transaction added is no one else's to merge
 * until it commits.
 */
async function lockedProductIds(db: Knex, wanted: WantedProduct[], options: LinkOptions): Promise<Map<string, string>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const found = await productIdsByKey(db, wanted, options);
    const held = [...new Set([...found.values()].filter((p) => !p.added).map((p) => p.id))];
    const live = held.length > 0 ? await db('products').whereRaw('id = any(?::uuid[])', [held]).whereNull('merged_into').forShare().pluck('id') : [];
    if (found.size === wanted.length && live.length === held.length) return new Map([...found].map(([key, p]) => [key, p.id]));
  }
  throw new Error('the catalogue kept changing while products were being linked');
}

/**
 * The product version of each description, in the same order, adding to the catalogue what it does not know yet.
 * Call it inside the transaction of the write that stores the links.
 */
export async function linkProductVersions(db: Knex, descriptions: readonly ProductDescription[], options: LinkOptions = {}): Promise<string[]> {
  if (descriptions.length === 0) return [];
  const keyOf = { vendor: oncePerValue(vendorKey), name: oncePerValue(productNameKey), version: oncePerValue(versionKey) };
  const keyed = descriptions.map((d) => {
    const name = productNameOf(d);
    return {
      vendor: d.vendor?.trim() || null,
      name,
      version: d.version?.trim() || null,
      vendorKey: keyOf.vendor(d.vendor),
      nameKey: keyOf.name(name),
      versionKey: keyOf.version(d.version),
    };
  });
  // The first spelling of a new product or version is the one the catalogue shows.
  const products = new Map<string, WantedProduct>();
  const wordsOf = { vendor: oncePerValue(searchableVendor), name: oncePerValue(searchableName) };
  for (const k of keyed) {
    const key = productKey(k.vendorKey, k.nameKey);
    if (!products.has(key))
      products.set(key, {
        vendor: k.vendor,
        name: k.name,
        vendor_key: k.vendorKey,
        name_key: k.nameKey,
        vendor_words: wordsOf.vendor(k.vendor),
        name_words: wordsOf.name(k.name),
      });
  }
  const productIds = await lockedProductIds(db, [...products.values()], options);

  const versions = new Map<string, { product_id: string; version: string | null; version_key: string }>();
  for (const k of keyed) {
    const productId = productIds.get(productKey(k.vendorKey, k.nameKey))!;
    const key = productKey(productId, k.versionKey);
    if (!versions.has(key)) versions.set(key, { product_id: productId, version: k.version, version_key: k.versionKey });
  }
  const json = JSON.stringify([...versions.values()]);
  await db.raw(
    `insert into product_versions (id, product_id, version, version_key)
     select ${newId(options, `'version:' || w.product_id || '/' || w.version_key`)}, w.product_id, w.version, w.version_key
     from jsonb_to_recordset(?::jsonb) as w(product_id uuid, version text, version_key text)
     on conflict (product_id, version_key) where merged_into is null do nothing`,
    [json],
  );
  const { rows } = await db.raw(
    `select v.id, v.product_id, v.version_key
     from product_versions v
     join jsonb_to_recordset(?::jsonb) as w(product_id uuid, version_key text) on v.product_id = w.product_id and v.version_key = w.version_key
     where v.merged_into is null`,
    [json],
  );
  const versionIds = new Map((rows as { id: string; product_id: string; version_key: string }[]).map((r) => [productKey(r.product_id, r.version_key), r.id]));
  return keyed.map((k) => versionIds.get(productKey(productIds.get(productKey(k.vendorKey, k.nameKey))!, k.versionKey))!);
}

export type LinkTotals = { applications: number; products: number; versions: number };

/**
 * Links every application that has no product version yet. The spelling of vendor and product that most
 * applications use comes first, so it is the one the catalogue shows.
 */
export async function linkUnlinkedApplications(db: Knex, options: LinkOptions = {}): Promise<LinkTotals> {
  return db.transaction(async (trx) => {
    const before = await catalogueSize(trx);
    const { rows } = await trx.raw(`
      select vendor, product, name, version from (
        select coalesce(vendor, '') as vendor, coalesce(product, '') as product,
          case when nullif(trim(product), '') is null then name else '' end as name, coalesce(version, '') as version, count(*) as n
        from applications where product_version_id is null
        group by 1, 2, 3, 4
      ) spelled
      order by sum(n) over (partition by vendor, product, name) desc, n desc, vendor, product, name, version`);
    const spellings = rows as { vendor: string; product: string; name: string; version: string }[];
    if (spellings.length === 0) return { applications: 0, products: 0, versions: 0 };
    const ids = await linkProductVersions(trx, spellings.map((s) => ({ ...s, name: s.name || s.product })), options);
    // A table with statistics, not a JSON function the planner guesses at 100 rows: joined with every application,
    // that guess makes a nested loop of hours at national scale.
    await trx.raw('create temp table catalogue_links (vendor text, product text, name text, version text, id uuid) on commit drop');
    await trx.raw(
      `insert into catalogue_links select * from jsonb_to_recordset(?::jsonb) as m(vendor text, product text, name text, version text, id uuid)`,
      [JSON.stringify(spellings.map((s, i) => ({ ...s, id: ids[i] })))],
    );
    await trx.raw('analyze catalogue_links');
    const linked = await trx.raw(
      `update applications a set product_version_id = m.id
       from catalogue_links m
       where a.product_version_id is null
         and coalesce(a.vendor, '') = m.vendor and coalesce(a.product, '') = m.product and coalesce(a.version, '') = m.version
         and (case when nullif(trim(a.product), '') is null then a.name else '' end) = m.name`,
    );
    await trx.raw('drop table catalogue_links');
    const after = await catalogueSize(trx);
    return { applications: linked.rowCount as number, products: after.products - before.products, versions: after.versions - before.versions };
  });
}

async function catalogueSize(db: Knex): Promise<{ products: number; versions: number }> {
  const { rows } = await db.raw('select (select count(*) from products)::int as products, (select count(*) from product_versions)::int as versions');
  return rows[0];
}
