import type { Knex } from 'knex';
import type { Layer } from '@tm/shared/schemas/application';
import type { CompletenessCounts } from '@tm/shared/measure/completeness';
import type { Contribution } from '@tm/shared/measure/share';
import type { Measure } from '@tm/shared/schemas/progress';
import {
  COMPLETENESS_COLUMNS,
  CONTRIBUTION_COLUMNS,
  type CompletenessRow,
  type ContributionRow,
  contributionStepsQuery,
} from '@tm/db/progress-rollups';

export type MonthlyDelta = { month: string; layer: Layer | null; contribution: Contribution };
export type MunicipalityLayerFigures = { code: string; layer: Layer | null; current: Contribution; start: Contribution };

const LANDSCAPE = `('in_production', 'phasing_out')`;
const columns = CONTRIBUTION_COLUMNS.join(', ');
const sums = CONTRIBUTION_COLUMNS.map((c) => `sum(${c}) as ${c}`).join(', ');

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

const cents = (n: number) => Math.round(Number(n) * 100) / 100;

function toContribution(row: Partial<ContributionRow>, prefix = ''): Contribution {
  const get = (c: (typeof CONTRIBUTION_COLUMNS)[number]) => Number((row as Record<string, unknown>)[prefix + c] ?? 0);
  return {
    landscape: get('landscape'),
    compliant: get('compliant'),
    inTransition: get('in_transition'),
    landscapeCost: cents(get('landscape_cost')),
    compliantCost: cents(get('compliant_cost')),
    costKnown: get('cost_known'),
  };
}

const toLayer = (layer: string): Layer | null => (layer === '' ? null : (layer as Layer));

/**
 * The monthly deltas of one municipality's (or, without a code, the nation's) contribution by layer: from the
 * rollups, or reconstructed from the raw events as known at a moment.
 */
export async function monthlyDeltas(db: Knex, scope: { municipalityCode?: string; knownAt?: string | undefined }): Promise<MonthlyDelta[]> {
  let rows: (ContributionRow & { month: string; layer: string })[];
  if (scope.knownAt) {
    const steps = contributionStepsQuery({
      knownAt: scope.knownAt,
      ...(scope.municipalityCode ? { municipalityCodes: [scope.municipalityCode] } : {}),
    });
    rows = (await db.raw(`select month, layer, ${sums} from (${steps.sql}) s group by month, layer`, steps.bindings)).rows;
  } else if (scope.municipalityCode) {
    rows = await db('progress_municipality_deltas').select(db.raw(`month, layer, ${columns}`)).where({ municipality_code: scope.municipalityCode });
  } else {
    rows = await db('progress_national_deltas').select(db.raw(`month, layer, ${columns}`));
  }
  return rows.map((r) => ({ month: r.month, layer: toLayer(r.layer), contribution: toContribution(r) }));
}

/**
 * Per municipality and layer: today's contribution and the one at the end of the month before `startMonth` (the
 * starting share of the target).
 */
export async function municipalityFigures(
  db: Knex,
  scope: { codes?: readonly string[]; knownAt?: string | undefined; startMonth: string },
): Promise<MunicipalityLayerFigures[]> {
  let rows: Record<string, unknown>[];
  if (scope.knownAt) {
    const steps = contributionStepsQuery({ knownAt: scope.knownAt, ...(scope.codes ? { municipalityCodes: scope.codes } : {}) });
    const startSums = CONTRIBUTION_COLUMNS.map((c) => `coalesce(sum(${c}) filter (where month < ?), 0) as start_${c}`).join(', ');
    rows = (
      await db.raw(
        `select municipality_code, layer, ${sums}, ${startSums} from (${steps.sql}) s group by municipality_code, layer`,
        [...CONTRIBUTION_COLUMNS.map(() => scope.startMonth), ...steps.bindings],
      )
    ).rows;
  } else {
    const where = scope.codes ? `where coalesce(c.municipality_code, s.municipality_code) in (${placeholders(scope.codes)})` : '';
    rows = (
      await db.raw(
        `select coalesce(c.municipality_code, s.municipality_code) as municipality_code, coalesce(c.layer, s.layer) as layer,
                ${CONTRIBUTION_COLUMNS.map((c) => `c.${c}, s.${c} as start_${c}`).join(', ')}
         from progress_current c full join progress_start s using (municipality_code, layer) ${where}`,
        scope.codes ? [...scope.codes] : [],
      )
    ).rows;
  }
  return rows.map((r) => ({
    code: r.municipality_code as string,
    layer: toLayer(r.layer as string),
    current: toContribution(r),
    start: toContribution(r, 'start_'),
  }));
}

export async function completenessCounts(
  db: Knex,
  measure: Measure,
  codes?: readonly string[],
): Promise<Map<string, CompletenessCounts>> {
  const query = db('progress_completeness').select('municipality_code', ...COMPLETENESS_COLUMNS);
  if (codes) query.whereIn('municipality_code', codes);
  const rows: (CompletenessRow & { municipality_code: string })[] = await query;
  return new Map(
    rows.map((r) => [
      r.municipality_code,
      {
        applicationCount: r.application_count,
        withReferenceComponent: r.with_reference_component,
        withLayer: r.with_layer,
        legacyCount: r.legacy_count,
        legacyWithPlannedYear: r.legacy_with_planned_year,
        withAnnualCost: r.with_annual_cost,
        completeCount: measure === 'cost' ? r.complete_with_cost_count : r.complete_count,
      },
    ]),
  );
}

/** Legacy applications in today's landscape by planned replacement year. */
export async function plannedReplacements(db: Knex, code: string): Promise<Map<number, number>> {
  const rows: { year: number; n: number }[] = await db('applications')
    .select('planned_replacement_year as year')
    .count('* as n')
    .where({ municipality_code: code })
    .whereNull('deleted_at')
    .whereRaw(`lifecycle in ${LANDSCAPE}`)
    .whereNot('status', 'compliant')
    .whereNotNull('planned_replacement_year')
    .groupBy('planned_replacement_year');
  return new Map(rows.map((r) => [Number(r.year), Number(r.n)]));
}

/** The reference components that the most municipalities still fill with a legacy application. */
export async function topLegacyReferenceComponents(db: Knex, limit: number) {
  const rows: { id: string; name: string; n: number }[] = (
    await db.raw(
      `select rc.id, rc.name, n.municipality_count as n
       from progress_national_legacy_components n join reference_components rc on rc.id = n.reference_component_id
       where n.municipality_count > 0
       order by n desc, rc.name limit ?`,
      [limit],
    )
  ).rows;
  return rows.map((r) => ({ referenceComponentId: r.id, name: r.name, municipalityCount: Number(r.n) }));
}

/** The compliant products in the most municipalities' landscapes. */
export async function topCompliantProducts(db: Knex, limit: number) {
  const rows: { product: string; vendor: string | null; municipality_count: number; application_count: number }[] = await db(
    'progress_national_compliant_products',
  )
    .select('product', 'vendor', 'municipality_count', 'application_count')
    .where('municipality_count', '>', 0)
    .orderBy([
      { column: 'municipality_count', order: 'desc' },
      { column: 'application_count', order: 'desc' },
      'product',
      'vendor',
    ])
    .limit(limit);
  return rows.map((r) => ({
    product: r.product,
    vendor: r.vendor,
    municipalityCount: Number(r.municipality_count),
    applicationCount: Number(r.application_count),
  }));
}
