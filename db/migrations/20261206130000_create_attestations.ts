import type { Knex } from 'knex';

/**
 * Editors' confirmations that an inventory is complete and current (PRODUCT §11). Each one is kept: the last one
 * as known at a moment decides the freshness of the figures of that moment.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('attestations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('municipality_code').notNullable().references('code').inTable('municipalities').onUpdate('CASCADE');
    t.timestamp('attested_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('actor_id');
    t.text('actor_name').notNullable();
    t.index(['municipality_code', 'attested_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('attestations');
}
