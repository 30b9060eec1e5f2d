import type { Knex } from 'knex';

/**
 * PRODUCT §10: coalitions of municipalities that replace one catalogue product together by a target year. Who
 * joined, left and described what is in the audit trail; the member rows say who takes part now.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('coalitions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('name').notNullable();
    t.uuid('product_id').notNullable().references('id').inTable('products');
    t.smallint('target_year').notNullable();
    t.text('description').notNullable().defaultTo('');
    // The creator, who describes it; the name as it was then, should the account go.
    t.uuid('coordinator_id').references('id').inTable('users').onDelete('SET NULL');
    t.text('coordinator_name').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['product_id']);
  });
  await knex.schema.createTable('coalition_members', (t) => {
    t.uuid('coalition_id').notNullable().references('id').inTable('coalitions').onDelete('CASCADE');
    t.text('municipality_code').notNullable().references('code').inTable('municipalities').onUpdate('CASCADE');
    t.timestamp('joined_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['coalition_id', 'municipality_code']);
    t.index(['municipality_code']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('coalition_members');
  await knex.schema.dropTable('coalitions');
}
