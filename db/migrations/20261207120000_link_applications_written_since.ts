import type { Knex } from 'knex';
import { linkUnlinkedApplications } from '../src/catalogue-links.ts';

/**
 * Until every write linked its application to the catalogue (PRODUCT §9), applications created or renamed through
 * the API after the first backfill were left without a product version. They are linked now, by the same rule; from
 * here on the one writer links each write itself.
 */
export async function up(knex: Knex): Promise<void> {
  await linkUnlinkedApplications(knex);
}

/** The links are data the writer keeps from now on; there is nothing to take back. */
export async function down(): Promise<void> {}
