import type { Knex } from 'knex';

/**
 * Every occasion a mail was sent for (a reminder of one municipality to one editor, a disabled webhook), by a key
 * that names it. A mail is sent in the transaction that records its occasions, so it is sent once whatever
 * restarts, crashes or other servers there are: a failed send leaves no record and is tried again later.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('mail_occasions', (t) => {
    t.text('key').primary();
    t.text('delivery').notNullable().checkIn(['sent', 'logged']);
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('mail_occasions');
}
