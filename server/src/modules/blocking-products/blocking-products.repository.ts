import type { Knex } from 'knex';
import { LANDSCAPE } from '@tm/db/landscape';
import { pageOfSql } from '../catalogue/paging.ts';

/** The municipalities of today's register, as the filter narrows them. */
export type Scope = { province?: string | undefined; sizeClass?: number | undefined };

/** An application of `a` that holds its municipality back today: in the landscape and not compliant (PRODUCT §3.1). */
export const LEGACY_TODAY = `a.deleted_at is null and a.lifecycle in ${LANDSCAPE} and a.status <> 'compliant'`;

function scopeSql(scope: Scope): { sql: string; bindings: Knex.RawBinding[] } {
  const conditions = ['m.valid_to is null', 'm.withdrawn_at is null'];
  const bindings: Knex.RawBinding[] = [];
  if (scope.province) {
    conditions.push('m.province = ?');
    bindings.push(scope.province);
  }
  if (scope.sizeClass) {
    conditions.push('m.size_class = ?');
    bindings.push(scope.sizeClass);
  }
  return { sql: `select m.code from municipalities m where ${conditions.join(' and ')}`, bindings };
}

export async function municipalityCount(db: Knex, scope: Scope): Promise<number> {
  const { sql, bindings } = scopeSql(scope);
  const { rows } = await db.raw(`select count(*)::int as n from (${sql}) as s`, bindings);
  return rows[0].n;
}

export type BlockingRow = {
  product_id: string;
  vendor: string | null;
  name: string;
  municipality_count: number;
  application_count: number;
  annual_cost: string | number;
  total: number;
};

/** Legacy use per product in the scope, most municipalities first; `productId` narrows it to one product. */
export async function blockingProducts(
  db: Knex,
  filter: Scope & { productId?: string | undefined; page: number; pageSize: number },
): Promise<{ rows: BlockingRow[]; total: number }> {
  const scope = scopeSql(filter);
  return pageOfSql(
    db,
    `with legacy as (
       select v.product_id, a.municipality_code, a.annual_cost
       from applications a
       join (${scope.sql}) s on s.code = a.municipality_code
       join product_versions v on v.id = a.product_version_id
       where ${LEGACY_TODAY} ${filter.productId ? 'and v.product_id = ?' : ''}
     )
     select p.id as product_id, p.vendor, p.name, u.municipality_count, u.application_count, u.annual_cost, count(*) over () as total
     from (
       select product_id, count(distinct municipality_code)::int as municipality_count, count(*)::int as application_count,
              coalesce(sum(annual_cost), 0) as annual_cost
       from legacy group by product_id
     ) u join products p on p.id = u.product_id
     order by u.municipality_count desc, u.application_count desc, p.name_words, p.vendor_words, p.id`,
    [...scope.bindings, ...(filter.productId ? [filter.productId] : [])],
    filter,
  );
}

/** Per product and planned replacement year: how many municipalities of the scope plan to replace legacy use of it then. */
export async function plannedYears(
  db: Knex,
  scope: Scope,
  productIds: readonly string[],
): Promise<{ product_id: string; year: number; municipality_count: number }[]> {
  if (productIds.length === 0) return [];
  const s = scopeSql(scope);
  const { rows } = await db.raw(
    `select v.product_id, a.planned_replacement_year::int as year, count(distinct a.municipality_code)::int as municipality_count
     from applications a
     join (${s.sql}) s on s.code = a.municipality_code
     join product_versions v on v.id = a.product_version_id
     where ${LEGACY_TODAY} and a.planned_replacement_year is not null and v.product_id = any(?::uuid[])
     group by 1, 2 order by 1, 2`,
    [...s.bindings, [...productIds]],
  );
  return rows;
}
