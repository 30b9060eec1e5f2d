import type { Knex } from 'knex';

/**
 * Which municipalities' figures each rise of the measure revision changed: per municipality the revision of its
 * latest change, and under the scope '*' the latest change that may have touched every municipality (settings,
 * judgements, the register, bulk loads). A server that keeps every municipality's rollup rows between reads
 * re-reads only those changed since the revision it has them at (see measure-revision.ts).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('measure_changes', (t) => {
    t.text('scope').primary();
    t.bigInteger('revision').notNullable();
  });
  await knex.raw(`insert into measure_changes (scope, revision) select '*', value from measure_revision`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('measure_changes');
}
