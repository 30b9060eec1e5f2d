import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // One row: the programme's settings. The check keeps it at one.
  await knex.schema.createTable('programme_settings', (t) => {
    t.boolean('singleton').primary().defaultTo(true);
    t.date('programme_start').notNullable();
    t.decimal('annual_rate', 6, 5).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('alter table programme_settings add constraint programme_settings_one_row check (singleton)');
  await knex('programme_settings').insert({ singleton: true, programme_start: '2021-01-01', annual_rate: 0.1 });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('programme_settings');
}
