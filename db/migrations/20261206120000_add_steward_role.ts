import type { Knex } from 'knex';

/** PRODUCT §6: the catalogue steward (VNG) sees what a viewer sees and keeps the product catalogue (§9). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table users drop constraint users_role_check');
  await knex.raw(`alter table users add constraint users_role_check check (role in ('viewer', 'editor', 'board', 'steward', 'admin'))`);
}

/** Stewards become viewers: they keep their account and their place in the audit trail, not the role. */
export async function down(knex: Knex): Promise<void> {
  await knex('users').where({ role: 'steward' }).update({ role: 'viewer' });
  await knex.raw('alter table users drop constraint users_role_check');
  await knex.raw(`alter table users add constraint users_role_check check (role in ('viewer', 'editor', 'board', 'admin'))`);
}
