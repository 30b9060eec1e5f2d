import type { Knex } from 'knex';

/**
 * The audit trail in Beheer is filtered by who, by category and by date, newest first (issue 16): each filter an
 * index that also serves the order, so a page of a long trail reads a page of rows.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_events', (t) => {
    t.index(['recorded_at'], 'audit_events_recorded_at_index');
    t.index(['actor_id', 'recorded_at'], 'audit_events_actor_recorded_at_index');
    t.index(['entity_type', 'recorded_at'], 'audit_events_entity_type_recorded_at_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_events', (t) => {
    t.dropIndex([], 'audit_events_entity_type_recorded_at_index');
    t.dropIndex([], 'audit_events_actor_recorded_at_index');
    t.dropIndex([], 'audit_events_recorded_at_index');
  });
}
