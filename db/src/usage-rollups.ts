/**
 * The usage rollups (see the migration create_usage_rollups): which reference components the landscape fills with
 * legacy or compliant applications, and with which products, per municipality and nationally. Kept exact by the
 * same refresh as the progress rollups, in every write's transaction; rebuilt set-based after bulk loads. One SQL
 * definition of an application's usage facts serves both.
 */
import type { Knex } from 'knex';
import { LANDSCAPE } from './landscape.ts';
import { accumulate, type Added, addToRollup, crossingOf, type Diffs, placeholders, replaceApplicationRows } from './rollup-sums.ts';

type ComponentFact = {
  reference_component_id: string;
  municipality_code: string;
  product: string;
  vendor: string | null;
  legacy: number;
  compliant: number;
};
type ProductFact = { municipality_code: string; product: string; vendor: string | null };
type Count = { application_count: number };

const COMPONENT_COLUMNS = ['application_id', 'reference_component_id', 'municipality_code', 'application_name', 'product', 'vendor', 'legacy', 'compliant'];
const PRODUCT_COLUMNS = ['application_id', 'municipality_code', 'product', 'vendor'];
const PRODUCT = 'coalesce(a.product, a.name)';

function onlyThese(applicationIds: readonly string[] | undefined): { sql: string; bindings: string[] } {
  return applicationIds ? { sql: `and a.id in (${placeholders(applicationIds)})`, bindings: [...applicationIds] } : { sql: '', bindings: [] };
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

/** Carries a municipality-level count's zero crossings up to the national count of municipalities. */
function nationalCounts<N extends Record<string, number>>(
  added: readonly Added<Count>[],
  keyColumns: readonly string[],
  valuesOf: (a: Added<Count>, crossing: number) => N,
  columns: readonly (keyof N & string)[],
): Diffs<N> {
  const out: Diffs<N> = new Map();
  for (const a of added)
    accumulate(out, Object.fromEntries(keyColumns.map((k) => [k, a.key[k]!])), valuesOf(a, crossingOf(a, 'application_count')), columns, 1);
  return out;
}

/** Brings the usage rollups in line with the applications' current rows; part of refreshRollupsOf. */
export async function refreshUsageRollupsOf(db: Knex, applicationIds: readonly string[]): Promise<void> {
  const components = await replaceApplicationRows<ComponentFact>(
    db,
    'progress_application_components',
    applicationIds,
    COMPONENT_COLUMNS,
    componentFactsQuery(applicationIds),
  );
  const products = await replaceApplicationRows<ProductFact>(
    db,
    'progress_application_products',
    applicationIds,
    PRODUCT_COLUMNS,
    productFactsQuery(applicationIds),
  );

  const legacy: Diffs<Count> = new Map();
  const componentProducts: Diffs<Count> = new Map();
  for (const [rows, sign] of [[components.before, -1], [components.after, 1]] as const)
    for (const c of rows) {
      accumulate(legacy, { municipality_code: c.municipality_code, reference_component_id: c.reference_component_id }, { application_count: c.legacy }, ['application_count'], sign);
      accumulate(
        componentProducts,
        { reference_component_id: c.reference_component_id, municipality_code: c.municipality_code, product: c.product, vendor: c.vendor },
        { application_count: c.compliant },
        ['application_count'],
        sign,
      );
    }
  const productCounts: Diffs<Count> = new Map();
  for (const [rows, sign] of [[products.before, -1], [products.after, 1]] as const)
    for (const p of rows)
      accumulate(productCounts, { product: p.product, vendor: p.vendor, municipality_code: p.municipality_code }, { application_count: 1 }, ['application_count'], sign);

  const legacyAdded = await addToRollup(db, 'progress_legacy_components', ['municipality_code', 'reference_component_id'], ['application_count'], legacy);
  await addToRollup(
    db,
    'progress_national_legacy_components',
    ['reference_component_id'],
    ['municipality_count'],
    nationalCounts(legacyAdded, ['reference_component_id'], (_, crossing) => ({ municipality_count: crossing }), ['municipality_count']),
  );
  await addToRollup(
    db,
    'progress_compliant_component_products',
    ['reference_component_id', 'municipality_code', 'product', 'vendor'],
    ['application_count'],
    componentProducts,
  );
  const productsAdded = await addToRollup(db, 'progress_compliant_products', ['product', 'vendor', 'municipality_code'], ['application_count'], productCounts);
  await addToRollup(
    db,
    'progress_national_compliant_products',
    ['product', 'vendor'],
    ['municipality_count', 'application_count'],
    nationalCounts(
      productsAdded,
      ['product', 'vendor'],
      (a, crossing) => ({ municipality_count: crossing, application_count: a.diff.application_count }),
      ['municipality_count', 'application_count'],
    ),
  );
}

/** Recomputes the usage rollups from today's rows, set-based; part of rebuildRollups. */
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
