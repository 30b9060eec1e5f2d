import type { Knex } from 'knex';
import { todayIso } from '@tm/shared/dates';
import { generateDemoAttestations } from '../seeds/demo-attestations.ts';
import { generateDemoLandscape, type DemoTotals } from '../seeds/demo-landscape.ts';
import { bumpMeasureRevision } from './measure-revision.ts';
import { rebuildRollups } from './rollups.ts';

/**
 * Seeds the demo landscape when the database holds no application yet, so that a first start shows a populated
 * product and later starts (or a database with real data) are left alone. Answers what was generated, or null.
 */
export async function seedDemoLandscapeIfEmpty(db: Knex, options: { seed: number; scale?: number }): Promise<DemoTotals | null> {
  if (await db('applications').first('id')) return null;
  const asOf = todayIso();
  const totals = await generateDemoLandscape(db, { ...options, asOf });
  await generateDemoAttestations(db, { seed: options.seed, asOf });
  // Bulk SQL bypasses the per-write rollup upkeep: the dashboards' figures are rebuilt from the history once, and
  // other servers on the same database learn that every figure changed.
  await rebuildRollups(db);
  await bumpMeasureRevision(db);
  // The embedded database runs no autovacuum, so without this its planner never learns how large the landscape is:
  // it guessed a handful of rows and the steward's duplicate pairs took 10.7 s instead of 0.7 s. A server's
  // autovacuum would learn it too, but only after the first reads.
  await db.raw('analyze');
  return totals;
}

/** Whether the data are the generated demo landscape, which every screen must say. */
export async function isDemoDataset(db: Knex): Promise<boolean> {
  const fact = await db('dataset_facts').where({ key: 'demo' }).first('value');
  return fact?.value === 'true';
}
