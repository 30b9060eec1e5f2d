import type { Knex } from 'knex';

/**
 * The register with history (PRODUCT §12). A municipality exists from `valid_from` (null: since before the
 * register's first list) until `valid_to` (exclusive: the date it merged into `merged_into`; null while it exists).
 * Its name, province and population at each date are its versions; the `municipalities` row keeps the latest
 * version's values, which are today's because no register change is dated in the future, so that every read about
 * now stays one lookup.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('municipalities', (t) => {
    t.date('valid_from');
    t.date('valid_to');
    t.text('merged_into').references('code').inTable('municipalities');
    t.check('valid_from is null or valid_to is null or valid_from < valid_to', [], 'municipalities_validity_order');
    t.check('(valid_to is null) = (merged_into is null)', [], 'municipalities_end_by_merger');
  });
  await knex.schema.createTable('municipality_versions', (t) => {
    t.text('code').notNullable().references('code').inTable('municipalities').onDelete('CASCADE');
    t.date('valid_from');
    t.text('name').notNullable();
    t.text('province').notNullable();
    t.text('province_code').notNullable();
    t.integer('population').notNullable();
    t.smallint('size_class').notNullable();
  });
  await knex.raw('create unique index municipality_versions_code_from on municipality_versions (code, valid_from) nulls not distinct');
  await knex.raw(`insert into municipality_versions (code, valid_from, name, province, province_code, population, size_class)
                  select code, valid_from, name, province, province_code, population, size_class from municipalities`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('municipality_versions');
  await knex.schema.alterTable('municipalities', (t) => {
    t.dropChecks(['municipalities_validity_order', 'municipalities_end_by_merger']);
    t.dropColumn('merged_into');
    t.dropColumn('valid_to');
    t.dropColumn('valid_from');
  });
}
