import type { Knex } from 'knex';

/**
 * Committed imports, kept so that one can be undone as one step (issue 16): for each application it wrote, the
 * revision the import left and what undoing it takes (delete a new one, set the changed fields back). Undoing is
 * refused once any of those applications has been changed since, which the revision tells.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('application_imports', (t) => {
    t.uuid('id').primary();
    t.text('municipality_code').notNullable().references('code').inTable('municipalities');
    t.text('file_name').notNullable();
    t.jsonb('changes').notNullable();
    t.timestamp('imported_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('imported_by');
    t.text('imported_by_name').notNullable();
    t.timestamp('undone_at', { useTz: true });
    t.text('undone_by');
    t.text('undone_by_name');
    t.index(['municipality_code', 'imported_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('application_imports');
}
