import type { Knex } from 'knex';

/** The scope of a change that may have touched every municipality's figures. */
const EVERY_MUNICIPALITY = '*';

/**
 * Marks figures of the measure as changed: those of the municipalities of `applicationIds`, or, without them, possibly
 * every municipality's. Call it as the last step of a write's transaction, after the rollups are fresh: it takes the
 * counter's row lock, so taking it last keeps concurrent writers from waiting on each other in a cycle, and commits
 * with the change it announces. An application that moves to another municipality moves by a register change
 * (a merger), which announces every municipality.
 */
export async function bumpMeasureRevision(db: Knex, applicationIds?: readonly string[]): Promise<void> {
  const scopes = applicationIds ? 'select distinct municipality_code from applications where id = any(?::uuid[])' : `select '${EVERY_MUNICIPALITY}'`;
  await db.raw(
    `with bumped as (update measure_revision set value = value + 1 where id = 1 returning value)
     insert into measure_changes (scope, revision)
     select s.scope, bumped.value from bumped, (${scopes}) s (scope)
     on conflict (scope) do update set revision = excluded.revision`,
    applicationIds ? [[...applicationIds]] : [],
  );
}

/**
 * The committed counter. Read it before computing a figure: whatever the computation then reads is at least as
 * new as the counter says, so an answer stored under it is never older than a write it claims to include.
 */
export async function measureRevision(db: Knex): Promise<number> {
  const row = await db('measure_revision').where({ id: 1 }).first<{ value: string | number }>('value');
  return Number(row!.value);
}

/** What changed after a revision: every municipality, or those named; and the revision that is current now. */
export type MeasureChanges = { revision: number; everything: boolean; municipalityCodes: string[] };

/**
 * The changes committed after `revision`, read in one statement with the counter, so that whatever is re-read after
 * it includes every change up to the revision it answers.
 */
export async function changesSince(db: Knex, revision: number): Promise<MeasureChanges> {
  const { rows } = await db.raw(
    `select (select value from measure_revision where id = 1) as revision, coalesce(array_agg(scope), '{}') as scopes
     from measure_changes where revision > ?`,
    [revision],
  );
  const scopes = rows[0].scopes as string[];
  return {
    revision: Number(rows[0].revision),
    everything: scopes.includes(EVERY_MUNICIPALITY),
    municipalityCodes: scopes.filter((s) => s !== EVERY_MUNICIPALITY),
  };
}
