import type { Knex } from 'knex';

/**
 * Marks every figure of the measure as changed. Call it as the last step of a write's transaction, after the
 * rollups are fresh: it takes the counter's row lock, so taking it last keeps concurrent writers from waiting on
 * each other in a cycle, and commits with the change it announces.
 */
export async function bumpMeasureRevision(db: Knex): Promise<void> {
  await db.raw('update measure_revision set value = value + 1 where id = 1');
}

/**
 * The committed counter. Read it before computing a figure: whatever the computation then reads is at least as
 * new as the counter says, so an answer stored under it is never older than a write it claims to include.
 */
export async function measureRevision(db: Knex): Promise<number> {
  const row = await db('measure_revision').where({ id: 1 }).first<{ value: string | number }>('value');
  return Number(row!.value);
}
