import type { Knex } from 'knex';

/**
 * PRODUCT §9: one catalogue of products and their versions, and one history of judgements per version, shared by
 * every municipality. Keys are the shared normaliser's (`@tm/shared/catalogue/product-keys`): the database compares
 * them, it never computes them. pg_trgm finds the products whose spellings are close enough to be duplicates.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create extension if not exists pg_trgm');

  await knex.schema.createTable('products', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    // As first spelled; the keys, not these, decide what is the same product.
    t.text('vendor');
    t.text('name').notNullable();
    t.text('vendor_key').notNullable();
    t.text('name_key').notNullable();
    // Words separated by spaces, for trigram similarity.
    t.text('vendor_words').notNullable();
    t.text('name_words').notNullable();
    // Set when a steward merged this product into another; it stays, so the merge can be read back.
    t.uuid('merged_into').references('id').inTable('products');
    t.timestamp('merged_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create unique index products_keys_idx on products (vendor_key, name_key) where merged_into is null');
  // Without the pending list that GIN keeps by default: a search would read all of it after a bulk insert (the backfill,
  // the demo), and products are added far less often than they are searched.
  await knex.raw(`create index products_search_idx on products using gin ((vendor_words || ' ' || name_words) gin_trgm_ops) with (fastupdate = off) where merged_into is null`);
  await knex.raw('create index products_name_words_idx on products using gin (name_words gin_trgm_ops) with (fastupdate = off) where merged_into is null');

  await knex.schema.createTable('product_versions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('product_id').notNullable().references('id').inTable('products');
    t.text('version');
    t.text('version_key').notNullable();
    // Set when a merge met the same version on both products: its applications and assessments moved there.
    t.uuid('merged_into').references('id').inTable('product_versions');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create unique index product_versions_keys_idx on product_versions (product_id, version_key) where merged_into is null');

  // Other spellings a steward has tied to a product; a merge ties the merged product's own spelling.
  await knex.schema.createTable('product_aliases', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('product_id').notNullable().references('id').inTable('products');
    t.text('vendor');
    t.text('name').notNullable();
    t.text('vendor_key').notNullable();
    t.text('name_key').notNullable();
    t.text('origin').notNullable().checkIn(['steward', 'merge']);
    t.text('actor_id');
    t.text('actor_name').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_key', 'name_key']);
    t.index(['product_id']);
  });

  await knex.raw(`
    create function refuse_history_rewrite() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name;
    end $$`);
  const appendOnly = async (table: string) => {
    await knex.raw(`create trigger ${table}_append_only before update or delete on ${table} for each row execute function refuse_history_rewrite()`);
    await knex.raw(`create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function refuse_history_rewrite()`);
  };

  await knex.schema.createTable('product_merges', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('from_product_id').notNullable().references('id').inTable('products');
    t.uuid('into_product_id').notNullable().references('id').inTable('products');
    // What happened to each version of the merged product, and how many applications followed.
    t.jsonb('versions').notNullable();
    t.integer('application_count').notNullable();
    t.text('actor_id');
    t.text('actor_name').notNullable();
    t.text('request_id');
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['from_product_id']);
    t.index(['into_product_id']);
  });
  await appendOnly('product_merges');

  // Pairs a steward has looked at and found to be different products: no longer offered as possible duplicates.
  await knex.schema.createTable('product_distinctions', (t) => {
    t.uuid('product_id').notNullable().references('id').inTable('products');
    t.uuid('other_product_id').notNullable().references('id').inTable('products');
    t.text('actor_id');
    t.text('actor_name').notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['product_id', 'other_product_id']);
    t.check('product_id < other_product_id', [], 'product_distinctions_ordered');
  });

  await knex.schema.createTable('assessments', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('product_version_id').notNullable().references('id').inTable('product_versions');
    t.text('verdict').notNullable().checkIn(['compliant', 'not_compliant']);
    t.text('level').notNullable().checkIn(['claimed', 'verified']);
    t.jsonb('criteria').notNullable().defaultTo('{}');
    t.text('evidence').notNullable();
    t.date('effective_date').notNullable();
    t.text('actor_id');
    t.text('actor_name').notNullable();
    t.text('request_id');
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['product_version_id', 'level', 'effective_date', 'recorded_at']);
  });
  // A history, never overwritten: the one change allowed is a merge moving a judgement to the surviving version.
  await knex.raw(`
    create function refuse_assessment_rewrite() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and (to_jsonb(new) - 'product_version_id') = (to_jsonb(old) - 'product_version_id') then
        return new;
      end if;
      raise exception 'assessments are a history: only a merge may move one to another version';
    end $$`);
  await knex.raw('create trigger assessments_history before update or delete on assessments for each row execute function refuse_assessment_rewrite()');
  await knex.raw('create trigger assessments_no_truncate before truncate on assessments for each statement execute function refuse_history_rewrite()');

  // An editor's "no" to a suggestion, with the reason: shown to stewards as a sign that a verdict may be wrong.
  await knex.schema.createTable('suggestion_declines', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('application_id').notNullable().references('id').inTable('applications');
    t.text('municipality_code').notNullable().references('code').inTable('municipalities');
    t.uuid('assessment_id').notNullable().references('id').inTable('assessments');
    t.text('reason').notNullable();
    t.text('actor_id');
    t.text('actor_name').notNullable();
    t.text('request_id');
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['assessment_id']);
    t.index(['application_id']);
    t.index(['municipality_code']);
  });
  await appendOnly('suggestion_declines');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('suggestion_declines');
  await knex.schema.dropTable('assessments');
  await knex.raw('drop function refuse_assessment_rewrite()');
  await knex.schema.dropTable('product_distinctions');
  await knex.schema.dropTable('product_merges');
  await knex.raw('drop function refuse_history_rewrite()');
  await knex.schema.dropTable('product_aliases');
  await knex.schema.dropTable('product_versions');
  await knex.schema.dropTable('products');
  await knex.raw('drop extension if exists pg_trgm');
}
