/**
 * How every write tells the dashboards that figures changed: the rollups follow, then the measure revision rises,
 * so the next read through any server recomputes (see `figures-cache.ts`). Call one of these as the last step of
 * the write's transaction: the revision's row lock is the one every writer takes, and taking it last keeps
 * concurrent writers from waiting on each other in a cycle; it commits with the change it announces. A change of some
 * applications names their municipalities, whose figures alone a server then re-reads (`kept-inputs.ts`); any other
 * change may touch every municipality's.
 */
import type { Knex } from 'knex';
import { bumpMeasureRevision } from '@tm/db/measure-revision';
import { rebuildStartRollup } from '@tm/db/progress-rollups';
import { rebuildRollups, refreshRollups } from '@tm/db/rollups';

/** Applications were created, changed or deleted: their rollups follow in one statement, whatever their number. */
export async function figuresChanged(trx: Knex.Transaction, applicationIds: readonly string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  const ids = [...new Set(applicationIds)];
  await refreshRollups(trx, ids);
  await bumpMeasureRevision(trx, ids);
}

/**
 * The verified judgements of these product versions changed, or applications moved onto them (a merge of
 * products): the verified figures of every application running them follow (PRODUCT §9).
 */
export async function verdictsChanged(trx: Knex.Transaction, versionIds: readonly string[]): Promise<void> {
  const applicationIds: string[] = await trx('applications').whereIn('product_version_id', [...versionIds]).whereNull('deleted_at').pluck('id');
  await refreshRollups(trx, applicationIds);
  await bumpMeasureRevision(trx, applicationIds);
}

/** The programme settings changed; every starting share (and so every target) hangs on the programme start. */
export async function settingsChanged(trx: Knex.Transaction, programmeStartMoved: boolean): Promise<void> {
  if (programmeStartMoved) await rebuildStartRollup(trx);
  await bumpMeasureRevision(trx);
}

/** A municipality's inventory was attested: its summaries say when, and whether it is stale. */
export async function attestationsChanged(trx: Knex.Transaction): Promise<void> {
  await bumpMeasureRevision(trx);
}

/**
 * The municipal register changed (a merger, its undoing, renames, population counts): the lists of municipalities,
 * their size classes and provinces that the figures are grouped by read differently.
 */
export async function registerChanged(trx: Knex.Transaction): Promise<void> {
  await bumpMeasureRevision(trx);
}

/** A saved peer group was added or removed: the peer figures of its members read differently. */
export async function peerGroupsChanged(trx: Knex.Transaction): Promise<void> {
  await bumpMeasureRevision(trx);
}

/** After a bulk load that bypassed the writes (bench data, tests): every rollup from the raw rows. */
export async function figuresRebuilt(db: Knex): Promise<void> {
  await db.transaction(async (trx) => {
    await rebuildRollups(trx);
    await bumpMeasureRevision(trx);
  });
}
