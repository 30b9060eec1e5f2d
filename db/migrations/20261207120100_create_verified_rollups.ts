import type { Knex } from 'knex';
import { rebuildVerifiedRollups } from '../src/verified-rollups.ts';

/**
 * PRODUCT §9, consistency: what the catalogue's verified judgements make of each landscape, as a rollup beside the
 * progress rollups (see `src/verified-rollups.ts`): facts per application that runs a verified version, sums per
 * municipality. Filled from the rows there are.
 */
export async function up(knex: Knex): Promise<void> {
  const columns = (t: Knex.CreateTableBuilder) => {
    for (const c of ['verified_count', 'verdict_compliant', 'reported_compliant', 'disagreement_count']) t.integer(c).notNullable().defaultTo(0);
    for (const c of ['verified_cost', 'verdict_compliant_cost', 'reported_compliant_cost']) t.decimal(c, 18, 2).notNullable().defaultTo(0);
  };
  await knex.schema.createTable('progress_verified_facts', (t) => {
    t.uuid('application_id').primary().references('id').inTable('applications');
    t.text('municipality_code').notNullable();
    columns(t);
  });
  await knex.schema.createTable('progress_verified', (t) => {
    t.text('municipality_code').primary().references('code').inTable('municipalities');
    columns(t);
  });
  await knex.transaction((trx) => rebuildVerifiedRollups(trx));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('progress_verified');
  await knex.schema.dropTable('progress_verified_facts');
}
