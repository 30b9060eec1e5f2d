import type { Knex } from 'knex';

/**
 * The transactional outbox behind the change feed and the webhooks (PRODUCT §11): a change writes its event in its
 * own transaction, so an event exists if and only if its change committed.
 *
 * `position` is the commit order. A sequence would not do: a transaction that draws 7 and commits after the one
 * that drew 8 lets a reader that has already passed 8 skip 7 for good. Instead every event-writing transaction
 * raises the single counter in `feed_positions` as its last step; the row lock it takes is held to its commit, so
 * the next writer draws its numbers only after this one's are visible. Positions therefore become visible in
 * order and without gaps (a rolled-back transaction takes its numbers back with it).
 *
 * The CloudEvents `source` is not stored: it names this system, is configured (EVENT_SOURCE) and is added when an
 * event is read.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('feed_positions', (t) => {
    t.boolean('singleton').primary().defaultTo(true);
    t.bigInteger('last').notNullable().defaultTo(0);
    t.check('singleton', [], 'feed_positions_one_row');
  });
  await knex('feed_positions').insert({ singleton: true, last: 0 });

  await knex.schema.createTable('feed_events', (t) => {
    t.bigInteger('position').primary();
    t.uuid('id').notNullable().unique().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('type').notNullable();
    t.text('subject').notNullable();
    // No foreign key: an event is history and stays as it was said, and the insert stays one cheap statement.
    t.text('municipality_code');
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.jsonb('data').notNullable();
    t.index(['municipality_code', 'position']);
  });
  await knex.raw(`
    create function refuse_feed_event_rewrite() returns trigger language plpgsql as $$
    begin
      raise exception 'feed_events is append-only';
    end $$`);
  await knex.raw('create trigger feed_events_append_only before update or delete on feed_events for each row execute function refuse_feed_event_rewrite()');
  await knex.raw('create trigger feed_events_no_truncate before truncate on feed_events for each statement execute function refuse_feed_event_rewrite()');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('feed_events');
  await knex.raw('drop function refuse_feed_event_rewrite()');
  await knex.schema.dropTable('feed_positions');
}
