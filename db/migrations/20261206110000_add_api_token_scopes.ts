import type { Knex } from 'knex';

/**
 * Personal API tokens get scopes and always end. Tokens made before could do everything their owner could, for
 * ever: they keep reading and writing (scripts go on working) but lose admin rights, which now need a token made
 * with the `admin` scope, and each gets an end, a year from now at the latest.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('api_tokens', (t) => {
    t.specificType('scopes', 'text[]').notNullable().defaultTo(knex.raw(`'{read}'::text[]`));
  });
  await knex.raw(`update api_tokens set scopes = '{read,write}'`);
  await knex.raw(`
    alter table api_tokens add constraint api_tokens_scopes_known
    check (cardinality(scopes) > 0 and scopes <@ array['read', 'write', 'admin']::text[])`);
  await knex.raw(`update api_tokens set expires_at = least(coalesce(expires_at, 'infinity'), now() + interval '1 year')`);
  await knex.raw('alter table api_tokens alter column expires_at set not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table api_tokens alter column expires_at drop not null');
  await knex.raw('alter table api_tokens drop constraint api_tokens_scopes_known');
  await knex.schema.alterTable('api_tokens', (t) => {
    t.dropColumn('scopes');
  });
}
