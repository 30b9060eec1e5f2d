import type { Knex } from 'knex';
import { bumpMeasureRevision } from './measure-revision.ts';
import { migrateToLatest, pendingMigrations } from './migrations.ts';
import { loadReferenceData } from './reference-data.ts';
import { currentRole, grantRuntimeRights } from './runtime-role.ts';

export class SchemaOutOfDate extends Error {}

/**
 * What every start does before serving: schema up to date, reference data present. Other servers on the same
 * database may be running: the revision tells them the reference data may have grown.
 *
 * With an `owner` (a PostgreSQL server with two roles), the owner migrates and then grants the role of `db` what
 * the server needs (runtime-role.ts); the rest goes over `db`. Without one, `db` migrates, unless nothing is
 * pending: a server running as a role without rights on the schema starts after the owner has migrated.
 */
export async function prepareDatabase(db: Knex, { owner }: { owner?: Knex } = {}): Promise<void> {
  if (owner) {
    await migrateToLatest(owner);
    await grantRuntimeRights(owner, await currentRole(db));
  } else {
    const pending = await pendingMigrations(db).catch(() => ['(the migration tables themselves)']);
    if (pending.length > 0 && !(await mayChangeSchema(db)))
      throw new SchemaOutOfDate(
        `The database needs migrations (${pending.join(', ')}) that this role may not run: start once with DATABASE_OWNER_URL, the role that owns the schema`,
      );
    if (pending.length > 0) await migrateToLatest(db);
  }
  await loadReferenceData(db);
  await bumpMeasureRevision(db);
}

async function mayChangeSchema(db: Knex): Promise<boolean> {
  return ((await db.raw(`select has_schema_privilege(current_schema(), 'CREATE') as may`)).rows as { may: boolean }[])[0]!.may;
}
