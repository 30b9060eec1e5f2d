/**
 * The usage rollups (see the migration create_usage_rollups), the one place that reads and writes them: which
 * reference components the landscape fills with legacy or compliant applications, and with which products, per
 * municipality and nationally. Kept exact by the same refresh as the progress rollups, in every write's
 * transaction; rebuilt set-based after bulk loads. One SQL definition of an application's usage facts serves both.
 */
import type { Knex } from 'knex';
import type { Layer } from '@tm/shared/schemas/application';
import { LANDSCAPE } from './landscape.ts';
import { addingTo, difference, placeholders, type Refresh, replacingRows, type Rollup } from './rollup-sums.ts';

const COMPONENT_COLUMNS = ['application_id', 'reference_component_id', 'municipality_code', 'application_name', 'product', 'vendor', 'legacy', 'compliant'];
const PRODUCT_COLUMNS = ['application_id', 'municipality_code', 'product', 'vendor'];
const PRODUCT = 'coalesce(a.product, a.name)';

function onlyThese(applicationIds: readonly string[] | undefined): { sql: string; bindings: Knex.RawBinding[] } {
  return applicationIds ? { sql: 'and a.id = any(?::uuid[])', bindings: [[...applicationIds]] } : { sql: '', bindings: [] };
}

/** Per application in today's landscape and reference component it fills: whether it is legacy or compliant. */
function componentFactsQuery(applicationIds?: readonly string[]) {
  const these = onlyThese(applicationIds);
  return {
    sql: `select a.id as application_id, r.reference_component_id, a.municipality_code, a.name as application_name,
                 ${PRODUCT} as product, a.vendor,
                 (a.status <> 'compliant')::int as legacy, (a.status = 'compliant')::int as compliant
          from applications a join application_reference_components r on r.application_id = a.id
          where a.deleted_at is null and a.lifecycle in ${LANDSCAPE} ${these.sql}`,
    bindings: these.bindings,
  };
}

/** Per compliant application in today's landscape: its product. */
function productFactsQuery(applicationIds?: readonly string[]) {
  const these = onlyThese(applicationIds);
  return {
    sql: `select a.id as application_id, a.municipality_code, ${PRODUCT} as product, a.vendor
          from applications a
          where a.deleted_at is null and a.lifecycle in ${LANDSCAPE} and a.status = 'compliant' ${these.sql}`,
    bindings: these.bindings,
  };
}

const count = ['application_count'];
const LEGACY_COMPONENTS: Rollup = {
  table: 'progress_legacy_components',
  keys: { municipality_code: 'text', reference_component_id: 'uuid' },
  columns: count,
};
const NATIONAL_LEGACY_COMPONENTS: Rollup = {
  table: 'progress_national_legacy_components',
  keys: { reference_component_id: 'uuid' },
  columns: ['municipality_count'],
};
const COMPLIANT_COMPONENT_PRODUCTS: Rollup = {
  table: 'progress_compliant_component_products',
  keys: { municipality_code: 'text', reference_component_id: 'uuid', product: 'text', vendor: 'text' },
  nullableKeys: ['vendor'],
  columns: count,
};
const COMPLIANT_PRODUCTS: Rollup = {
  table: 'progress_compliant_products',
  keys: { product: 'text', vendor: 'text', municipality_code: 'text' },
  nullableKeys: ['vendor'],
  columns: count,
};
const NATIONAL_COMPLIANT_PRODUCTS: Rollup = {
  table: 'progress_national_compliant_products',
  keys: { product: 'text', vendor: 'text' },
  nullableKeys: ['vendor'],
  columns: ['municipality_count', 'application_count'],
};

/**
 * A municipality counts nationally while its own count is above zero, so a national count of municipalities moves
 * only when a municipality's count crosses zero: +1 or -1 for each row of `added` (the new sums) whose count did,
 * given `diff` (what the write added) and the key columns that join them.
 */
function crossings(added: string, diff: string, keys: readonly string[], nullable: readonly string[] = []): string {
  const on = keys.map((k) => (nullable.includes(k) ? `n.${k} is not distinct from d.${k}` : `n.${k} = d.${k}`)).join(' and ');
  return `select ${keys.map((k) => `n.${k}`).join(', ')}, d.application_count as diff,
                 (n.application_count > 0)::int - (n.application_count - d.application_count > 0)::int as crossing
          from ${added} n join ${diff} d on ${on}`;
}

/** How the usage rollups follow the applications' current rows; the counterpart of `progressRefresh`. */
export function usageRefresh(applicationIds: readonly string[]): Refresh {
  const components = componentFactsQuery(applicationIds);
  const products = productFactsQuery(applicationIds);
  return {
    ctes: [
      replacingRows('components', 'progress_application_components', ['application_id', 'reference_component_id'], COMPONENT_COLUMNS, components.sql),
      replacingRows('products', 'progress_application_products', ['application_id'], PRODUCT_COLUMNS, products.sql),
      `legacy_diff as (${difference('components', ['municipality_code', 'reference_component_id'], { application_count: 'legacy' })})`,
      addingTo('legacy', LEGACY_COMPONENTS, 'select * from legacy_diff'),
      `legacy_crossings as (${crossings('legacy', 'legacy_diff', ['municipality_code', 'reference_component_id'])})`,
      addingTo(
        'national_legacy',
        NATIONAL_LEGACY_COMPONENTS,
        'select reference_component_id, sum(crossing) as municipality_count from legacy_crossings group by reference_component_id',
      ),
      addingTo(
        'component_products',
        COMPLIANT_COMPONENT_PRODUCTS,
        difference('components', ['municipality_code', 'reference_component_id', 'product', 'vendor'], { application_count: 'compliant' }),
      ),
      `product_diff as (${difference('products', ['product', 'vendor', 'municipality_code'], { application_count: '1' })})`,
      addingTo('compliant_products', COMPLIANT_PRODUCTS, 'select * from product_diff'),
      `product_crossings as (${crossings('compliant_products', 'product_diff', ['product', 'vendor', 'municipality_code'], ['vendor'])})`,
      addingTo(
        'national_products',
        NATIONAL_COMPLIANT_PRODUCTS,
        'select product, vendor, sum(crossing) as municipality_count, sum(diff) as application_count from product_crossings group by product, vendor',
      ),
    ],
    bindings: [[...applicationIds], ...components.bindings, [...applicationIds], [...applicationIds], ...products.bindings, [...applicationIds]],
    rollups: {
      legacy: LEGACY_COMPONENTS,
      national_legacy: NATIONAL_LEGACY_COMPONENTS,
      component_products: COMPLIANT_COMPONENT_PRODUCTS,
      compliant_products: COMPLIANT_PRODUCTS,
      national_products: NATIONAL_COMPLIANT_PRODUCTS,
    },
  };
}

/** Recomputes the usage rollups from today's rows, set-based; part of the full rebuild. */
export async function rebuildUsageRollups(db: Knex): Promise<void> {
  await db.raw(`truncate progress_application_components, progress_application_products, progress_legacy_components,
                progress_national_legacy_components, progress_compliant_component_products, progress_compliant_products,
                progress_national_compliant_products`);
  const components = componentFactsQuery();
  await db.raw(
    `insert into progress_application_components (${COMPONENT_COLUMNS.join(', ')}) ${components.sql}`,
    components.bindings,
  );
  const products = productFactsQuery();
  await db.raw(`insert into progress_application_products (${PRODUCT_COLUMNS.join(', ')}) ${products.sql}`, products.bindings);
  await db.raw(
    `insert into progress_legacy_components (municipality_code, reference_component_id, application_count)
     select municipality_code, reference_component_id, sum(legacy) from progress_application_components
     group by municipality_code, reference_component_id having sum(legacy) > 0`,
  );
  await db.raw(
    `insert into progress_national_legacy_components (reference_component_id, municipality_count)
     select reference_component_id, count(*) from progress_legacy_components group by reference_component_id`,
  );
  await db.raw(
    `insert into progress_compliant_component_products (reference_component_id, municipality_code, product, vendor, application_count)
     select reference_component_id, municipality_code, product, vendor, sum(compliant) from progress_application_components
     group by reference_component_id, municipality_code, product, vendor having sum(compliant) > 0`,
  );
  await db.raw(
    `insert into progress_compliant_products (product, vendor, municipality_code, application_count)
     select product, vendor, municipality_code, count(*) from progress_application_products
     group by product, vendor, municipality_code`,
  );
  await db.raw(
    `insert into progress_national_compliant_products (product, vendor, municipality_count, application_count)
     select product, vendor, count(*), sum(application_count) from progress_compliant_products group by product, vendor`,
  );
}

/**
 * The reference components the most municipalities' landscapes fill with legacy applications: nationally, or among
 * `codes` (a province's or a size class's municipalities) from the per-municipality rollup.
 */
export async function topLegacyReferenceComponents(db: Knex, limit: number, codes?: readonly string[]) {
  const rows: { id: string; name: string; n: number }[] = (
    codes
      ? await db.raw(
          `select rc.id, rc.name, count(*) as n
           from progress_legacy_components l join reference_components rc on rc.id = l.reference_component_id
           where l.application_count > 0 and l.municipality_code = any(?::text[])
           group by rc.id, rc.name
           order by n desc, rc.name limit ?`,
          [[...codes], limit],
        )
      : await db.raw(
          `select rc.id, rc.name, n.municipality_count as n
           from progress_national_legacy_components n join reference_components rc on rc.id = n.reference_component_id
           where n.municipality_count > 0
           order by n desc, rc.name limit ?`,
          [limit],
        )
  ).rows;
  return rows.map((r) => ({ referenceComponentId: r.id, name: r.name, municipalityCount: Number(r.n) }));
}

/** The compliant products in the most municipalities' landscapes: nationally, or among `codes`. */
export async function topCompliantProducts(db: Knex, limit: number, codes?: readonly string[]) {
  const source = codes
    ? db('progress_compliant_products')
        .select('product', 'vendor', db.raw('count(*) as municipality_count'), db.raw('sum(application_count) as application_count'))
        .where('application_count', '>', 0)
        .whereRaw('municipality_code = any(?::text[])', [[...codes]])
        .groupBy('product', 'vendor')
    : db('progress_national_compliant_products').select('product', 'vendor', 'municipality_count', 'application_count').where('municipality_count', '>', 0);
  const rows: { product: string; vendor: string | null; municipality_count: number; application_count: number }[] = await db
    .select('*')
    .from(source.as('p'))
    .orderBy([
      { column: 'municipality_count', order: 'desc' },
      { column: 'application_count', order: 'desc' },
      'product',
      'vendor',
    ])
    .limit(limit);
  return rows.map((r) => ({
    product: r.product,
    vendor: r.vendor,
    municipalityCount: Number(r.municipality_count),
    applicationCount: Number(r.application_count),
  }));
}

/**
 * The legacy applications in `code`'s landscape, once per reference component each fills, with the product key the
 * compliant products are counted by (so a product legacy here and compliant elsewhere is recognised) and the layer.
 */
export async function legacyComponentsOf(db: Knex, code: string) {
  const rows: { rc: string; rc_name: string; id: string; name: string; product: string; vendor: string | null; layer: Layer | null }[] = (
    await db.raw(
      `select c.reference_component_id as rc, rc.name as rc_name, c.application_id as id, c.application_name as name,
              c.product, c.vendor, a.layer
       from progress_application_components c join reference_components rc on rc.id = c.reference_component_id
       join applications a on a.id = c.application_id
       where c.municipality_code = ? and c.legacy = 1
       order by rc.name, c.application_name, c.application_id`,
      [code],
    )
  ).rows;
  return rows;
}

/**
 * The compliant products that `municipalities` use for each of `components`, nearest to `code` in population
 * first.
 */
export async function compliantProductsFor(db: Knex, code: string, components: readonly string[], municipalities: readonly string[]) {
  if (components.length === 0 || municipalities.length === 0) return [];
  const rows: { rc: string; product: string; vendor: string | null; code: string; municipality: string }[] = (
    await db.raw(
      `select p.reference_component_id as rc, p.product, p.vendor, p.municipality_code as code, mu.name as municipality
       from progress_compliant_component_products p
       join municipalities mu on mu.code = p.municipality_code
       where p.reference_component_id in (${placeholders(components)})
         and p.municipality_code in (${placeholders(municipalities)})
         and p.application_count > 0
       order by abs(mu.population - (select population from municipalities where code = ?)), mu.name`,
      [...components, ...municipalities, code],
    )
  ).rows;
  return rows;
}
