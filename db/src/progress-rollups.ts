/**
 * The progress rollups (see the migration create_progress_rollups): how they are computed from the raw event
 * history, kept exact on every write, and rebuilt after bulk loads. One SQL definition of an application's
 * contribution serves all three and the "as known at" reconstruction, so they cannot drift apart.
 */
import type { Knex } from 'knex';
import { LANDSCAPE } from './landscape.ts';
import { bumpMeasureRevision } from './measure-revision.ts';
import { accumulate, addToRollup, type Diffs, placeholders, replaceApplicationRows } from './rollup-sums.ts';
import { rebuildUsageRollups, refreshUsageRollupsOf } from './usage-rollups.ts';

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
 * Each application's contribution as steps: one row per month in which its contribution at the month's end
 * differs from the month before, holding the difference. State at a month's end is, per field, the latest event
 * that set it with effective date up to then (ties: the later recorded, higher id, wins).
 */
export function contributionStepsQuery(filter: StepsFilter): { sql: string; bindings: Knex.RawBinding[] } {
  const eventWhere = ['(e.status is not null or e.lifecycle is not null)'];
  const applicationWhere: string[] = [];
  const eventBindings: Knex.RawBinding[] = [];
  const applicationBindings: Knex.RawBinding[] = [];
  if (filter.applicationIds) {
    eventWhere.push(`e.application_id in (${placeholders(filter.applicationIds)})`);
    eventBindings.push(...filter.applicationIds);
  }
  if (filter.municipalityCodes) {
    const codes = filter.municipalityCodes.length > 0 ? filter.municipalityCodes : [''];
    eventWhere.push(`e.application_id in (select id from applications where municipality_code in (${placeholders(codes)}))`);
    eventBindings.push(...codes);
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
             count(e.status) over w as status_group, count(e.lifecycle) over w as lifecycle_group
      from application_events e
      where ${eventWhere.join(' and ')}
      window w as (partition by e.application_id order by e.effective_date, e.id)
    ),
    states as (
      select application_id, effective_date, id, date_trunc('month', effective_date)::date as month,
             first_value(status) over (partition by application_id, status_group order by effective_date, id) as status,
             first_value(lifecycle) over (partition by application_id, lifecycle_group order by effective_date, id) as lifecycle
      from ordered
    ),
    month_ends as (
      select distinct on (application_id, month) application_id, month, status, lifecycle
      from states
      order by application_id, month, effective_date desc, id desc
    ),
    amounts as (
      select m.application_id, m.month, a.municipality_code, coalesce(a.layer, '') as layer,
             case when m.lifecycle in ${LANDSCAPE} then 1 else 0 end as landscape,
             case when m.lifecycle in ${LANDSCAPE} and m.status = 'compliant' then 1 else 0 end as compliant,
             case when m.lifecycle in ${LANDSCAPE} and m.status = 'in_transition' then 1 else 0 end as in_transition,
             case when m.lifecycle in ${LANDSCAPE} then coalesce(a.annual_cost, 0) else 0 end as landscape_cost,
             case when m.lifecycle in ${LANDSCAPE} and m.status = 'compliant' then coalesce(a.annual_cost, 0) else 0 end as compliant_cost,
             case when m.lifecycle in ${LANDSCAPE} and a.annual_cost is not null then 1 else 0 end as cost_known
      from month_ends m join applications a on a.id = m.application_id
      where ${applicationWhere.join(' and ')}
    ),
    steps as (
      select application_id, month, municipality_code, layer,
             ${CONTRIBUTION_COLUMNS.map((c) => `${c} - coalesce(lag(${c}) over w, 0) as ${c}`).join(',\n             ')}
      from amounts
      window w as (partition by application_id order by month)
    )
    select * from steps where ${CONTRIBUTION_COLUMNS.map((c) => `${c} <> 0`).join(' or ')}`;
  return { sql, bindings: [...eventBindings, ...applicationBindings] };
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
      where a.deleted_at is null and a.lifecycle in ${LANDSCAPE}
            ${applicationIds ? `and a.id in (${placeholders(applicationIds)})` : ''}
    ) a`;
  return { sql, bindings: applicationIds ? [...applicationIds] : [] };
}

/** The target grows from the share at the end of the month before the programme start's month. */
async function programmeStartMonth(db: Knex): Promise<string> {
  const row = await db('programme_settings').first<{ start_month: string }>(
    db.raw(`date_trunc('month', programme_start)::date as start_month`),
  );
  return row!.start_month;
}

/**
 * Brings every rollup in line with one application's current timeline, layer, cost, inventory fields and deletion,
 * whatever the write was (create, change, back-dated change, retirement, delete). Call it inside the write's
 * transaction, after the write: it replaces the application's stored steps and facts and adds the difference to
 * the sums, touching only the months and rows that changed.
 */
export async function refreshApplicationRollups(db: Knex, applicationId: string): Promise<void> {
  await refreshRollupsOf(db, [applicationId]);
}

/** The same for many applications at once (an import), in one pass over each rollup; ids must not be empty. */
export async function refreshRollupsOf(db: Knex, applicationIds: readonly string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  const startMonth = await programmeStartMonth(db);

  const steps = await replaceApplicationRows<StepRow>(
    db,
    'progress_application_steps',
    applicationIds,
    ['application_id', 'month', 'municipality_code', 'layer', ...CONTRIBUTION_COLUMNS],
    contributionStepsQuery({ applicationIds }),
  );

  const byMunicipality: Diffs<ContributionRow> = new Map();
  const national: Diffs<ContributionRow> = new Map();
  const current: Diffs<ContributionRow> = new Map();
  const start: Diffs<ContributionRow> = new Map();
  for (const [rows, sign] of [[steps.before, -1], [steps.after, 1]] as const)
    for (const s of rows) {
      accumulate(byMunicipality, { municipality_code: s.municipality_code, month: s.month, layer: s.layer }, s, CONTRIBUTION_COLUMNS, sign);
      accumulate(national, { month: s.month, layer: s.layer }, s, CONTRIBUTION_COLUMNS, sign);
      accumulate(current, { municipality_code: s.municipality_code, layer: s.layer }, s, CONTRIBUTION_COLUMNS, sign);
      if (s.month < startMonth)
        accumulate(start, { municipality_code: s.municipality_code, layer: s.layer }, s, CONTRIBUTION_COLUMNS, sign);
    }
  await addToRollup(db, 'progress_municipality_deltas', ['municipality_code', 'month', 'layer'], CONTRIBUTION_COLUMNS, byMunicipality);
  await addToRollup(db, 'progress_national_deltas', ['month', 'layer'], CONTRIBUTION_COLUMNS, national);
  await addToRollup(db, 'progress_current', ['municipality_code', 'layer'], CONTRIBUTION_COLUMNS, current);
  await addToRollup(db, 'progress_start', ['municipality_code', 'layer'], CONTRIBUTION_COLUMNS, start);

  const facts = await replaceApplicationRows<CompletenessRow & { municipality_code: string }>(
    db,
    'progress_application_facts',
    applicationIds,
    ['application_id', 'municipality_code', ...COMPLETENESS_COLUMNS],
    completenessFactsQuery(applicationIds),
  );
  const completeness: Diffs<CompletenessRow> = new Map();
  for (const [rows, sign] of [[facts.before, -1], [facts.after, 1]] as const)
    for (const f of rows) accumulate(completeness, { municipality_code: f.municipality_code }, f, COMPLETENESS_COLUMNS, sign);
  await addToRollup(db, 'progress_completeness', ['municipality_code'], COMPLETENESS_COLUMNS, completeness);
  await refreshUsageRollupsOf(db, applicationIds);
  await bumpMeasureRevision(db);
}

const sums = (columns: readonly string[]) => columns.map((c) => `sum(${c}) as ${c}`).join(', ');

/** Recomputes the starting-share rollup, after the programme start changed; the caller bumps the revision. */
export async function rebuildStartRollup(db: Knex): Promise<void> {
  const startMonth = await programmeStartMonth(db);
  await db('progress_start').delete();
  await db.raw(
    `insert into progress_start (municipality_code, layer, ${contributionList})
     select municipality_code, layer, ${sums(CONTRIBUTION_COLUMNS)} from progress_municipality_deltas
     where month < ? group by municipality_code, layer`,
    [startMonth],
  );
}

/**
 * Recomputes every progress rollup from the raw history, set-based. For after bulk loads (demo seed, imports
 * that write rows directly); ordinary writes keep the rollups fresh through refreshApplicationRollups.
 */
export async function rebuildRollups(db: Knex): Promise<void> {
  const work = async (trx: Knex) => {
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
    await rebuildUsageRollups(trx);
    await trx.raw('analyze progress_municipality_deltas, progress_national_deltas, progress_current, progress_start');
    await bumpMeasureRevision(trx);
  };
  if (db.isTransaction) await work(db);
  else await db.transaction(work);
}
