/**
 * The progress rollups (see the migration create_progress_rollups), the one place that reads and writes them: how
 * they are computed from the raw event history, kept exact on every write, rebuilt after bulk loads, and read by
 * the dashboards. One SQL definition of an application's contribution serves all of these and the "as known at"
 * reconstruction, so they cannot drift apart. The same measure in TypeScript (`@tm/shared/measure/share` and
 * `completeness`) is the oracle the tests hold these against (`server/test/measure-oracle.ts`).
 */
import type { Knex } from 'knex';
import type { Layer } from '@tm/shared/schemas/application';
import type { CompletenessCounts } from '@tm/shared/measure/completeness';
import type { Contribution } from '@tm/shared/measure/share';
import type { Measure } from '@tm/shared/schemas/progress';
import { LANDSCAPE } from './landscape.ts';
import { MEMBERS_EVER } from './membership.ts';
import { addingTo, difference, placeholders, type Refresh, replacingRows, type Rollup, sums } from './rollup-sums.ts';

export const CONTRIBUTION_COLUMNS = [
  'landscape',
  'compliant',
  'in_transition',
  'landscape_cost',
  'compliant_cost',
  'cost_known',
] as const;
export type ContributionRow = Record<(typeof CONTRIBUTION_COLUMNS)[number], number>;

export const COMPLETENESS_COLUMNS = [
  'application_count',
  'with_reference_component',
  'with_layer',
  'legacy_count',
  'legacy_with_planned_year',
  'with_annual_cost',
  'complete_count',
  'complete_with_cost_count',
] as const;
export type CompletenessRow = Record<(typeof COMPLETENESS_COLUMNS)[number], number>;

export type StepRow = ContributionRow & { application_id: string; month: string; municipality_code: string; layer: string };

export type StepsFilter = {
  applicationIds?: readonly string[];
  municipalityCodes?: readonly string[];
  /** Only what was recorded by then, and applications not yet deleted then. */
  knownAt?: string;
};

const contributionList = CONTRIBUTION_COLUMNS.join(', ');

/**
 * Each application's contribution as steps: one row per month and municipality in which its contribution at the
 * month's end differs from the month before, holding the difference. State at a month's end is, per field, the
 * latest event that set it with effective date up to then (ties: the later recorded, higher id, wins). The
 * municipality it belongs to is the one named by the `moved` event recorded last among those in force by then, else
 * the one it was created in (see `membership.ts`). In the month
 * it moves it leaves one municipality (minus what it gave there) and arrives in the other (plus what it gives now),
 * so the national sums are the same as if it had not moved.
 */
export function contributionStepsQuery(filter: StepsFilter): { sql: string; bindings: Knex.RawBinding[] } {
  const eventWhere = [`(e.status is not null or e.lifecycle is not null or e.action = 'moved')`];
  const applicationWhere: string[] = [];
  const stepWhere: string[] = [];
  const eventBindings: Knex.RawBinding[] = [];
  const applicationBindings: Knex.RawBinding[] = [];
  const stepBindings: Knex.RawBinding[] = [];
  if (filter.applicationIds) {
    eventWhere.push('e.application_id = any(?::uuid[])');
    eventBindings.push([...filter.applicationIds]);
  }
  if (filter.municipalityCodes) {
    const codes = filter.municipalityCodes.length > 0 ? filter.municipalityCodes : [''];
    // Every application that ever belonged to one of them, and of its steps those in them.
    eventWhere.push(`e.application_id in (${MEMBERS_EVER(codes)})`);
    eventBindings.push(...codes);
    stepWhere.push(`municipality_code in (${placeholders(codes)})`);
    stepBindings.push(...codes);
  }
  if (filter.knownAt) {
    eventWhere.push('e.recorded_at <= ?');
    eventBindings.push(filter.knownAt);
    applicationWhere.push('(a.deleted_at is null or a.deleted_at > ?)');
    applicationBindings.push(filter.knownAt);
  } else applicationWhere.push('a.deleted_at is null');

  const sql = `
    with ordered as (
      select e.application_id, e.effective_date, e.id, e.status, e.lifecycle,
             substr(max(case when e.action = 'moved' then lpad(e.id::text, 20, '0') || e.municipality_code end) over w, 21) as moved_to,
             max(case when e.action = 'created' then e.municipality_code end) over (partition by e.application_id) as created_in,
             count(e.status) over w as status_group, count(e.lifecycle) over w as lifecycle_group
      from application_events e
      where ${eventWhere.join(' and ')}
      window w as (partition by e.application_id order by e.effective_date, e.id)
    ),
    states as (
      select application_id, effective_date, id, created_in, date_trunc('month', effective_date)::date as month,
             first_value(status) over (partition by application_id, status_group order by effective_date, id) as status,
             first_value(lifecycle) over (partition by application_id, lifecycle_group order by effective_date, id) as lifecycle,
             moved_to
      from ordered
    ),
    month_ends as (
      select distinct on (application_id, month) application_id, month, status, lifecycle, coalesce(moved_to, created_in) as member_of
      from states
      order by application_id, month, effective_date desc, id desc
    ),
    amounts as (
      select m.application_id, m.month, coalesce(m.member_of, a.municipality_code) as municipality_code, coalesce(a.layer, '') as layer,
             case when m.lifecycle in ${LANDSCAPE} then 1 else 0 end as landscape,
             case when m.lifecycle in ${LANDSCAPE} and m.status = 'compliant' then 1 else 0 end as compliant,
             case when m.lifecycle in ${LANDSCAPE} and m.status = 'in_transition' then 1 else 0 end as in_transition,
             case when m.lifecycle in ${LANDSCAPE} then coalesce(a.annual_cost, 0) else 0 end as landscape_cost,
             case when m.lifecycle in ${LANDSCAPE} and m.status = 'compliant' then coalesce(a.annual_cost, 0) else 0 end as compliant_cost,
             case when m.lifecycle in ${LANDSCAPE} and a.annual_cost is not null then 1 else 0 end as cost_known
      from month_ends m join applications a on a.id = m.application_id
      where ${applicationWhere.join(' and ')}
    ),
    changes as (
      select application_id, month, municipality_code, layer, ${contributionList},
             lag(municipality_code) over w as previous_code,
             ${CONTRIBUTION_COLUMNS.map((c) => `coalesce(lag(${c}) over w, 0) as previous_${c}`).join(', ')}
      from amounts
      window w as (partition by application_id order by month)
    ),
    steps as (
      select application_id, month, municipality_code, layer,
             ${CONTRIBUTION_COLUMNS.map((c) => `${c} - case when previous_code = municipality_code then previous_${c} else 0 end as ${c}`).join(',\n             ')}
      from changes
      union all
      select application_id, month, previous_code, layer, ${CONTRIBUTION_COLUMNS.map((c) => `-previous_${c}`).join(', ')}
      from changes where previous_code <> municipality_code
    )
    select * from steps
    where (${CONTRIBUTION_COLUMNS.map((c) => `${c} <> 0`).join(' or ')})${stepWhere.map((w) => ` and ${w}`).join('')}`;
  return { sql, bindings: [...eventBindings, ...applicationBindings, ...stepBindings] };
}

/** Per application in today's landscape, what completeness (PRODUCT §3.6) counts: each column 0 or 1. */
function completenessFactsQuery(applicationIds?: readonly string[]): { sql: string; bindings: Knex.RawBinding[] } {
  const sql = `
    select id as application_id, municipality_code, 1 as application_count,
           has_rc::int as with_reference_component,
           (layer is not null)::int as with_layer,
           (status <> 'compliant')::int as legacy_count,
           (status <> 'compliant' and planned_replacement_year is not null)::int as legacy_with_planned_year,
           (annual_cost is not null)::int as with_annual_cost,
           (has_rc and layer is not null and (status = 'compliant' or planned_replacement_year is not null))::int as complete_count,
           (has_rc and layer is not null and (status = 'compliant' or planned_replacement_year is not null)
             and annual_cost is not null)::int as complete_with_cost_count
    from (
      select a.*, exists (select 1 from application_reference_components r where r.application_id = a.id) as has_rc
      from applications a
      where a.deleted_at is null and a.lifecycle in ${LANDSCAPE} ${applicationIds ? 'and a.id = any(?::uuid[])' : ''}
    ) a`;
  return { sql, bindings: applicationIds ? [[...applicationIds]] : [] };
}

const MUNICIPALITY_DELTAS: Rollup = {
  table: 'progress_municipality_deltas',
  keys: { municipality_code: 'text', month: 'date', layer: 'text' },
  columns: CONTRIBUTION_COLUMNS,
};
const NATIONAL_DELTAS: Rollup = { table: 'progress_national_deltas', keys: { month: 'date', layer: 'text' }, columns: CONTRIBUTION_COLUMNS };
const CURRENT: Rollup = { table: 'progress_current', keys: { municipality_code: 'text', layer: 'text' }, columns: CONTRIBUTION_COLUMNS };
const START: Rollup = { table: 'progress_start', keys: { municipality_code: 'text', layer: 'text' }, columns: CONTRIBUTION_COLUMNS };
const COMPLETENESS: Rollup = { table: 'progress_completeness', keys: { municipality_code: 'text' }, columns: COMPLETENESS_COLUMNS };

/** The target grows from the share at the end of the month before the programme start's month. */
const START_MONTH = `select date_trunc('month', programme_start)::date from programme_settings`;

const same = (columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, c]));

/**
 * How the progress rollups follow the applications' current timelines, layers, costs, inventory fields and
 * deletions, whatever the writes were (create, change, back-dated change, retirement, delete): their stored steps
 * and facts replaced, and the difference added to every sum, touching only the rows that change.
 */
export function progressRefresh(applicationIds: readonly string[]): Refresh {
  const steps = contributionStepsQuery({ applicationIds });
  const facts = completenessFactsQuery(applicationIds);
  const diff = difference('steps', ['municipality_code', 'month', 'layer'], same(CONTRIBUTION_COLUMNS));
  const perLayer = `${sums(CONTRIBUTION_COLUMNS)} from steps_diff`;
  return {
    ctes: [
      replacingRows('steps', 'progress_application_steps', ['application_id', 'month', 'municipality_code'], ['application_id', 'month', 'municipality_code', 'layer', ...CONTRIBUTION_COLUMNS], steps.sql),
      `steps_diff as (${diff})`,
      addingTo('municipality_deltas', MUNICIPALITY_DELTAS, 'select * from steps_diff'),
      addingTo('national_deltas', NATIONAL_DELTAS, `select month, layer, ${perLayer} group by month, layer`),
      addingTo('current_sums', CURRENT, `select municipality_code, layer, ${perLayer} group by municipality_code, layer`),
      addingTo('start_sums', START, `select municipality_code, layer, ${perLayer} where month < (${START_MONTH}) group by municipality_code, layer`),
      replacingRows('facts', 'progress_application_facts', ['application_id'], ['application_id', 'municipality_code', ...COMPLETENESS_COLUMNS], facts.sql),
      addingTo('completeness', COMPLETENESS, difference('facts', ['municipality_code'], same(COMPLETENESS_COLUMNS))),
    ],
    bindings: [[...applicationIds], ...steps.bindings, [...applicationIds], [...applicationIds], ...facts.bindings, [...applicationIds]],
    rollups: { municipality_deltas: MUNICIPALITY_DELTAS, national_deltas: NATIONAL_DELTAS, current_sums: CURRENT, start_sums: START, completeness: COMPLETENESS },
  };
}

/** Recomputes the starting-share rollup, after the programme start moved. */
export async function rebuildStartRollup(db: Knex): Promise<void> {
  await db('progress_start').delete();
  await db.raw(
    `insert into progress_start (municipality_code, layer, ${contributionList})
     select municipality_code, layer, ${sums(CONTRIBUTION_COLUMNS)} from progress_municipality_deltas
     where month < (${START_MONTH}) group by municipality_code, layer`,
  );
}

/**
 * Recomputes every progress rollup from the raw history, set-based, inside the caller's transaction: for after
 * bulk loads (demo seed, bench data); ordinary writes keep the rollups exact through `refreshProgressRollups`.
 */
export async function rebuildProgressRollups(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`truncate progress_application_steps, progress_municipality_deltas, progress_national_deltas,
                 progress_current, progress_start, progress_application_facts, progress_completeness`);
  const steps = contributionStepsQuery({});
  await trx.raw(
    `insert into progress_application_steps (application_id, month, municipality_code, layer, ${contributionList})
     select application_id, month, municipality_code, layer, ${contributionList} from (${steps.sql}) s`,
    steps.bindings,
  );
  await trx.raw(
    `insert into progress_municipality_deltas (municipality_code, month, layer, ${contributionList})
     select municipality_code, month, layer, ${sums(CONTRIBUTION_COLUMNS)} from progress_application_steps
     group by municipality_code, month, layer`,
  );
  await trx.raw(
    `insert into progress_national_deltas (month, layer, ${contributionList})
     select month, layer, ${sums(CONTRIBUTION_COLUMNS)} from progress_municipality_deltas group by month, layer`,
  );
  await trx.raw(
    `insert into progress_current (municipality_code, layer, ${contributionList})
     select municipality_code, layer, ${sums(CONTRIBUTION_COLUMNS)} from progress_municipality_deltas
     group by municipality_code, layer`,
  );
  await rebuildStartRollup(trx);
  const facts = completenessFactsQuery();
  await trx.raw(
    `insert into progress_application_facts (application_id, municipality_code, ${COMPLETENESS_COLUMNS.join(', ')}) ${facts.sql}`,
    facts.bindings,
  );
  await trx.raw(
    `insert into progress_completeness (municipality_code, ${COMPLETENESS_COLUMNS.join(', ')})
     select municipality_code, ${sums(COMPLETENESS_COLUMNS)} from progress_application_facts group by municipality_code`,
  );
  await trx.raw('analyze progress_municipality_deltas, progress_national_deltas, progress_current, progress_start');
}

export type MonthlyDelta = { month: string; layer: Layer | null; contribution: Contribution };
export type MunicipalityLayerFigures = { code: string; layer: Layer | null; current: Contribution; start: Contribution };

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
 * The monthly deltas of some municipalities' contribution together (or, without codes, the nation's) by layer: from
 * the rollups, or reconstructed from the raw events as known at a moment.
 */
export async function monthlyDeltas(
  db: Knex,
  scope: { municipalityCodes?: readonly string[]; knownAt?: string | undefined },
): Promise<MonthlyDelta[]> {
  let rows: (ContributionRow & { month: string; layer: string })[];
  const codes = scope.municipalityCodes && scope.municipalityCodes.length > 0 ? scope.municipalityCodes : [''];
  if (scope.knownAt) {
    const steps = contributionStepsQuery({ knownAt: scope.knownAt, ...(scope.municipalityCodes ? { municipalityCodes: codes } : {}) });
    rows = (await db.raw(`select month, layer, ${sums(CONTRIBUTION_COLUMNS)} from (${steps.sql}) s group by month, layer`, steps.bindings)).rows;
  } else if (scope.municipalityCodes) {
    rows = await db('progress_municipality_deltas')
      .select(db.raw(`month, layer, ${sums(CONTRIBUTION_COLUMNS)}`))
      .whereIn('municipality_code', [...codes])
      .groupBy('month', 'layer');
  } else {
    rows = await db('progress_national_deltas').select(db.raw(`month, layer, ${contributionList}`));
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
        `select municipality_code, layer, ${sums(CONTRIBUTION_COLUMNS)}, ${startSums} from (${steps.sql}) s group by municipality_code, layer`,
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

/** A municipality's completeness counts for `measure`, from its row of the completeness rollup. */
export function toCompleteness(r: CompletenessRow, measure: Measure): CompletenessCounts {
  const n = (c: keyof CompletenessRow) => Number(r[c] ?? 0);
  return {
    applicationCount: n('application_count'),
    withReferenceComponent: n('with_reference_component'),
    withLayer: n('with_layer'),
    legacyCount: n('legacy_count'),
    legacyWithPlannedYear: n('legacy_with_planned_year'),
    withAnnualCost: n('with_annual_cost'),
    completeCount: measure === 'cost' ? n('complete_with_cost_count') : n('complete_count'),
  };
}

/** The completeness rollup's row of every municipality, or of `codes`: whatever the measure. */
export async function completenessRows(db: Knex, codes?: readonly string[]): Promise<Map<string, CompletenessRow>> {
  const query = db('progress_completeness').select('municipality_code', ...COMPLETENESS_COLUMNS);
  if (codes) query.whereIn('municipality_code', codes);
  const rows: (CompletenessRow & { municipality_code: string })[] = await query;
  return new Map(rows.map(({ municipality_code, ...row }) => [municipality_code, row]));
}

export async function completenessCounts(
  db: Knex,
  measure: Measure,
  codes?: readonly string[],
): Promise<Map<string, CompletenessCounts>> {
  return new Map([...(await completenessRows(db, codes))].map(([code, row]) => [code, toCompleteness(row, measure)]));
}

/**
 * Completeness counted over the applications that `members` selects (SQL answering `application_id`s, with its
 * bindings) as they are today: for a municipality that merged away, the applications it had on its last day.
 */
export async function completenessOfMembers(
  db: Knex,
  measure: Measure,
  members: { sql: string; bindings: readonly Knex.RawBinding[] },
): Promise<CompletenessCounts> {
  const { rows } = await db.raw(
    `select ${sums(COMPLETENESS_COLUMNS)} from progress_application_facts where application_id in (${members.sql})`,
    [...members.bindings],
  );
  return toCompleteness(rows[0] as CompletenessRow, measure);
}
