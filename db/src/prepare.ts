import type { Knex } from 'knex';
import { bumpMeasureRevision } from './measure-revision.ts';
import { migrateToLatest } from './migrations.ts';
import { loadReferenceData } from './reference-data.ts';

/**
 * What every start does before serving: schema up to date, reference data present. Other servers on the same
 * database may be running: the revision tells them the reference data may have grown.
 */
export async function prepareDatabase(db: Knex): Promise<void> {
  await migrateToLatest(db);
  await loadReferenceData(db);
  await bumpMeasureRevision(db);
}
