import type { Knex } from 'knex';

/**
 * The catalogue's trigram indexes take new products into a small pending list again, merged into the index a
 * batch at a time, instead of one entry at a time per trigram. They were made without one because a search reads the
 * whole pending list, which after a bulk insert of thousands of products could be megabytes; at 64 kB, the least
 * PostgreSQL allows, a search reads little more than before, while an import that adds thousands of products
 * (the 10,000-row import of the benchmark adds about 3,000) inserts them in a fraction of the time.
 */
const INDEXES = ['products_search_idx', 'products_name_words_idx'];

export async function up(knex: Knex): Promise<void> {
  for (const index of INDEXES) await knex.raw('alter index ?? set (fastupdate = on, gin_pending_list_limit = 64)', [index]);
}

/** Without a pending list again; what is still in it is merged into the index first. */
export async function down(knex: Knex): Promise<void> {
  for (const index of INDEXES) {
    await knex.raw('alter index ?? set (fastupdate = off)', [index]);
    await knex.raw('alter index ?? reset (gin_pending_list_limit)', [index]);
    await knex.raw('select gin_clean_pending_list(?::regclass)', [index]);
  }
}
