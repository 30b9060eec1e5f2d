import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('email').notNullable();
    t.text('name').notNullable();
    t.text('role').notNullable().checkIn(['viewer', 'editor', 'board', 'admin']);
    // Null for accounts that only sign in through single sign-on.
    t.text('password_hash');
    t.text('oidc_subject').unique();
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('last_login_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('revision').notNullable().defaultTo(1);
  });
  // E-mail addresses are compared without regard to case.
  await knex.raw('create unique index users_email_idx on users (lower(email))');

  await knex.schema.createTable('user_municipalities', (t) => {
    t.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('municipality_code').notNullable().references('code').inTable('municipalities').onUpdate('CASCADE');
    t.primary(['user_id', 'municipality_code']);
    t.index(['municipality_code']);
  });

  // Only a hash of the cookie value is kept: a copy of this table does not let anyone sign in.
  await knex.schema.createTable('sessions', (t) => {
    t.text('id_hash').primary();
    t.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('csrf_token').notNullable();
    t.text('method').notNullable().checkIn(['password', 'oidc']);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['user_id']);
  });

  await knex.schema.createTable('api_tokens', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('token_hash').notNullable().unique();
    t.text('prefix').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true });
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.index(['user_id']);
  });

  // Log-in attempts per account and per address in the current window, counted before the password is checked
  // so that a burst of parallel guesses cannot all pass.
  await knex.schema.createTable('login_throttles', (t) => {
    t.text('key').primary();
    t.integer('attempts').notNullable();
    t.timestamp('window_started_at', { useTz: true }).notNullable();
  });

  // A single sign-on round trip in flight: what the callback needs to check the provider's answer.
  await knex.schema.createTable('oidc_logins', (t) => {
    t.text('state').primary();
    t.text('code_verifier').notNullable();
    t.text('nonce').notNullable();
    t.text('return_to').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('oidc_logins');
  await knex.schema.dropTable('login_throttles');
  await knex.schema.dropTable('api_tokens');
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('user_municipalities');
  await knex.schema.dropTable('users');
}
