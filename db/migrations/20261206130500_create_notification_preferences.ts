import type { Knex } from 'knex';

/**
 * What each account wants to hear from us by mail, and in which language (PRODUCT §11). An account without a row
 * gets reminders, in Dutch.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notification_preferences', (t) => {
    t.uuid('user_id').primary().references('id').inTable('users').onDelete('CASCADE');
    t.boolean('reminders').notNullable().defaultTo(true);
    t.text('language').notNullable().defaultTo('nl').checkIn(['nl', 'en']);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notification_preferences');
}
