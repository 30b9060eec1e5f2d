import type { Knex } from 'knex';

/**
 * Precomputed figures that every write keeps exact in its own transaction, so a dashboard read is a few indexed
 * lookups. An application's contribution to a landscape (counts and euros) is a step function of its timeline; it
 * is stored as its steps (deltas per month), and the rollups hold sums of those steps: the value at month m is
 * the sum of the deltas up to m. A write replaces one application's steps and adds the difference.
 */
const contribution = (t: Knex.CreateTableBuilder) => {
  t.integer('landscape').notNullable().defaultTo(0);
  t.integer('compliant').notNullable().defaultTo(0);
  t.integer('in_transition').notNullable().defaultTo(0);
  t.decimal('landscape_cost', 18, 2).notNullable().defaultTo(0);
  t.decimal('compliant_cost', 18, 2).notNullable().defaultTo(0);
  t.integer('cost_known').notNullable().defaultTo(0);
};

const completeness = (t: Knex.CreateTableBuilder) => {
  t.integer('application_count').notNullable().defaultTo(0);
  t.integer('with_reference_component').notNullable().defaultTo(0);
  t.integer('with_layer').notNullable().defaultTo(0);
  t.integer('legacy_count').notNullable().defaultTo(0);
  t.integer('legacy_with_planned_year').notNullable().defaultTo(0);
  t.integer('with_annual_cost').notNullable().defaultTo(0);
  t.integer('complete_count').notNullable().defaultTo(0);
  t.integer('complete_with_cost_count').notNullable().defaultTo(0);
};

export async function up(knex: Knex): Promise<void> {
  // Layer '' stands for "no layer", so that it can be part of a key.
  await knex.schema.createTable('progress_application_steps', (t) => {
    t.uuid('application_id').notNullable().references('id').inTable('applications');
    t.date('month').notNullable();
    t.text('municipality_code').notNullable();
    t.text('layer').notNullable();
    contribution(t);
    t.primary(['application_id', 'month']);
  });
  await knex.schema.createTable('progress_municipality_deltas', (t) => {
    t.text('municipality_code').notNullable().references('code').inTable('municipalities');
    t.date('month').notNullable();
    t.text('layer').notNullable();
    contribution(t);
    t.primary(['municipality_code', 'month', 'layer']);
  });
  await knex.schema.createTable('progress_national_deltas', (t) => {
    t.date('month').notNullable();
    t.text('layer').notNullable();
    contribution(t);
    t.primary(['month', 'layer']);
  });
  // Sum of all deltas: today's landscape (no change is dated in the future).
  await knex.schema.createTable('progress_current', (t) => {
    t.text('municipality_code').notNullable().references('code').inTable('municipalities');
    t.text('layer').notNullable();
    contribution(t);
    t.primary(['municipality_code', 'layer']);
  });
  // Sum of the deltas before the programme start's month: the starting share the target grows from. Rebuilt when
  // the programme start changes.
  await knex.schema.createTable('progress_start', (t) => {
    t.text('municipality_code').notNullable().references('code').inTable('municipalities');
    t.text('layer').notNullable();
    contribution(t);
    t.primary(['municipality_code', 'layer']);
  });
  await knex.schema.createTable('progress_application_facts', (t) => {
    t.uuid('application_id').primary().references('id').inTable('applications');
    t.text('municipality_code').notNullable();
    completeness(t);
  });
  await knex.schema.createTable('progress_completeness', (t) => {
    t.text('municipality_code').primary().references('code').inTable('municipalities');
    completeness(t);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'progress_completeness',
    'progress_application_facts',
    'progress_start',
    'progress_current',
    'progress_national_deltas',
    'progress_municipality_deltas',
    'progress_application_steps',
  ])
    await knex.schema.dropTable(table);
}
