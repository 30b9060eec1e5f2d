/**
 * The usage rollups (see the migrations create_usage_rollups and key_usage_rollups_by_product_version), the one
 * place that reads and writes them: which reference components the landscape fills with legacy or compliant
 * applications, and with which product versions, per municipality and nationally. Kept exact by the same refresh as
 * the progress rollups, in every write's transaction; rebuilt set-based after bulk loads. One SQL definition of an
 * application's usage facts serves both. The catalogue's product of a version and its assessment are joined when
 * read (PRODUCT §9), so a verdict or a merge of products needs no recount.
 */
import type { Knex } from 'knex';
import type { Layer } from '@tm/shared/schemas/application';
import type { AssessmentLevel } from '@tm/shared/schemas/assessment';
import { judgementOf } from '@tm/shared/catalogue/judgement';
import { CURRENT_ASSESSMENTS } from './assessment-standing.ts';
import { LANDSCAPE } from './landscape.ts';
import { addingTo, difference, type Refresh, replacingRows, type Rollup } from './rollup-sums.ts';

const COMPONENT_COLUMNS = ['application_id', 'reference_component_id', 'municipality_code', 'application_name', 'product_version_id', 'legacy', 'compliant'];
const PRODUCT_COLUMNS = ['application_id', 'municipality_code', 'product_version_id'];

function onlyThese(applicationIds: readonly string[] | undefined): { sql: string; bindings: Knex.RawBinding[] } {
  return applicationIds ? { sql: 'and a.id = any(?::uuid[])', bindings: [[...applicationIds]] } : { sql: '', bindings: [] };
}

/** Per application in today's landscape and reference component it fills: whether it is legacy or compliant. */
function componentFactsQuery(applicationIds?: readonly string[]) {
  const these = onlyThese(applicationIds);
  return {
    sql: `select a.id as application_id, r.reference_component_id, a.municipality_code, a.name as application_name,
                 a.product_version_id, (a.status <> 'compliant')::int as legacy, (a.status = 'compliant')::int as compliant
          from applications a join application_reference_components r on r.application_id = a.id
          where a.deleted_at is null and a.lifecycle in ${LANDSCAPE} ${these.sql}`,
    bindings: these.bindings,
  };
}

/** Per compliant application in today's landscape: its product version. */
function productFactsQuery(applicationIds?: readonly string[]) {
  const these = onlyThese(applicationIds);
  return {
    sql: `select a.id as application_id, a.municipality_code, a.product_version_id
          from applications a
          where a.deleted_at is null and a.lifecycle in ${LANDSCAPE} and a.status = 'compliant' ${these.sql}`,
    bindings: these.bindings,
  };
}

const count = ['application_count'];
const LEGACY_COMPONENTS: Rollup = {
  table: 'progress_legacy_components',
  keys: { municipality_code: 'text', reference_component_id: 'uuid' },
  columns: count,
};
const NATIONAL_LEGACY_COMPONENTS: Rollup = {
  table: 'progress_national_legacy_components',
  keys: { reference_component_id: 'uuid' },
  columns: ['municipality_count'],
};
const COMPLIANT_COMPONENT_PRODUCTS: Rollup = {
  table: 'progress_compliant_component_products',
  keys: { municipality_code: 'text', reference_component_id: 'uuid', product_version_id: 'uuid' },
  nullableKeys: ['product_version_id'],
  columns: count,
};
const COMPLIANT_PRODUCTS: Rollup = {
  table: 'progress_compliant_products',
  keys: { product_version_id: 'uuid', municipality_code: 'text' },
  nullableKeys: ['product_version_id'],
  columns: count,
};

/**
 * A municipality counts nationally while its own count is above zero, so a national count of municipalities moves
 * only when a municipality's count crosses zero: +1 or -1 for each row of `added` (the new sums) whose count did,
 * given `diff` (what the write added) and the key columns that join them.
 */
function crossings(added: string, diff: string, keys: readonly string[]): string {
  const on = keys.map((k) => `n.${k} = d.${k}`).join(' and ');
  return `select ${keys.map((k) => `n.${k}`).join(', ')}, d.application_count as diff,
                 (n.application_count > 0)::int - (n.application_count - d.application_count > 0)::int as crossing
          from ${added} n join ${diff} d on ${on}`;
}

/** How the usage rollups follow the applications' current rows; the counterpart of `progressRefresh`. */
export function usageRefresh(applicationIds: readonly string[]): Refresh {
  const components = componentFactsQuery(applicationIds);
  const products = productFactsQuery(applicationIds);
  return {
    ctes: [
      replacingRows('components', 'progress_application_components', ['application_id', 'reference_component_id'], COMPONENT_COLUMNS, components.sql),
      replacingRows('products', 'progress_application_products', ['application_id'], PRODUCT_COLUMNS, products.sql),
      `legacy_diff as (${difference('components', ['municipality_code', 'reference_component_id'], { application_count: 'legacy' })})`,
      addingTo('legacy', LEGACY_COMPONENTS, 'select * from legacy_diff'),
      `legacy_crossings as (${crossings('legacy', 'legacy_diff', ['municipality_code', 'reference_component_id'])})`,
      addingTo(
        'national_legacy',
        NATIONAL_LEGACY_COMPONENTS,
        'select reference_component_id, sum(crossing) as municipality_count from legacy_crossings group by reference_component_id',
      ),
      addingTo(
        'component_products',
        COMPLIANT_COMPONENT_PRODUCTS,
        difference('components', ['municipality_code', 'reference_component_id', 'product_version_id'], { application_count: 'compliant' }),
      ),
      addingTo('compliant_products', COMPLIANT_PRODUCTS, difference('products', ['product_version_id', 'municipality_code'], { application_count: '1' })),
    ],
    bindings: [[...applicationIds], ...components.bindings, [...applicationIds], [...applicationIds], ...products.bindings, [...applicationIds]],
    rollups: {
      legacy: LEGACY_COMPONENTS,
      national_legacy: NATIONAL_LEGACY_COMPONENTS,
      component_products: COMPLIANT_COMPONENT_PRODUCTS,
      compliant_products: COMPLIANT_PRODUCTS,
    },
  };
}

/** Recomputes the usage rollups from today's rows, set-based; part of the full rebuild. */
export async function rebuildUsageRollups(db: Knex): Promise<void> {
  await db.raw(`truncate progress_application_components, progress_application_products, progress_legacy_components,
                progress_national_legacy_components, progress_compliant_component_products, progress_compliant_products`);
  const components = componentFactsQuery();
  await db.raw(
    `insert into progress_application_components (${COMPONENT_COLUMNS.join(', ')}) ${components.sql}`,
    components.bindings,
  );
  const products = productFactsQuery();
  await db.raw(`insert into progress_application_products (${PRODUCT_COLUMNS.join(', ')}) ${products.sql}`, products.bindings);
  await db.raw(
    `insert into progress_legacy_components (municipality_code, reference_component_id, application_count)
     select municipality_code, reference_component_id, sum(legacy) from progress_application_components
     group by municipality_code, reference_component_id having sum(legacy) > 0`,
  );
  await db.raw(
    `insert into progress_national_legacy_components (reference_component_id, municipality_count)
     select reference_component_id, count(*) from progress_legacy_components group by reference_component_id`,
  );
  await db.raw(
    `insert into progress_compliant_component_products (reference_component_id, municipality_code, product_version_id, application_count)
     select reference_component_id, municipality_code, product_version_id, sum(compliant) from progress_application_components
     group by reference_component_id, municipality_code, product_version_id having sum(compliant) > 0`,
  );
  await db.raw(
    `insert into progress_compliant_products (product_version_id, municipality_code, application_count)
     select product_version_id, municipality_code, count(*) from progress_application_products
     group by product_version_id, municipality_code`,
  );
}

/**
 * The reference components the most municipalities' landscapes fill with legacy applications: nationally, or among
 * `codes` (a province's or a size class's municipalities) from the per-municipality rollup.
 */
export async function topLegacyReferenceComponents(db: Knex, limit: number, codes?: readonly string[]) {
  const rows: { id: string; name: string; n: number }[] = (
    codes
      ? await db.raw(
          `select rc.id, rc.name, count(*) as n
           from progress_legacy_components l join reference_components rc on rc.id = l.reference_component_id
           where l.application_count > 0 and l.municipality_code = any(?::text[])
           group by rc.id, rc.name
           order by n desc, rc.name limit ?`,
          [[...codes], limit],
        )
      : await db.raw(
          `select rc.id, rc.name, n.municipality_count as n
           from progress_national_legacy_components n join reference_components rc on rc.id = n.reference_component_id
           where n.municipality_count > 0
           order by n desc, rc.name limit ?`,
          [limit],
        )
  ).rows;
  return rows.map((r) => ({ referenceComponentId: r.id, name: r.name, municipalityCount: Number(r.n) }));
}

/** Catalogue products counted by the versions in `alias`: none whose current judgement is `not_compliant` (PRODUCT §9). */
function recommendableVersions(alias: string): string {
  return `join product_versions v on v.id = ${alias}.product_version_id
          join products p on p.id = v.product_id
          left join current_assessments s on s.product_version_id = v.id`;
}
const RECOMMENDABLE = `s.verdict is distinct from 'not_compliant'`;


/** One municipality's compliant applications of one catalogue product version, as the top list counts them. */
export type CompliantProductUse = {
  municipalityCode: string;
  productId: string;
  product: string;
  vendor: string | null;
  applicationCount: number;
  level: AssessmentLevel | null;
};

/** Per municipality (all, or `codes`) and product version: its compliant applications, no version judged `not_compliant`. */
export async function compliantProductUses(db: Knex, codes?: readonly string[]): Promise<CompliantProductUse[]> {
  const rows: { municipality_code: string; product_id: string; product: string; vendor: string | null; application_count: number; level: AssessmentLevel | null }[] = (
    await db.raw(
      `with ${CURRENT_ASSESSMENTS}
       select c.municipality_code, p.id as product_id, p.name as product, p.vendor, c.application_count, s.level
       from progress_compliant_products c ${recommendableVersions('c')}
       where c.application_count > 0 and ${RECOMMENDABLE} ${codes ? 'and c.municipality_code = any(?::text[])' : ''}`,
      codes ? [[...codes]] : [],
    )
  ).rows;
  return rows.map((r) => ({
    municipalityCode: r.municipality_code,
    productId: r.product_id,
    product: r.product,
    vendor: r.vendor,
    applicationCount: Number(r.application_count),
    level: r.level,
  }));
}

/**
 * The catalogue products in the most municipalities' landscapes as compliant applications, counted over `uses`: a
 * municipality counts once however many versions it runs. Ties go by name, vendor (none last) and id.
 */
export function topCompliantOf(uses: Iterable<CompliantProductUse>, limit: number) {
  const products = new Map<string, { first: CompliantProductUse; municipalities: Set<string>; applicationCount: number; levels: Set<AssessmentLevel | null> }>();
  for (const use of uses) {
    let entry = products.get(use.productId);
    if (!entry) products.set(use.productId, (entry = { first: use, municipalities: new Set(), applicationCount: 0, levels: new Set() }));
    entry.municipalities.add(use.municipalityCode);
    entry.applicationCount += use.applicationCount;
    entry.levels.add(use.level);
  }
  type Counted = { productId: string; product: string; vendor: string | null; assessmentLevel: AssessmentLevel | null; municipalityCount: number; applicationCount: number };
  const counted: Counted[] = [...products.values()].map(({ first, municipalities, applicationCount, levels }) => ({
    productId: first.productId,
    product: first.product,
    vendor: first.vendor,
    assessmentLevel: judgementOf([...levels]),
    municipalityCount: municipalities.size,
    applicationCount,
  }));
  const byCounts = (a: Counted, b: Counted) => b.municipalityCount - a.municipalityCount || b.applicationCount - a.applicationCount;
  counted.sort(byCounts);
  // Only the products that tie with the last one listed need their names compared: most tie with others on their
  // counts, and a national list would otherwise compare hundreds of names as bytes to keep ten.
  let end = Math.min(limit, counted.length);
  while (end > 0 && end < counted.length && byCounts(counted[end - 1]!, counted[end]!) === 0) end++;
  const listed = counted.slice(0, end);
  const bytes = new Map(listed.map((p) => [p, { product: Buffer.from(p.product), vendor: p.vendor === null ? null : Buffer.from(p.vendor), id: Buffer.from(p.productId) }]));
  return listed
    .sort((a, b) => {
      const x = bytes.get(a)!;
      const y = bytes.get(b)!;
      return (
        byCounts(a, b) ||
        Buffer.compare(x.product, y.product) ||
        (x.vendor === null ? (y.vendor === null ? 0 : 1) : y.vendor === null ? -1 : Buffer.compare(x.vendor, y.vendor)) ||
        Buffer.compare(x.id, y.id)
      );
    })
    .slice(0, limit);
}

/**
 * The legacy applications in `code`'s landscape, once per reference component each fills, with the catalogue product
 * it runs (so a product legacy here and compliant elsewhere is recognised) and the layer.
 */
export async function legacyComponentsOf(db: Knex, code: string) {
  const rows: { rc: string; rc_name: string; id: string; name: string; product_id: string | null; layer: Layer | null }[] = (
    await db.raw(
      `select c.reference_component_id as rc, rc.name as rc_name, c.application_id as id, c.application_name as name,
              v.product_id, a.layer
       from progress_application_components c join reference_components rc on rc.id = c.reference_component_id
       join applications a on a.id = c.application_id
       left join product_versions v on v.id = c.product_version_id
       where c.municipality_code = ? and c.legacy = 1
       order by rc.name, c.application_name, c.application_id`,
      [code],
    )
  ).rows;
  return rows;
}

/** One municipality's compliant applications of one product version for one reference component. */
export type ComponentProductUse = {
  referenceComponentId: string;
  municipalityCode: string;
  municipality: string;
  population: number;
  productId: string;
  product: string;
  vendor: string | null;
  level: AssessmentLevel | null;
};

/** Per municipality (all, or `codes`), reference component and product version in use as compliant; none judged `not_compliant`. */
export async function componentProductUses(db: Knex, codes?: readonly string[]): Promise<ComponentProductUse[]> {
  const rows: { rc: string; code: string; municipality: string; population: number; product_id: string; product: string; vendor: string | null; level: AssessmentLevel | null }[] = (
    await db.raw(
      `with ${CURRENT_ASSESSMENTS}
       select c.reference_component_id as rc, c.municipality_code as code, mu.name as municipality, mu.population,
              p.id as product_id, p.name as product, p.vendor, s.level
       from progress_compliant_component_products c ${recommendableVersions('c')}
       join municipalities mu on mu.code = c.municipality_code
       where c.application_count > 0 and ${RECOMMENDABLE} ${codes ? 'and c.municipality_code = any(?::text[])' : ''}`,
      codes ? [[...codes]] : [],
    )
  ).rows;
  return rows.map((r) => ({
    referenceComponentId: r.rc,
    municipalityCode: r.code,
    municipality: r.municipality,
    population: Number(r.population),
    productId: r.product_id,
    product: r.product,
    vendor: r.vendor,
    level: r.level,
  }));
}

/**
 * The uses among `uses` of `components`, with how each version is judged, nearest to `population` first, then by the
 * municipality's name in byte order (as PostgreSQL's C collation has it: the same on every database and machine).
 */
export function nearestUsesOf(uses: Iterable<ComponentProductUse>, components: readonly string[], population: number) {
  const wanted = new Set(components);
  const chosen: ComponentProductUse[] = [];
  for (const use of uses) if (wanted.has(use.referenceComponentId)) chosen.push(use);
  // The uses of one municipality tie on distance, so names are compared for nearly every pair: put them in order once.
  const names = [...new Set(chosen.map((u) => u.municipality))].map((name) => ({ name, bytes: Buffer.from(name) }));
  const place = new Map(names.sort((a, b) => Buffer.compare(a.bytes, b.bytes)).map(({ name }, i) => [name, i]));
  const distance = (u: ComponentProductUse) => Math.abs(u.population - population);
  return chosen
    .sort((a, b) => distance(a) - distance(b) || place.get(a.municipality)! - place.get(b.municipality)!)
    .map((u) => ({
      productId: u.productId,
      product: u.product,
      vendor: u.vendor,
      assessmentLevel: judgementOf([u.level]),
      rc: u.referenceComponentId,
      code: u.municipalityCode,
      municipality: u.municipality,
    }));
}
