import type { Knex } from 'knex';
import type { ProductMerge } from '@tm/shared/schemas/product';
import type { Actor } from '../../http/actor.ts';
import type { ProductRow } from './products.repository.ts';

type MergeRow = {
  id: string;
  from_product_id: string;
  into_product_id: string;
  versions: ProductMerge['versions'];
  application_count: number;
  actor_id: string | null;
  actor_name: string;
  recorded_at: Date;
  from_vendor: string | null;
  from_name: string;
  into_vendor: string | null;
  into_name: string;
};

function toMerge(row: MergeRow): ProductMerge {
  return {
    id: row.id,
    from: { id: row.from_product_id, vendor: row.from_vendor, name: row.from_name },
    into: { id: row.into_product_id, vendor: row.into_vendor, name: row.into_name },
    versions: row.versions,
    applicationCount: row.application_count,
    actor: { id: row.actor_id, name: row.actor_name },
    recordedAt: row.recorded_at.toISOString(),
  };
}

function merges(db: Knex) {
  return db('product_merges as m')
    .join('products as f', 'f.id', 'm.from_product_id')
    .join('products as i', 'i.id', 'm.into_product_id')
    .select('m.*', 'f.vendor as from_vendor', 'f.name as from_name', 'i.vendor as into_vendor', 'i.name as into_name');
}

export async function find(db: Knex, id: string): Promise<ProductMerge | undefined> {
  const row = await merges(db).where('m.id', id).first();
  return row ? toMerge(row) : undefined;
}

/** The merge that took a product away; a product is merged away at most once. */
export async function findFrom(db: Knex, productId: string): Promise<ProductMerge | undefined> {
  const row = await merges(db).where('m.from_product_id', productId).first();
  return row ? toMerge(row) : undefined;
}

export async function list(db: Knex, filter: { productId?: string | undefined; page: number; pageSize: number }): Promise<{ items: ProductMerge[]; total: number }> {
  const where = (q: Knex.QueryBuilder) => (filter.productId ? q.where((w) => w.where('m.from_product_id', filter.productId!).orWhere('m.into_product_id', filter.productId!)) : q);
  const [rows, counted] = await Promise.all([
    where(merges(db))
      .orderBy([{ column: 'm.recorded_at', order: 'desc' }, { column: 'm.id', order: 'desc' }])
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    where(db('product_merges as m').count('* as n')) as unknown as Promise<{ n: number }[]>,
  ]);
  return { items: (rows as MergeRow[]).map(toMerge), total: Number(counted[0]?.n ?? 0) };
}

/**
 * Both products of a merge, locked for its whole transaction in one order (by id), so that two stewards merging
 * the same products wait for each other instead of deadlocking, and the second sees what the first did.
 */
export async function lockProducts(db: Knex, ids: readonly string[]): Promise<ProductRow[]> {
  return db<ProductRow>('products').whereIn('id', ids).orderBy('id').forUpdate();
}

type VersionRow = { id: string; version: string | null; version_key: string };

/** The live versions of a product, locked: no application or judgement may be linked to them meanwhile. */
export async function lockVersions(db: Knex, productId: string): Promise<VersionRow[]> {
  return db('product_versions').where({ product_id: productId }).whereNull('merged_into').orderBy('id').forUpdate().select<VersionRow[]>('id', 'version', 'version_key');
}

export async function countApplications(db: Knex, versionIds: readonly string[]): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows: { product_version_id: string; n: number }[] = await db('applications')
    .select('product_version_id')
    .count('* as n')
    .whereIn('product_version_id', versionIds)
    .whereNull('deleted_at')
    .groupBy('product_version_id');
  return new Map(rows.map((r) => [r.product_version_id, Number(r.n)]));
}

/** The version goes into one the surviving product has already: everything that pointed at it points there. */
export async function combineVersion(db: Knex, fromVersionId: string, intoVersionId: string): Promise<void> {
  await db('applications').where({ product_version_id: fromVersionId }).update({ product_version_id: intoVersionId });
  await db('assessments').where({ product_version_id: fromVersionId }).update({ product_version_id: intoVersionId });
  await db('product_versions').where({ id: fromVersionId }).update({ merged_into: intoVersionId });
}

export async function moveVersion(db: Knex, versionId: string, intoProductId: string): Promise<void> {
  await db('product_versions').where({ id: versionId }).update({ product_id: intoProductId });
}

export async function markMerged(db: Knex, fromProductId: string, intoProductId: string): Promise<void> {
  await db('products').where({ id: fromProductId }).update({ merged_into: intoProductId, merged_at: db.fn.now() });
}

export async function insert(
  db: Knex,
  merge: { fromProductId: string; intoProductId: string; versions: ProductMerge['versions']; applicationCount: number },
  actor: Actor,
): Promise<string> {
  const [row] = await db('product_merges')
    .insert({
      from_product_id: merge.fromProductId,
      into_product_id: merge.intoProductId,
      versions: JSON.stringify(merge.versions),
      application_count: merge.applicationCount,
      actor_id: actor.id,
      actor_name: actor.name,
      request_id: actor.requestId ?? null,
    })
    .returning('id');
  return (row as { id: string }).id;
}
