/**
 * The rollup of what the catalogue's verified judgements make of each municipality's landscape (PRODUCT §9): per
 * application in today's landscape whose product version has a verified assessment, its facts; per municipality,
 * their sums. Kept exact by every application write (with the other progress rollups), by a verification (for the
 * applications running that version) and by a merge of products (for the applications it moved), and rebuilt after
 * bulk loads. `@tm/shared/measure/verified` is the same in TypeScript, the oracle the tests hold this against.
 */
import type { Knex } from 'knex';
import { addVerified, NO_VERIFIED, type VerifiedCounts } from '@tm/shared/measure/verified';
import { LANDSCAPE } from './landscape.ts';
import { contributionStepsQuery } from './progress-rollups.ts';
import { addingTo, difference, placeholders, type Refresh, replacingRows, type Rollup, sums } from './rollup-sums.ts';

export const VERIFIED_COLUMNS = [
  'verified_count',
  'verdict_compliant',
  'reported_compliant',
  'disagreement_count',
  'verified_cost',
  'verdict_compliant_cost',
  'reported_compliant_cost',
] as const;

/**
 * The verified judgement in force for the version of application `a`, as lateral `s` (id, verdict, effective date):
 * the latest verified one, through the assessments' index. With `knownAt`, of those recorded by then (bound as `?`).
 */
export function verifiedOfApplication(knownAt = false): string {
  return `lateral (
    select s.id, s.verdict, s.effective_date from assessments s
    where s.product_version_id = a.product_version_id and s.level = 'verified' ${knownAt ? 'and s.recorded_at <= ?' : ''}
    order by s.effective_date desc, s.recorded_at desc, s.id desc
    limit 1
  ) as s`;
}

/** The facts of one application from its landscape flags `x` (landscape, compliant, cost) and verdict `s`. */
const FACTS = `1 as verified_count,
  (s.verdict = 'compliant')::int as verdict_compliant,
  x.compliant as reported_compliant,
  ((s.verdict = 'compliant')::int <> x.compliant)::int as disagreement_count,
  x.cost as verified_cost,
  case when s.verdict = 'compliant' then x.cost else 0 end as verdict_compliant_cost,
  x.compliant * x.cost as reported_compliant_cost`;

/** Per application of today's landscape (those among `applicationIds`, bound as `?`) that runs a verified version. */
function verifiedFactsQuery(applicationIds?: readonly string[]): { sql: string; bindings: Knex.RawBinding[] } {
  const sql = `
    select a.id as application_id, a.municipality_code, ${FACTS}
    from applications a
    cross join lateral (select (a.status = 'compliant')::int as compliant, coalesce(a.annual_cost, 0) as cost) as x
    cross join ${verifiedOfApplication()}
    where a.deleted_at is null and a.lifecycle in ${LANDSCAPE} ${applicationIds ? 'and a.id = any(?::uuid[])' : ''}`;
  return { sql, bindings: applicationIds ? [[...applicationIds]] : [] };
}

const VERIFIED: Rollup = { table: 'progress_verified', keys: { municipality_code: 'text' }, columns: VERIFIED_COLUMNS };

/** How the verified rollup follows the applications' current rows and their versions' verified judgements. */
export function verifiedRefresh(applicationIds: readonly string[]): Refresh {
  const facts = verifiedFactsQuery(applicationIds);
  const same = Object.fromEntries(VERIFIED_COLUMNS.map((c) => [c, c]));
  return {
    ctes: [
      replacingRows('verified_facts', 'progress_verified_facts', ['application_id'], ['application_id', 'municipality_code', ...VERIFIED_COLUMNS], facts.sql),
      addingTo('verified_sums', VERIFIED, difference('verified_facts', ['municipality_code'], same)),
    ],
    bindings: [[...applicationIds], ...facts.bindings, [...applicationIds]],
    rollups: { verified_sums: VERIFIED },
  };
}

/** Recomputes the verified rollup from the raw rows, inside the caller's transaction. */
export async function rebuildVerifiedRollups(trx: Knex.Transaction): Promise<void> {
  await trx.raw('truncate progress_verified_facts, progress_verified');
  const facts = verifiedFactsQuery();
  await trx.raw(`insert into progress_verified_facts (application_id, municipality_code, ${VERIFIED_COLUMNS.join(', ')}) ${facts.sql}`, facts.bindings);
  await trx.raw(
    `insert into progress_verified (municipality_code, ${VERIFIED_COLUMNS.join(', ')})
     select municipality_code, ${sums(VERIFIED_COLUMNS)} from progress_verified_facts group by municipality_code`,
  );
}

type VerifiedRow = Record<(typeof VERIFIED_COLUMNS)[number], number | string> & { municipality_code: string };

function toCounts(r: VerifiedRow): VerifiedCounts {
  const n = (c: (typeof VERIFIED_COLUMNS)[number]) => Number(r[c] ?? 0);
  const cents = (c: (typeof VERIFIED_COLUMNS)[number]) => Math.round(n(c) * 100) / 100;
  return {
    verified: n('verified_count'),
    verdictCompliant: n('verdict_compliant'),
    reportedCompliant: n('reported_compliant'),
    disagreements: n('disagreement_count'),
    verifiedCost: cents('verified_cost'),
    verdictCompliantCost: cents('verdict_compliant_cost'),
    reportedCompliantCost: cents('reported_compliant_cost'),
  };
}

/**
 * Each municipality's verified counts (of `codes`, or all): from the rollup, or, as known at a moment, reconstructed
 * from the events and the judgements recorded by then. A municipality without any has none in the map.
 */
export async function verifiedCounts(db: Knex, scope: { codes?: readonly string[]; knownAt?: string | undefined }): Promise<Map<string, VerifiedCounts>> {
  let rows: VerifiedRow[];
  if (scope.knownAt) {
    const steps = contributionStepsQuery({ knownAt: scope.knownAt, ...(scope.codes ? { municipalityCodes: scope.codes } : {}) });
    rows = (
      await db.raw(
        `with x as (
           select application_id, municipality_code, sum(compliant)::int as compliant, sum(landscape_cost) as cost
           from (${steps.sql}) steps group by application_id, municipality_code having sum(landscape) > 0
         )
         select x.municipality_code, ${VERIFIED_COLUMNS.map((c) => `sum(${c}) as ${c}`).join(', ')}
         from (select x.municipality_code, ${FACTS} from x join applications a on a.id = x.application_id cross join ${verifiedOfApplication(true)}) x
         group by x.municipality_code`,
        [...steps.bindings, scope.knownAt],
      )
    ).rows;
  } else {
    const query = db('progress_verified').select('municipality_code', ...VERIFIED_COLUMNS);
    if (scope.codes) query.whereRaw(`municipality_code in (${placeholders(scope.codes)})`, [...scope.codes]);
    rows = await query;
  }
  return new Map(rows.map((r) => [r.municipality_code, toCounts(r)]));
}

export function totalOf(counts: Iterable<VerifiedCounts>): VerifiedCounts {
  let total = NO_VERIFIED;
  for (const c of counts) total = addVerified(total, c);
  return total;
}
