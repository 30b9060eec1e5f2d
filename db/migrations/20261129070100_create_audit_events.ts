import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // Every write of every kind, append-only. Who is kept as a name as well as an id, so that the record still
  // reads after an account is removed.
  await knex.schema.createTable('audit_events', (t) => {
    t.bigIncrements('id').primary();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('actor_id');
    t.text('actor_name').notNullable();
    t.text('request_id');
    t.text('action').notNullable();
    t.text('entity_type').notNullable();
    t.text('entity_id');
    t.text('municipality_code');
    t.jsonb('before');
    t.jsonb('after');
    t.index(['municipality_code', 'recorded_at']);
    t.index(['entity_type', 'entity_id']);
  });
  await knex.raw(`
    create function refuse_audit_rewrite() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only';
    end $$`);
  await knex.raw(`
    create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function refuse_audit_rewrite()`);
  // A statement-level TRUNCATE would bypass the row trigger.
  await knex.raw(`
    create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function refuse_audit_rewrite()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_events');
  await knex.raw('drop function refuse_audit_rewrite()');
}
