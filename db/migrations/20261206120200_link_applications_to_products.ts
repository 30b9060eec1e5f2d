import type { Knex } from 'knex';
import { linkUnlinkedApplications } from '../src/catalogue-links.ts';

/**
 * Every application runs a product version of the catalogue (PRODUCT §9). Existing applications are linked by the
 * normalised vendor, product and version they name, with the application's name standing in for a blank product;
 * what the catalogue does not know yet is added to it, so that no application is left without a version.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('applications', (t) => {
    t.uuid('product_version_id').references('id').inTable('product_versions');
  });
  // What the catalogue counts per version (who runs it today) can be read from the index alone.
  await knex.raw(
    'create index applications_product_version_idx on applications (product_version_id, lifecycle, municipality_code, status) where deleted_at is null',
  );
  await linkUnlinkedApplications(knex);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('applications', (t) => {
    t.dropColumn('product_version_id');
  });
}
