import type { Knex } from 'knex';

/**
 * The append-only record of every write (PRODUCT §6), and the catalogue's histories (§9): the server adds to them and
 * reads them, nothing more. Judgements are a history too, but a merge moves them to the surviving version: they keep
 * their update right (their trigger allows that move only) and lose the rest.
 */
const APPEND_ONLY = ['audit_events', 'product_merges', 'suggestion_declines'];
const NEVER_REMOVED = ['assessments'];
const MIGRATION_TABLES = ['knex_migrations', 'knex_migrations_lock'];

/**
 * What the server's own role may do when another role, the owner, runs the migrations: read and write the data of
 * every table, only add to and read the audit trail, read which migrations ran, and nothing of the schema but make
 * schemas of its own. Not the
 * owner of any table, it cannot turn off or drop the audit trail's trigger either. Run by the owner after every
 * migration, so tables that later migrations add are covered too.
 */
export async function grantRuntimeRights(owner: Knex, role: string): Promise<void> {
  await owner.transaction(async (trx) => {
    // Schemas of its own beside ours (the job runner keeps its queues in one); never a say over ours.
    const database = ((await trx.raw('select current_database() as name')).rows as { name: string }[])[0]!.name;
    await trx.raw('grant create on database ?? to ??', [database, role]);
    await trx.raw('grant usage on schema public to ??', [role]);
    await trx.raw('grant select, insert, update, delete, truncate on all tables in schema public to ??', [role]);
    await trx.raw('grant usage, select on all sequences in schema public to ??', [role]);
    for (const table of APPEND_ONLY) await trx.raw('revoke update, delete, truncate on ?? from ??', [table, role]);
    for (const table of NEVER_REMOVED) await trx.raw('revoke delete, truncate on ?? from ??', [table, role]);
    for (const table of MIGRATION_TABLES) await trx.raw('revoke insert, update, delete, truncate on ?? from ??', [table, role]);
  });
}

/** The role a connection acts as: who the owner grants to. */
export async function currentRole(db: Knex): Promise<string> {
  return ((await db.raw('select current_user as role')).rows as { role: string }[])[0]!.role;
}
