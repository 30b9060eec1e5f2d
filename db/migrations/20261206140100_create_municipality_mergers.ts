import type { Knex } from 'knex';

const ACTIONS = (actions: string[]) => actions.map((a) => `'${a}'`).join(', ');

/**
 * Mergers of municipalities (PRODUCT §12). A merger moves each application of the municipalities it ends to the one
 * they form, as a `moved` event of the application dated on the merger day, so its history stays whole and its
 * membership at any date is read from its events. An application's contribution to the figures is then keyed by
 * municipality as well as month: in the month it moves, it leaves one municipality and arrives in another, and the
 * two steps cancel in the national sums.
 *
 * `snapshot` keeps the register rows, versions and editor bindings the merger replaced, so that it can be undone
 * until the next one is registered. A municipality formed by a merger that was undone is `withdrawn`: it is kept,
 * as the history entries of the applications that moved name it, but the register no longer knows it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table application_events drop constraint application_events_action_check,
                  add constraint application_events_action_check check (action in (${ACTIONS(['created', 'updated', 'deleted', 'moved'])}))`);
  await knex.raw(`alter table progress_application_steps drop constraint progress_application_steps_pkey,
                  add primary key (application_id, month, municipality_code)`);
  await knex.schema.alterTable('municipalities', (t) => {
    t.timestamp('withdrawn_at', { useTz: true });
  });
  await knex.schema.createTable('municipality_mergers', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.date('date').notNullable();
    t.specificType('from_codes', 'text[]').notNullable();
    t.text('into_code').notNullable().references('code').inTable('municipalities');
    t.text('into_name').notNullable();
    t.text('into_province').notNullable();
    t.integer('moved_applications').notNullable();
    t.jsonb('snapshot').notNullable();
    t.timestamp('registered_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('registered_by');
    t.text('registered_by_name').notNullable();
    t.timestamp('undone_at', { useTz: true });
    t.text('undone_by');
    t.text('undone_by_name');
    t.index(['registered_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('municipality_mergers');
  await knex.schema.alterTable('municipalities', (t) => {
    t.dropColumn('withdrawn_at');
  });
  await knex.raw(`alter table progress_application_steps drop constraint progress_application_steps_pkey,
                  add primary key (application_id, month)`);
  await knex.raw(`alter table application_events drop constraint application_events_action_check,
                  add constraint application_events_action_check check (action in (${ACTIONS(['created', 'updated', 'deleted'])}))`);
}
