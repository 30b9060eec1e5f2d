import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('applications', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('municipality_code').notNullable().references('code').inTable('municipalities');
    t.text('name').notNullable();
    t.text('vendor');
    t.text('product');
    t.text('version');
    t.text('layer').checkIn(['interaction', 'process', 'integration', 'services', 'data']);
    t.text('status').notNullable().checkIn(['legacy', 'in_transition', 'compliant']);
    t.text('lifecycle').notNullable().checkIn(['planned', 'in_production', 'phasing_out', 'phased_out']);
    t.jsonb('criteria').notNullable().defaultTo('{}');
    t.date('in_use_since');
    t.date('retired_at');
    t.uuid('replaced_by').references('id').inTable('applications').onDelete('SET NULL');
    t.smallint('planned_replacement_year');
    t.decimal('annual_cost', 14, 2);
    t.text('notes');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // Bumped by every write; the ETag, so that a stale If-Match loses atomically.
    t.integer('revision').notNullable().defaultTo(1);
    // Deleted entries stay for the history and for figures "as known at" an earlier moment.
    t.timestamp('deleted_at', { useTz: true });
    t.index(['municipality_code', 'name']);
  });
  await knex.raw(
    'create index applications_live_idx on applications (municipality_code) where deleted_at is null',
  );

  await knex.schema.createTable('application_reference_components', (t) => {
    t.uuid('application_id').notNullable().references('id').inTable('applications').onDelete('CASCADE');
    t.uuid('reference_component_id').notNullable().references('id').inTable('reference_components');
    t.primary(['application_id', 'reference_component_id']);
    t.index(['reference_component_id']);
  });

  // Append-only: one row per change. `status` and `lifecycle` are filled only when the change set them, so a
  // back-dated status change does not overwrite a later lifecycle change and vice versa.
  await knex.schema.createTable('application_events', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('application_id').notNullable().references('id').inTable('applications');
    t.text('municipality_code').notNullable().references('code').inTable('municipalities');
    t.text('action').notNullable().checkIn(['created', 'updated', 'deleted']);
    t.date('effective_date').notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('actor_id');
    t.text('actor_name').notNullable();
    t.text('status').checkIn(['legacy', 'in_transition', 'compliant']);
    t.text('lifecycle').checkIn(['planned', 'in_production', 'phasing_out', 'phased_out']);
    t.jsonb('before');
    t.jsonb('after');
    t.text('request_id');
    t.index(['application_id', 'effective_date']);
    t.index(['municipality_code', 'effective_date']);
  });
  await knex.raw(`
    create function refuse_event_rewrite() returns trigger language plpgsql as $$
    begin
      raise exception 'application_events is append-only';
    end $$`);
  await knex.raw(`
    create trigger application_events_append_only before update or delete on application_events
    for each row execute function refuse_event_rewrite()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('application_events');
  await knex.raw('drop function refuse_event_rewrite()');
  await knex.schema.dropTable('application_reference_components');
  await knex.schema.dropTable('applications');
}
