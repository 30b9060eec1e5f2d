import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('municipalities', (t) => {
    t.text('code').primary();
    t.text('name').notNullable();
    t.text('province').notNullable();
    t.text('province_code').notNullable();
    t.integer('population').notNullable();
    t.smallint('size_class').notNullable();
  });
  await knex.schema.createTable('reference_components', (t) => {
    t.uuid('id').primary();
    t.text('name').notNullable().unique();
    t.text('description').notNullable();
    t.text('grouping').notNullable();
    t.text('gemma_status').notNullable();
  });
  // Facts about the dataset itself, such as whether it is the demo landscape.
  await knex.schema.createTable('dataset_facts', (t) => {
    t.text('key').primary();
    t.text('value').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('dataset_facts');
  await knex.schema.dropTable('reference_components');
  await knex.schema.dropTable('municipalities');
}
