import type { Knex } from 'knex';

/** How long an attestation keeps an inventory fresh (PRODUCT §11): a programme setting, 6 months unless changed. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('programme_settings', (t) => {
    t.smallint('stale_after_months').notNullable().defaultTo(6);
    t.check('stale_after_months between 1 and 60', [], 'programme_settings_stale_after_months');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('programme_settings', (t) => {
    t.dropChecks('programme_settings_stale_after_months');
    t.dropColumn('stale_after_months');
  });
}
