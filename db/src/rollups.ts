/**
 * Every rollup the dashboards read (progress and usage), kept exact by the writes and rebuilt after bulk loads.
 * Neither raises the measure revision: the server's progress module does, as the last step of every write.
 */
import type { Knex } from 'knex';
import { progressRefresh, rebuildProgressRollups } from './progress-rollups.ts';
import { runRefreshes } from './rollup-sums.ts';
import { rebuildUsageRollups, usageRefresh } from './usage-rollups.ts';
import { rebuildVerifiedRollups, verifiedRefresh } from './verified-rollups.ts';

/**
 * Brings every rollup in line with the applications' current rows and histories, in one statement whatever their
 * number. Call it inside the writes' transaction, after them.
 */
export async function refreshRollups(db: Knex, applicationIds: readonly string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await runRefreshes(db, [progressRefresh(applicationIds), usageRefresh(applicationIds), verifiedRefresh(applicationIds)]);
}

/** Recomputes every rollup from the raw rows, set-based, in one transaction (the caller's, if it is one). */
export async function rebuildRollups(db: Knex): Promise<void> {
  const work = async (trx: Knex.Transaction) => {
    await rebuildProgressRollups(trx);
    await rebuildUsageRollups(trx);
    await rebuildVerifiedRollups(trx);
  };
  if (db.isTransaction) await work(db as Knex.Transaction);
  else await db.transaction(work);
}
