import type { Knex } from 'knex';

/**
 * What the dashboards' top lists and peer recommendations count, precomputed like the progress rollups: each
 * application's usage facts in today's landscape (which reference components it fills, legacy or compliant, with
 * which product), and their sums per municipality and nationally, kept exact by the same refresh in every write's
 * transaction. A national figure that counts municipalities ("how many still run legacy for this component") moves
 * only when a municipality's own count crosses zero, so the refresh carries that step up instead of recounting.
 *
 * A product is `coalesce(product, name)` with its vendor; the vendor may be null and '' is a different vendor,
 * hence unique indexes with nulls not distinct rather than primary keys.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('progress_application_components', (t) => {
    t.uuid('application_id').notNullable().references('id').inTable('applications');
    t.uuid('reference_component_id').notNullable().references('id').inTable('reference_components');
    t.text('municipality_code').notNullable();
    // The application's own name too, so that a municipality's legacy applications per component (the peers'
    // recommendations) are one index range without a join.
    t.text('application_name').notNullable();
    t.text('product').notNullable();
    t.text('vendor');
    t.integer('legacy').notNullable();
    t.integer('compliant').notNullable();
    t.primary(['application_id', 'reference_component_id']);
  });
  await knex.raw(`create index progress_application_components_legacy on progress_application_components
                  (municipality_code) where legacy = 1`);
  await knex.schema.createTable('progress_application_products', (t) => {
    t.uuid('application_id').primary().references('id').inTable('applications');
    t.text('municipality_code').notNullable();
    t.text('product').notNullable();
    t.text('vendor');
  });

  // Legacy applications per municipality and reference component.
  await knex.schema.createTable('progress_legacy_components', (t) => {
    t.text('municipality_code').notNullable().references('code').inTable('municipalities');
    t.uuid('reference_component_id').notNullable().references('id').inTable('reference_components');
    t.integer('application_count').notNullable();
    t.primary(['municipality_code', 'reference_component_id']);
  });
  await knex.schema.createTable('progress_national_legacy_components', (t) => {
    t.uuid('reference_component_id').primary().references('id').inTable('reference_components');
    t.integer('municipality_count').notNullable();
  });

  // Compliant applications per municipality, reference component and product: the peers' recommendations.
  await knex.schema.createTable('progress_compliant_component_products', (t) => {
    t.uuid('reference_component_id').notNullable().references('id').inTable('reference_components');
    t.text('municipality_code').notNullable().references('code').inTable('municipalities');
    t.text('product').notNullable();
    t.text('vendor');
    t.integer('application_count').notNullable();
  });
  // Municipality first: a peer group is usually a few municipalities, and a municipality's legacy spans most components.
  await knex.raw(`create unique index progress_compliant_component_products_key on progress_compliant_component_products
                  (municipality_code, reference_component_id, product, vendor) nulls not distinct`);

  // Compliant applications per product and municipality, and per product nationally: the most adopted products.
  await knex.schema.createTable('progress_compliant_products', (t) => {
    t.text('product').notNullable();
    t.text('vendor');
    t.text('municipality_code').notNullable().references('code').inTable('municipalities');
    t.integer('application_count').notNullable();
  });
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

  // Derived data, filled from today's rows by the migration that keys them by product version (their shape now).
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'progress_national_compliant_products',
    'progress_compliant_products',
    'progress_compliant_component_products',
    'progress_national_legacy_components',
    'progress_legacy_components',
    'progress_application_products',
    'progress_application_components',
  ])
    await knex.schema.dropTable(table);
}
