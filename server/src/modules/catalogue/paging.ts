import type { Knex } from 'knex';

type Page = { page: number; pageSize: number };

/**
 * One page of a query whose rows carry `count(*) over () as total`, and the number of rows on all pages. A page past
 * the end has no row to carry the total, so then it is counted on its own.
 */
export async function pageOfSql<T extends { total: number }>(db: Knex, sql: string, bindings: readonly Knex.RawBinding[], { page, pageSize }: Page): Promise<{ rows: T[]; total: number }> {
  const { rows } = await db.raw(`${sql} limit ? offset ?`, [...bindings, pageSize, (page - 1) * pageSize]);
  if (rows.length > 0 || page === 1) return { rows, total: Number(rows[0]?.total ?? 0) };
  const { rows: counted } = await db.raw(`select count(*)::int as n from (${sql}) as all_pages`, bindings);
  return { rows: [], total: counted[0].n };
}

export async function pageOfQuery<T extends { total: number }>(db: Knex, query: Knex.QueryBuilder, { page, pageSize }: Page): Promise<{ rows: T[]; total: number }> {
  const rows: T[] = await query.clone().select(db.raw('count(*) over () as total')).limit(pageSize).offset((page - 1) * pageSize);
  if (rows.length > 0 || page === 1) return { rows, total: Number(rows[0]?.total ?? 0) };
  const counted = await db.count<{ n: number }[]>('* as n').from(query.clone().clearOrder().as('all_pages'));
  return { rows: [], total: Number(counted[0]?.n ?? 0) };
}
