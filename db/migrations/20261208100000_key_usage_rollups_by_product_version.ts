import type { Knex } from 'knex';
import { rebuildUsageRollups } from '../src/usage-rollups.ts';

/**
 * PRODUCT §9: the top lists and peer recommendations name products by the catalogue, and leave out a version whose
 * current assessment is `not_compliant`. The usage rollups counted a product by the words an application gave for it
 * (`coalesce(product, name)` and vendor); they now count by product version, so that the catalogue's product and the
 * version's assessment are joined when read, and a verdict or a merge of products needs no recount. A municipality
 * counted once per product nationally is then a distinct count over versions, read from the per-municipality rollup:
 * the national product rollup goes.
 */
const KEYED = ['progress_application_components', 'progress_application_products', 'progress_compliant_component_products', 'progress_compliant_products'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.dropTable('progress_national_compliant_products');
  for (const table of KEYED) {
    await knex.raw(`truncate ${table}`);
    await knex.schema.alterTable(table, (t) => {
      t.dropColumn('product');
      t.dropColumn('vendor');
      t.uuid('product_version_id').references('id').inTable('product_versions');
    });
  }
  await knex.raw(`create unique index progress_compliant_component_products_key on progress_compliant_component_products
                  (municipality_code, reference_component_id, product_version_id) nulls not distinct`);
  await knex.raw(`create unique index progress_compliant_products_key on progress_compliant_products
                  (product_version_id, municipality_code) nulls not distinct`);
  await rebuildUsageRollups(knex);
}

/** Back to counting by the words given: the rollups of that shape, filled from today's rows as they were then. */
export async function down(knex: Knex): Promise<void> {
  for (const table of KEYED) {
    await knex.raw(`truncate ${table}`);
    await knex.schema.alterTable(table, (t) => {
      t.dropColumn('product_version_id');
      t.text('product');
      t.text('vendor');
    });
  }
  await knex.raw(`create unique index progress_compliant_component_products_key on progress_compliant_component_products
                  (municipality_code, reference_component_id, product, vendor) nulls not distinct`);
  await knex.raw(`create unique index progress_compliant_products_key on progress_compliant_products
                  (product, vendor, municipality_code) nulls not distinct`);
  await knex.schema.createTable('progress_national_compliant_products', (t) => {
    t.text('product').notNullable();
    t.text('vendor');
    t.integer('municipality_count').notNullable();
    t.integer('application_count').notNullable();
  });
  await knex.raw(`create unique index progress_national_compliant_products_key on progress_national_compliant_products
                  (product, vendor) nulls not distinct`);
  await knex.raw(`create index progress_national_compliant_products_top on progress_national_compliant_products
                  (municipality_count desc, application_count desc, product, vendor)`);

  const landscape = `a.deleted_at is null and a.lifecycle in ('in_production', 'phasing_out')`;
  await knex.raw(`insert into progress_application_components
                    (application_id, reference_component_id, municipality_code, application_name, product, vendor, legacy, compliant)
                  select a.id, r.reference_component_id, a.municipality_code, a.name, coalesce(a.product, a.name), a.vendor,
                         (a.status <> 'compliant')::int, (a.status = 'compliant')::int
                  from applications a join application_reference_components r on r.application_id = a.id where ${landscape}`);
  await knex.raw(`insert into progress_application_products (application_id, municipality_code, product, vendor)
                  select a.id, a.municipality_code, coalesce(a.product, a.name), a.vendor
                  from applications a where ${landscape} and a.status = 'compliant'`);
  await knex.raw(`insert into progress_compliant_component_products (reference_component_id, municipality_code, product, vendor, application_count)
                  select reference_component_id, municipality_code, product, vendor, sum(compliant) from progress_application_components
                  group by reference_component_id, municipality_code, product, vendor having sum(compliant) > 0`);
  await knex.raw(`insert into progress_compliant_products (product, vendor, municipality_code, application_count)
                  select product, vendor, municipality_code, count(*) from progress_application_products
                  group by product, vendor, municipality_code`);
  await knex.raw(`insert into progress_national_compliant_products (product, vendor, municipality_count, application_count)
                  select product, vendor, count(*), sum(application_count) from progress_compliant_products group by product, vendor`);
}
