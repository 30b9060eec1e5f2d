import type { Knex } from 'knex';

/**
 * The rollups' 21 foreign keys go. Every row of a `progress_*` table is derived by the write path, in the write's
 * own transaction, from rows whose foreign keys already hold: application ids from the applications it wrote,
 * municipality codes from those applications and their history, reference components from
 * `application_reference_components`, product versions from `applications.product_version_id`. None of the rows they
 * point at is ever deleted (an application is marked deleted, and the same write's refresh takes its rollup rows
 * away; a municipality that merges away stays in the register; reference components and product versions, merged
 * ones too, stay) and none of these keys cascades, so they never refused or carried anything. What they cost is a
 * lookup of the referenced row, and a lock on it, for every rollup row a write inserts: tens of thousands for an
 * import of 10,000 applications. The rollup oracle test holds every rollup against a recomputation from the raw rows.
 */
/** What each rollup column pointed at. */
const TARGET: Record<string, string> = {
  application_id: 'applications.id',
  municipality_code: 'municipalities.code',
  reference_component_id: 'reference_components.id',
  product_version_id: 'product_versions.id',
};

const KEYS: Record<string, string[]> = {
  progress_application_steps: ['application_id'],
  progress_municipality_deltas: ['municipality_code'],
  progress_current: ['municipality_code'],
  progress_start: ['municipality_code'],
  progress_application_facts: ['application_id'],
  progress_completeness: ['municipality_code'],
  progress_application_components: ['application_id', 'reference_component_id', 'product_version_id'],
  progress_application_products: ['application_id', 'product_version_id'],
  progress_legacy_components: ['municipality_code', 'reference_component_id'],
  progress_national_legacy_components: ['reference_component_id'],
  progress_compliant_component_products: ['reference_component_id', 'municipality_code', 'product_version_id'],
  progress_compliant_products: ['municipality_code', 'product_version_id'],
  progress_verified_facts: ['application_id'],
  progress_verified: ['municipality_code'],
};

export async function up(knex: Knex): Promise<void> {
  for (const [table, columns] of Object.entries(KEYS))
    await knex.schema.alterTable(table, (t) => {
      for (const column of columns) t.dropForeign([column]);
    });
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, columns] of Object.entries(KEYS))
    await knex.schema.alterTable(table, (t) => {
      for (const column of columns) t.foreign(column).references(TARGET[column]!);
    });
}
