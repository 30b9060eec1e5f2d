import type { Knex } from 'knex';

/**
 * One counter that every write changing a figure of the measure raises, in the write's own transaction (see
 * measure-revision.ts). A server keeps computed dashboard answers for as long as the counter stands still; a
 * transaction holds the counter's row lock only from its last step to its commit.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('measure_revision', (t) => {
    t.smallint('id').primary();
    t.bigInteger('value').notNullable();
    t.check('id = 1', [], 'measure_revision_single_row');
  });
  await knex('measure_revision').insert({ id: 1, value: 1 });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('measure_revision');
}
