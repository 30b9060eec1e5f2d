import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('peer_groups', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('name').notNullable();
    // The account that saved it; null for groups saved before accounts existed.
    t.text('owner_id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['owner_id']);
  });
  await knex.schema.createTable('peer_group_members', (t) => {
    t.uuid('peer_group_id').notNullable().references('id').inTable('peer_groups').onDelete('CASCADE');
    t.text('municipality_code').notNullable().references('code').inTable('municipalities');
    t.primary(['peer_group_id', 'municipality_code']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('peer_group_members');
  await knex.schema.dropTable('peer_groups');
}
