import type { Knex } from 'knex';
import { LANDSCAPE } from '@tm/db/landscape';

/** An application of `a` that holds its municipality back today: in the landscape and not compliant (PRODUCT §3.1). */
export const LEGACY_TODAY = `a.deleted_at is null and a.lifecycle in ${LANDSCAPE} and a.status <> 'compliant'`;

/** One municipality's legacy applications of one catalogue product (of any of its versions). */
export type LegacyProductUse = {
  productId: string;
  applicationCount: number;
  /** Their annual costs summed, in cents: whole numbers add exactly, however many are summed. */
  annualCostCents: bigint;
  /** The distinct years in which it plans to replace some of them. */
  plannedYears: readonly number[];
};

/** Per municipality (all, or `codes`): its legacy use of each catalogue product. */
export async function legacyProductUses(db: Knex, codes?: readonly string[]): Promise<Map<string, LegacyProductUse[]>> {
  const rows: { municipality_code: string; product_id: string; application_count: number; cost_cents: string; years: number[] | null }[] = (
    await db.raw(
      `select a.municipality_code, v.product_id, count(*)::int as application_count,
              (coalesce(sum(a.annual_cost), 0) * 100)::bigint::text as cost_cents,
              array_agg(distinct a.planned_replacement_year::int) filter (where a.planned_replacement_year is not null) as years
       from applications a join product_versions v on v.id = a.product_version_id
       where ${LEGACY_TODAY} ${codes ? 'and a.municipality_code = any(?::text[])' : ''}
       group by a.municipality_code, v.product_id`,
      codes ? [[...codes]] : [],
    )
  ).rows;
  const uses = new Map<string, LegacyProductUse[]>();
  for (const r of rows) {
    const use = { productId: r.product_id, applicationCount: r.application_count, annualCostCents: BigInt(r.cost_cents), plannedYears: r.years ?? [] };
    const ofMunicipality = uses.get(r.municipality_code);
    if (ofMunicipality) ofMunicipality.push(use);
    else uses.set(r.municipality_code, [use]);
  }
  return uses;
}

export type ProductCounts = { productId: string; municipalityCount: number; applicationCount: number };

/**
 * One page of `counts`, most municipalities first, then most applications, then by the catalogue's name and vendor:
 * the database orders them, so ties fall as its collation has them, with each product's name and vendor of now.
 */
export async function pageInOrder(
  db: Knex,
  counts: readonly ProductCounts[],
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ product_id: string; vendor: string | null; name: string }[]> {
  if (counts.length === 0) return [];
  const { rows } = await db.raw(
    `select p.id as product_id, p.vendor, p.name
     from unnest(?::uuid[], ?::int[], ?::int[]) as u(product_id, municipality_count, application_count)
     join products p on p.id = u.product_id
     order by u.municipality_count desc, u.application_count desc, p.name_words, p.vendor_words, p.id
     limit ? offset ?`,
    [counts.map((c) => c.productId), counts.map((c) => c.municipalityCount), counts.map((c) => c.applicationCount), pageSize, (page - 1) * pageSize],
  );
  return rows;
}
