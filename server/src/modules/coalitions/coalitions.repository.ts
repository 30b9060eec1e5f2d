import type { Knex } from 'knex';
import type { CoalitionCandidate, CoalitionListQuery, CoalitionMember } from '@tm/shared/schemas/coalition';
import { LEGACY_TODAY } from '../blocking-products/blocking-products.repository.ts';
import { pageOfQuery } from '../catalogue/paging.ts';

export type CoalitionRow = {
  id: string;
  name: string;
  product_id: string;
  product_vendor: string | null;
  product_name: string;
  target_year: number;
  description: string;
  coordinator_id: string | null;
  coordinator_name: string;
  created_at: Date;
};

function coalitions(db: Knex): Knex.QueryBuilder {
  return db('coalitions as c')
    .join('products as p', 'p.id', 'c.product_id')
    .select('c.*', 'p.vendor as product_vendor', 'p.name as product_name');
}

export async function find(db: Knex, id: string, { lock = false } = {}): Promise<CoalitionRow | undefined> {
  const query = coalitions(db).where('c.id', id).first();
  if (lock) query.forUpdate('c');
  return query;
}

/** Coalitions for a product or of a municipality, the nearest target year first. */
export async function list(db: Knex, filter: CoalitionListQuery): Promise<{ rows: CoalitionRow[]; total: number }> {
  const query = coalitions(db).orderBy([{ column: 'c.target_year' }, { column: 'c.name' }, { column: 'c.id' }]);
  if (filter.productId) query.where('c.product_id', filter.productId);
  if (filter.municipalityCode)
    query.whereExists((q) => q.from('coalition_members as cm').whereRaw('cm.coalition_id = c.id').where('cm.municipality_code', filter.municipalityCode!));
  return pageOfQuery<CoalitionRow & { total: number }>(db, query, filter);
}

/**
 * The product as it lives on: itself, or the one it was merged into, following merges of merges; undefined when the
 * catalogue has no such product.
 */
export async function currentProductOf(db: Knex, id: string): Promise<string | undefined> {
  const { rows } = await db.raw(
    `with recursive chain as (
       select id, merged_into from products where id = ?
       union all
       select p.id, p.merged_into from products p join chain c on p.id = c.merged_into
     )
     select id from chain where merged_into is null`,
    [id],
  );
  return (rows as { id: string }[])[0]?.id;
}

export async function insert(
  db: Knex,
  row: { name: string; productId: string; targetYear: number; description: string; coordinator: { id: string | null; name: string } },
): Promise<string> {
  const [{ id }] = await db('coalitions')
    .insert({
      name: row.name,
      product_id: row.productId,
      target_year: row.targetYear,
      description: row.description,
      coordinator_id: row.coordinator.id,
      coordinator_name: row.coordinator.name,
    })
    .returning('id');
  return id;
}

export async function update(db: Knex, id: string, change: { name?: string | undefined; targetYear?: number | undefined; description?: string | undefined }): Promise<void> {
  const values = Object.fromEntries(
    Object.entries({ name: change.name, target_year: change.targetYear, description: change.description }).filter(([, v]) => v !== undefined),
  );
  await db('coalitions').where({ id }).update(values);
}

/** The coalitions for a product merged into another now replace that one (PRODUCT §9, §10). */
export async function moveToProduct(db: Knex, fromProductId: string, intoProductId: string): Promise<void> {
  await db('coalitions').where({ product_id: fromProductId }).update({ product_id: intoProductId });
}

/** Adds the member; false when it was one already. */
export async function addMember(db: Knex, coalitionId: string, code: string): Promise<boolean> {
  const rows = await db('coalition_members').insert({ coalition_id: coalitionId, municipality_code: code }).onConflict(['coalition_id', 'municipality_code']).ignore().returning('coalition_id');
  return rows.length > 0;
}

/** Removes the member; false when it was none. */
export async function removeMember(db: Knex, coalitionId: string, code: string): Promise<boolean> {
  const rows = await db('coalition_members').where({ coalition_id: coalitionId, municipality_code: code }).delete().returning('coalition_id');
  return rows.length > 0;
}

/** Applications of the coalition's product (any version) of the member `cm`. */
const OF_PRODUCT = `applications a join product_versions v on v.id = a.product_version_id
                    where v.product_id = c.product_id and a.municipality_code = cm.municipality_code`;

/**
 * The members of these coalitions, by name, each with whether it has replaced the product: it has had applications
 * of it (not deleted, past planning), and none of them is legacy in today's landscape any more.
 */
export async function membersOf(db: Knex, coalitionIds: readonly string[]): Promise<Map<string, CoalitionMember[]>> {
  const byCoalition = new Map<string, CoalitionMember[]>(coalitionIds.map((id) => [id, []]));
  if (coalitionIds.length === 0) return byCoalition;
  const { rows } = await db.raw(
    `select cm.coalition_id, cm.municipality_code, m.name, cm.joined_at,
            (exists (select 1 from ${OF_PRODUCT} and a.deleted_at is null and a.lifecycle <> 'planned')
             and not exists (select 1 from ${OF_PRODUCT} and ${LEGACY_TODAY})) as replaced
     from coalition_members cm
     join coalitions c on c.id = cm.coalition_id
     join municipalities m on m.code = cm.municipality_code
     where cm.coalition_id = any(?::uuid[])
     order by m.name, cm.municipality_code`,
    [[...coalitionIds]],
  );
  for (const r of rows as { coalition_id: string; municipality_code: string; name: string; joined_at: Date; replaced: boolean }[])
    byCoalition.get(r.coalition_id)!.push({ municipalityCode: r.municipality_code, name: r.name, joinedAt: r.joined_at.toISOString(), replaced: r.replaced });
  return byCoalition;
}

/**
 * Municipalities of today's register, not members, that run the product as legacy and plan to replace it within
 * `years` of the target year: each with its planned year closest to the target.
 */
export async function candidatesOf(db: Knex, coalition: CoalitionRow, years: number): Promise<CoalitionCandidate[]> {
  const { rows } = await db.raw(
    `select distinct on (m.name, m.code) m.code, m.name, a.planned_replacement_year::int as year
     from applications a
     join product_versions v on v.id = a.product_version_id
     join municipalities m on m.code = a.municipality_code and m.valid_to is null and m.withdrawn_at is null
     where v.product_id = ? and ${LEGACY_TODAY} and a.planned_replacement_year between ? and ?
       and not exists (select 1 from coalition_members cm where cm.coalition_id = ? and cm.municipality_code = m.code)
     order by m.name, m.code, abs(a.planned_replacement_year - ?), a.planned_replacement_year`,
    [coalition.product_id, coalition.target_year - years, coalition.target_year + years, coalition.id, coalition.target_year],
  );
  return (rows as { code: string; name: string; year: number }[]).map((r) => ({ municipalityCode: r.code, name: r.name, plannedReplacementYear: r.year }));
}
