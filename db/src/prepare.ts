import type { Knex } from 'knex';
import { migrateToLatest } from './migrations.ts';
import { loadReferenceData } from './reference-data.ts';

/** What every start does before serving: schema up to date, reference data present. */
export async function prepareDatabase(db: Knex): Promise<void> {
  await migrateToLatest(db);
  await loadReferenceData(db);
}
