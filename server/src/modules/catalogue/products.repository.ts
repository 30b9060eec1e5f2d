import type { Knex } from 'knex';
import { searchableName } from '@tm/shared/catalogue/product-keys';
import type { Status } from '@tm/shared/schemas/application';
import type { ProductRef, ProductSort } from '@tm/shared/schemas/product';
import { CURRENT_ASSESSMENTS } from '@tm/db/assessment-standing';
import { pageOfSql } from './paging.ts';

export type ProductRow = {
  id: string;
  vendor: string | null;
  name: string;
  vendor_key: string;
  name_key: string;
  merged_into: string | null;
  merged_at: Date | null;
  created_at: Date;
};

export type VersionUsageRow = {
  id: string;
  product_id: string;
  version: string | null;
  application_count: number;
  municipality_count: number;
};

/** Applications that run their version today: in the landscape (PRODUCT §3.1) and not deleted. */
export const RUNNING = `a.deleted_at is null and a.lifecycle in ('in_production', 'phasing_out')`;

export function toProductRef(row: { id: string; vendor: string | null; name: string }): ProductRef {
  return { id: row.id, vendor: row.vendor, name: row.name };
}

/** Words of a search, folded as the catalogue folds names, for pg_trgm's word similarity. */
function searchWords(q: string): string {
  return searchableName(q) || q.toLowerCase();
}

function likePattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const SEARCHED_TEXT = `(p.vendor_words || ' ' || p.name_words)`;

/** What runs a product `p` today, all its live versions together, counted through the index per product. */
const PRODUCT_USAGE = `lateral (
  select count(*)::int as application_count, count(distinct a.municipality_code)::int as municipality_count
  from product_versions v join applications a on a.product_version_id = v.id and ${RUNNING}
  where v.product_id = p.id and v.merged_into is null
) as u`;

export type ProductUsageRow = { id: string; application_count: number; municipality_count: number };

export async function findProducts(
  db: Knex,
  filter: { q?: string | undefined; sort?: ProductSort | undefined; page: number; pageSize: number },
): Promise<{ rows: (ProductRow & { total: number })[]; total: number }> {
  const words = filter.q ? searchWords(filter.q) : null;
  const byUsers = filter.sort === '-municipalityCount';
  // Close enough by pg_trgm's word similarity, or containing the words as typed; the closest first unless a sort is
  // asked. Usage is counted only to sort by it: the page's own figures come from usageOf.
  const order = byUsers
    ? 'u.municipality_count desc, u.application_count desc, '
    : words && filter.sort !== 'name'
      ? `word_similarity(?, ${SEARCHED_TEXT}) desc, `
      : '';
  return pageOfSql(
    db,
    `select p.*, count(*) over () as total from products p ${byUsers ? `cross join ${PRODUCT_USAGE}` : ''}
     where p.merged_into is null ${words ? `and (? <% ${SEARCHED_TEXT} or ${SEARCHED_TEXT} like ?)` : ''}
     order by ${order}p.name_words, p.vendor_words, p.id`,
    words ? [words, likePattern(words), ...(order.includes('?') ? [words] : [])] : [],
    filter,
  );
}

/** What runs each of these products today, all versions together: a municipality running two versions counts once. */
export async function usageOf(db: Knex, productIds: readonly string[]): Promise<Map<string, ProductUsageRow>> {
  if (productIds.length === 0) return new Map();
  const rows: ProductUsageRow[] = await db('products as p')
    .joinRaw(`cross join ${PRODUCT_USAGE}`)
    .whereIn('p.id', productIds)
    .select('p.id', 'u.application_count', 'u.municipality_count');
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findProduct(db: Knex, id: string): Promise<ProductRow | undefined> {
  return db<ProductRow>('products').where({ id }).first();
}

/**
 * The live versions of the products, with what runs them today, most used first. Counted version by version
 * (LATERAL), so that each count reads its few applications through the index rather than all of them.
 */
export async function versionsOf(db: Knex, productIds: readonly string[]): Promise<VersionUsageRow[]> {
  if (productIds.length === 0) return [];
  return db('product_versions as v')
    .joinRaw(
      `cross join lateral (
         select count(*)::int as application_count, count(distinct a.municipality_code)::int as municipality_count
         from applications a where a.product_version_id = v.id and ${RUNNING}
       ) as u`,
    )
    .whereIn('v.product_id', productIds)
    .whereNull('v.merged_into')
    .select('v.id', 'v.product_id', 'v.version', 'u.application_count', 'u.municipality_count')
    .orderBy([{ column: 'u.municipality_count', order: 'desc' }, { column: 'u.application_count', order: 'desc' }, { column: 'v.version_key' }]);
}

export async function usageByStatus(
  db: Knex,
  versionIds: readonly string[],
): Promise<{ product_version_id: string; status: Status; application_count: number; municipality_count: number }[]> {
  if (versionIds.length === 0) return [];
  return db('applications as a')
    .select('a.product_version_id', 'a.status')
    .select(db.raw('count(*)::int as application_count'), db.raw('count(distinct a.municipality_code)::int as municipality_count'))
    .whereIn('a.product_version_id', versionIds)
    .whereRaw(RUNNING)
    .groupBy('a.product_version_id', 'a.status')
    .orderBy(['a.product_version_id', 'a.status']);
}

export async function runningMunicipalities(
  db: Knex,
  versionIds: readonly string[],
): Promise<{ product_version_id: string; code: string; name: string; application_count: number; statuses: Status[] }[]> {
  if (versionIds.length === 0) return [];
  return db('applications as a')
    .join('municipalities as m', 'm.code', 'a.municipality_code')
    .select('a.product_version_id', 'm.code', 'm.name')
    .select(db.raw('count(*)::int as application_count'), db.raw('array_agg(distinct a.status order by a.status) as statuses'))
    .whereIn('a.product_version_id', versionIds)
    .whereRaw(RUNNING)
    .groupBy('a.product_version_id', 'm.code', 'm.name')
    .orderBy(['a.product_version_id', 'm.name']);
}

/** The products that retired applications of this product were replaced by, most municipalities first. */
export async function replacementsOf(
  db: Knex,
  productId: string,
): Promise<{ id: string; vendor: string | null; name: string; application_count: number; municipality_count: number }[]> {
  const { rows } = await db.raw(
    `select p.id, p.vendor, p.name, count(*)::int as application_count, count(distinct old.municipality_code)::int as municipality_count
     from product_versions ov
     join applications old on old.product_version_id = ov.id and old.deleted_at is null and old.replaced_by is not null
     join applications successor on successor.id = old.replaced_by and successor.deleted_at is null
     join product_versions sv on sv.id = successor.product_version_id
     join products p on p.id = sv.product_id
     where ov.product_id = ? and p.id <> ?
     group by p.id
     order by municipality_count desc, application_count desc, p.name_words, p.id`,
    [productId, productId],
  );
  return rows;
}

export type VersionListRow = VersionUsageRow & { vendor: string | null; name: string; total: number };

/**
 * Every live version with what runs it today, most municipalities first: the steward's list of what to judge
 * next. `assessment` filters by the level of the current judgement.
 */
export async function listVersions(
  db: Knex,
  filter: { q?: string | undefined; assessment?: 'none' | 'claimed' | 'verified' | undefined; page: number; pageSize: number },
): Promise<{ rows: VersionListRow[]; total: number }> {
  const conditions: string[] = [];
  const bindings: Knex.RawBinding[] = [];
  if (filter.q) {
    const words = searchWords(filter.q);
    conditions.push(`(? <% ${SEARCHED_TEXT} or ${SEARCHED_TEXT} like ?)`);
    bindings.push(words, likePattern(words));
  }
  if (filter.assessment === 'none') conditions.push('c.level is null');
  else if (filter.assessment) {
    conditions.push('c.level = ?');
    bindings.push(filter.assessment);
  }
  return pageOfSql(
    db,
    `with usage as (
       select a.product_version_id, count(*)::int as application_count, count(distinct a.municipality_code)::int as municipality_count
       from applications a where ${RUNNING} and a.product_version_id is not null
       group by 1
     ), ${CURRENT_ASSESSMENTS}
     select v.id, v.product_id, v.version, p.vendor, p.name,
       coalesce(u.application_count, 0) as application_count, coalesce(u.municipality_count, 0) as municipality_count,
       count(*) over () as total
     from product_versions v
     join products p on p.id = v.product_id
     left join usage u on u.product_version_id = v.id
     left join current_assessments c on c.product_version_id = v.id
     where v.merged_into is null and p.merged_into is null ${conditions.map((c) => `and ${c}`).join(' ')}
     order by municipality_count desc, application_count desc, p.name_words, p.vendor_words, v.version_key, v.id`,
    bindings,
    filter,
  );
}

export type DuplicateRow = {
  similarity: number;
  a_id: string;
  a_vendor: string | null;
  a_name: string;
  a_applications: number;
  a_municipalities: number;
  b_id: string;
  b_vendor: string | null;
  b_name: string;
  b_applications: number;
  b_municipalities: number;
  total: number;
};

/**
 * Pairs of live products whose names pg_trgm finds at least `minSimilarity` alike and whose vendors are alike too
 * (one word-similar to the other, or one missing), unless a steward has said they differ. Most alike first.
 */
export async function possibleDuplicates(db: Knex, filter: { minSimilarity: number; page: number; pageSize: number }): Promise<{ rows: DuplicateRow[]; total: number }> {
  return db.transaction(async (trx) => {
    // The % operator, which the trigram index answers, compares with this threshold.
    await trx.raw(`select set_config('pg_trgm.similarity_threshold', ?, true)`, [String(filter.minSimilarity)]);
    return pageOfSql<DuplicateRow>(
      trx,
      `with pairs as (
         select a.id as a_id, b.id as b_id, similarity(a.name_words, b.name_words) as similarity
         from products a
         join products b on a.name_words % b.name_words and a.id < b.id and b.merged_into is null
         where a.merged_into is null
           and (a.vendor_words = '' or b.vendor_words = ''
                or greatest(word_similarity(a.vendor_words, b.vendor_words), word_similarity(b.vendor_words, a.vendor_words)) >= 0.6)
           and not exists (select 1 from product_distinctions d where d.product_id = a.id and d.other_product_id = b.id)
       ), usage as (
         select v.product_id, count(*)::int as applications, count(distinct a.municipality_code)::int as municipalities
         from applications a join product_versions v on v.id = a.product_version_id
         where ${RUNNING} and v.product_id in (select a_id from pairs union select b_id from pairs)
         group by v.product_id
       )
       select pairs.similarity::float8 as similarity,
         a.id as a_id, a.vendor as a_vendor, a.name as a_name, coalesce(ua.applications, 0) as a_applications, coalesce(ua.municipalities, 0) as a_municipalities,
         b.id as b_id, b.vendor as b_vendor, b.name as b_name, coalesce(ub.applications, 0) as b_applications, coalesce(ub.municipalities, 0) as b_municipalities,
         count(*) over () as total
       from pairs
       join products a on a.id = pairs.a_id
       join products b on b.id = pairs.b_id
       left join usage ua on ua.product_id = a.id
       left join usage ub on ub.product_id = b.id
       order by pairs.similarity desc, coalesce(ua.municipalities, 0) + coalesce(ub.municipalities, 0) desc, a.id, b.id`,
      [],
      filter,
    );
  });
}

/** `ids` in the order of uuids, as the table keeps them. */
export async function insertDistinction(db: Knex, [productId, otherProductId]: [string, string], actor: { id: string | null; name: string }): Promise<{ recorded_at: Date; inserted: boolean }> {
  const inserted = await db('product_distinctions')
    .insert({ product_id: productId, other_product_id: otherProductId, actor_id: actor.id, actor_name: actor.name })
    .onConflict(['product_id', 'other_product_id'])
    .ignore()
    .returning('recorded_at');
  if (inserted.length > 0) return { recorded_at: inserted[0].recorded_at, inserted: true };
  const existing = await db('product_distinctions').where({ product_id: productId, other_product_id: otherProductId }).first('recorded_at');
  return { recorded_at: existing.recorded_at, inserted: false };
}
