/**
 * The demo landscape: a plausible, entirely fictional national application landscape with its history since 2019,
 * generated set-based in SQL so that ~100k applications and ~400k events load within seconds on the embedded
 * database. Every random choice is an md5 of the seed and the thing being decided, so the same seed and reference
 * date give the same rows on PGlite and on a PostgreSQL server (no floating-point function that differs between C
 * libraries is used: only +, −, ×, ÷ and sqrt, which IEEE 754 rounds the same everywhere).
 *
 * The model, per municipality: a share compliant at the start of 2019, then a pace (linear, or slow at first and
 * accelerating) from a municipality-specific start. Each "slot" of its landscape (one functional need) becomes
 * compliant at the moment that curve passes the slot's own random quantile: either in place (the vendor's product
 * goes legacy → in transition → compliant) or by replacement (the old application is phased out, a new compliant
 * one takes over, possibly planned some months ahead). Around that: applications added since 2019, some switched
 * off without successor, aborted transitions, planned replacement years, version upgrades.
 */
import type { Knex } from 'knex';
import { linkProductVersions } from '../src/catalogue-links.ts';
import { uuidFromMd5 } from '../src/sql-ids.ts';
import { seedDemoAssessments } from './demo-assessments.ts';
import { CORE_COMPONENTS, DEPARTMENTS, buildCatalogue, vendorSpellings } from './demo-catalogue.ts';

export type DemoOptions = {
  seed: number;
  /** Multiplies the number of applications per municipality; 1 is the national scale, tests use less. */
  scale?: number;
  /** The day the generated history runs up to (YYYY-MM-DD); applications' state is their state on that day. */
  asOf: string;
};

export type DemoTotals = { municipalities: number; applications: number; events: number };

export const DEMO_ACTOR = 'demo-generator';
export const DEMO_NOTE_PREFIX = 'Demogegevens';

/** Random number in [0, 1) from 32 bits of an md5 hex column; i picks one of its four 32-bit parts. */
export function r(hash: string, i: 0 | 1 | 2 | 3): string {
  return `(('x' || substr(${hash}, ${1 + 8 * i}, 8))::bit(32)::bigint::float8 / 4294967296.0)`;
}

function checkOptions({ seed, scale = 1, asOf }: DemoOptions): Required<DemoOptions> {
  if (!Number.isSafeInteger(seed)) throw new Error(`demo seed must be a whole number, got ${seed}`);
  if (!(scale > 0 && scale <= 4)) throw new Error(`demo scale must be above 0 and at most 4, got ${scale}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || asOf < '2019-06-01')
    throw new Error(`demo reference date must be a date from 2019-06-01, got ${asOf}`);
  return { seed, scale, asOf };
}

/**
 * Generates the demo landscape into a database that has its reference data but no applications. One transaction:
 * it is there completely or not at all.
 */
export async function generateDemoLandscape(db: Knex, options: DemoOptions): Promise<DemoTotals> {
  const { seed, scale, asOf } = checkOptions(options);
  // Every hash starts with the seed; the seed is a checked integer, so inlining it is safe.
  const h = (key: string) => `md5('${seed}:' || ${key})`;
  const day = `date '${asOf}'`;
  const start = `date '2019-01-01'`;

  return db.transaction(async (trx) => {
    const run = async (sql: string, bindings: readonly Knex.RawBinding[] = []) => {
      const t = Date.now();
      await trx.raw(sql, bindings);
      // Temporary tables get no statistics of their own; without them the planner joins them row by row.
      const created = /^\s*create temp table (\w+)/.exec(sql)?.[1];
      if (created) await trx.raw(`analyze ${created}`);
      if (process.env.DEMO_DEBUG) console.info(Date.now() - t, sql.trim().slice(0, 60));
    };
    // Sorts and hashes of this size spill to files at the default setting, which on the embedded database's
    // emulated file system costs most of the time.
    await trx.raw(`set local work_mem = '256MB'`);
    // Row estimates through generate_series are far off; a PostgreSQL server would spend seconds compiling
    // these one-off queries.
    if ((await trx.raw(`select count(*)::int as n from pg_settings where name = 'jit'`)).rows[0].n > 0) await trx.raw('set local jit = off');
    const components: { id: string; name: string }[] = await trx('reference_components').select('id', 'name').orderBy('id');
    if (components.length === 0) throw new Error('reference components must be loaded before the demo landscape');
    const catalogue = buildCatalogue(components);

    await run(
      `create temp table demo_products on commit drop as
       select * from jsonb_to_recordset(?::jsonb)
         as p(key int, name text, vendor text, spellings text[], layer text, compliant boolean, suite boolean, releases text[],
           "componentIds" text[], "baseCost" int)`,
      [JSON.stringify(catalogue.products.map((p) => ({ ...p, spellings: vendorSpellings(p.vendor) })))],
    );
    // Per component and kind, the product keys repeated by weight: a draw is one index into that array.
    await run(
      `create temp table demo_choices on commit drop as
       select o."componentId"::uuid as component_id, o.compliant, array_agg(o."productKey" order by o."productKey", w) as keys
       from jsonb_to_recordset(?::jsonb) as o("componentId" text, compliant boolean, "productKey" int, weight int)
       cross join lateral generate_series(1, o.weight) as w
       group by 1, 2`,
      [JSON.stringify(catalogue.offers)],
    );
    await run(
      `create temp table demo_entries on commit drop as
       select row_number() over (order by rc.id, w)::int as idx, rc.id as component_id
       from reference_components rc
       cross join lateral generate_series(1, case when rc.name in (select jsonb_array_elements_text(?::jsonb)) then 3 else 1 end) as w`,
      [JSON.stringify(CORE_COMPONENTS)],
    );

    const { entries } = ((await trx.raw('select count(*)::int as entries from demo_entries')).rows as { entries: number }[])[0]!;

    // Municipalities: size of the landscape, pace profile, diligence (how complete its data is), inventory date.
    await run(`
      create temp table demo_m on commit drop as
      with hashed as materialized (
        select m.code, m.population, ${h(`'m:' || m.code`)} as h1, ${h(`'m2:' || m.code`)} as h2
        from municipalities m
      ), profiled as materialized (
        select code, population, h1, h2,
          greatest(1, round(${scale} * least(620, greatest(70, 1.25 * sqrt(population::float8) * (0.92 + 0.16 * ${r('h1', 0)})))))::int as n_slots,
          case when ${r('h1', 1)} < 0.06 then 'front' when ${r('h1', 1)} < 0.13 then 'track' else 'behind' end as profile,
          ${r('h1', 2)} as r2, ${r('h1', 3)} as r3, ${r('h2', 0)} as r4, ${r('h2', 1)} as r5, ${r('h2', 2)} as r6,
          0.4 + 0.6 * ${r('h2', 3)} as diligence,
          date '2019-01-07' + floor(70 * ${r('h1', 0)})::int as inventoried_on
        from hashed
      )
      select code, population, n_slots, profile, diligence, inventoried_on,
        case profile when 'front' then 0.05 + 0.10 * r2 when 'track' then 0.04 + 0.08 * r2 else 0.01 + 0.09 * r2 end as s0,
        case profile when 'behind' then 3 * r4 else 0 end as delay,
        case when profile = 'behind' and r5 < 0.45 then 2 else 1 end as curve,
        case profile
          when 'front' then 0.115 + 0.045 * r3
          when 'track' then 0.094 + 0.012 * r3
          -- gain over the eight years since 2019, spread thin at the top: most municipalities are slow
          else (0.05 + 0.40 * r6 * r6) / case when r5 < 0.45 then (8 - 3 * r4) * (8 - 3 * r4) else 8 - 3 * r4 end
        end as pace
      from profiled`);

    await run(`
      create temp table demo_order on commit drop as
      select m.code, row_number() over (partition by m.code order by ${h(`'o:' || m.code || ':' || e.idx`)})::int as rn, e.component_id
      from demo_m m cross join demo_entries e`);

    await run(`
      create temp table demo_slots on commit drop as
      with base as materialized (
        select m.*, c.cycle * ${entries} + o.rn as slot, o.component_id, ${h(`'s:' || m.code || ':' || (c.cycle * ${entries} + o.rn)`)} as h1
        from demo_m m
        join demo_order o on o.code = m.code
        cross join lateral generate_series(0, (m.n_slots - 1) / ${entries}) as c(cycle)
        where c.cycle * ${entries} + o.rn <= m.n_slots
      ), hashed as materialized (
        select b.*, md5(h1) as h2, md5(h1 || 'b') as h3, md5(h1 || 'c') as h4, md5(h1 || 'd') as h5
        from base b
      ), timed as materialized (
        select x.*,
          case when ${r('h1', 1)} < 0.88 then true else false end as pre_2019,
          case when ${r('h1', 1)} < 0.88
            then ${start} - (1 + floor(5400 * ${r('h1', 2)}))::int
            else ${start} + floor(2920 * ${r('h1', 2)})::int end as live_on,
          case when ${r('h1', 0)} >= s0 then
            ${start} + round(365.25 * least(60, delay + case curve when 2 then sqrt((${r('h1', 0)} - s0) / pace) else (${r('h1', 0)} - s0) / pace end))::int
          end as raw_t,
          ${r('h1', 3)} as snap
        from hashed x
      ), dated as materialized (
        select t.*,
          -- contracts and projects tend to start on the first of a quarter or month
          case when snap < 0.3 then date_trunc('quarter', raw_t)::date when snap < 0.65 then date_trunc('month', raw_t)::date else raw_t end as compliant_on
        from timed t
      ), decided as materialized (
        select d.*,
          compliant_on is not null and compliant_on > live_on as starts_legacy,
          ${r('h2', 0)} < 0.55 as by_replacement,
          30 + floor(270 * ${r('h2', 1)})::int as phase_out_lead,
          60 + floor(340 * ${r('h2', 2)})::int as transition_lead,
          30 + floor(200 * ${r('h2', 3)})::int as planning_lead,
          ${r('h3', 0)} < 0.5 as successor_planned,
          ${start} + floor(3650 * ${r('h3', 2)})::int as switch_off_on,
          ${r('h3', 1)} < 0.05 as may_switch_off,
          60 + floor(300 * ${r('h3', 3)})::int as switch_off_lead,
          ${r('h4', 0)} < 0.4 as new_planned,
          ${r('h4', 1)} < 0.07 as may_abort,
          ${start} + floor(2900 * ${r('h4', 2)})::int as abort_from,
          90 + floor(270 * ${r('h4', 3)})::int as abort_length
        from dated d
      )
      select d.*,
        starts_legacy and may_switch_off and switch_off_on > live_on + 365 and switch_off_on < compliant_on as switched_off
      from decided d`);

    await run(`
      create temp table demo_plans on commit drop as
      with steps as materialized (
        select s.*,
          case when switched_off then case when switch_off_on - switch_off_lead > live_on then switch_off_on - switch_off_lead end
               when starts_legacy and by_replacement and compliant_on - phase_out_lead > live_on then compliant_on - phase_out_lead end as phasing_out_on,
          case when switched_off then switch_off_on when starts_legacy and by_replacement then compliant_on end as phased_out_on,
          case when starts_legacy and not switched_off and not by_replacement and compliant_on - transition_lead > live_on
               then compliant_on - transition_lead end as in_transition_on,
          case when switched_off then switch_off_on else compliant_on end as target_on
        from demo_slots s
      ), aborted as materialized (
        select st.*,
          starts_legacy and may_abort and abort_from > live_on
            and abort_from + abort_length + 30 < coalesce(phasing_out_on, in_transition_on, phased_out_on, compliant_on) as aborts
        from steps st
      )
      select a.*,
        greatest(target_on - 30 - floor(1800 * ${r('h5', 1)})::int, live_on + 14, inventoried_on + 14) as natural_plan_on,
        greatest(${day} - 1 - floor(700 * ${r('h5', 1)})::int, live_on + 14, inventoried_on + 14) as hopeful_plan_on,
        ${r('h5', 0)} < 0.3 + 0.6 * diligence as plans,
        ${r('h5', 2)} < 0.35 * diligence as plans_hopefully,
        ${r('h5', 3)} as r_hopeful_year
      from aborted a`);

    // Applications: every slot's first application, and the compliant successor of those replaced by now.
    await run(`
      create temp table demo_apps on commit drop as
      with originals as materialized (
        select p.code, p.slot, 0 as generation, p.component_id, p.population, p.diligence, p.inventoried_on, p.h1 as h,
          p.h2, p.h3, not p.starts_legacy as compliant,
          case when not p.pre_2019 and p.new_planned then p.live_on - p.planning_lead end as planned_on,
          p.live_on,
          p.in_transition_on,
          case when p.starts_legacy and not p.switched_off and not p.by_replacement then p.compliant_on end as compliant_on,
          p.phasing_out_on, p.phased_out_on,
          p.starts_legacy and not p.switched_off and p.by_replacement as replaced,
          case when p.aborts then p.abort_from end as aborted_on,
          case when p.aborts then p.abort_from + p.abort_length end as abort_ended_on,
          case
            when p.starts_legacy and p.plans and p.natural_plan_on < p.target_on - 14 and p.natural_plan_on <= ${day} - 1 then p.natural_plan_on
            when p.starts_legacy and p.plans_hopefully and p.target_on > ${day} and p.hopeful_plan_on <= ${day} - 1 then p.hopeful_plan_on
          end as plan_on,
          case
            when p.starts_legacy and p.plans and p.natural_plan_on < p.target_on - 14 and p.natural_plan_on <= ${day} - 1 then extract(year from p.target_on)::int
            else extract(year from ${day})::int + 1 + floor(5 * p.r_hopeful_year)::int
          end as plan_year
        from demo_plans p
      ), successors as materialized (
        select p.code, p.slot, 1 as generation, p.component_id, p.population, p.diligence, p.inventoried_on, md5(p.h1 || 's') as h,
          md5(p.h1 || 's2') as h2, p.h3, true as compliant,
          case when p.successor_planned then p.compliant_on - p.planning_lead end as planned_on,
          p.compliant_on as live_on,
          null::date as in_transition_on, null::date as compliant_on, null::date as phasing_out_on, null::date as phased_out_on,
          false as replaced, null::date as aborted_on, null::date as abort_ended_on, null::date as plan_on, null::int as plan_year
        from demo_plans p
        where p.starts_legacy and not p.switched_off and p.by_replacement
          and coalesce(case when p.successor_planned then p.compliant_on - p.planning_lead end, p.compliant_on) <= ${day}
      ), apps as materialized (
        select * from originals where coalesce(planned_on, live_on) <= ${day}
        union all
        select * from successors
      ), chosen as materialized (
        select a.*, c.keys[1 + floor(cardinality(c.keys) * ${r('a.h2', 0)})::int] as product_key
        from apps a
        join demo_choices c on c.component_id = a.component_id and c.compliant = a.compliant
      ), described as materialized (
        select ch.*, pr.name as product, pr.layer as product_layer, pr."componentIds" as component_ids, pr."baseCost" as base_cost,
          pr.releases,
          -- one spelling of the vendor per municipality; a spelling of its own (the last) only for suites
          pr.spellings[case when s.r < 0.70 then 1 when s.r < 0.80 then 2 when s.r < 0.87 then 3 when s.r < 0.94 then 4
                            when pr.suite then 5 else 2 end] as vendor,
          row_number() over (partition by ch.code, pr.name order by ch.generation, ch.slot) as same_name_rank
        from chosen ch join demo_products pr on pr.key = ch.product_key
        cross join lateral (select ${r(h(`'spell:' || ch.code || ':' || pr.vendor`), 0)} as r) s
      )
      select d.code, d.slot, d.generation, d.h, d.inventoried_on, d.compliant,
        ${uuidFromMd5(h(`'id:' || d.code || ':' || d.slot || ':' || d.generation`))} as id,
        case when d.same_name_rank = 1 then d.product
          else d.product || ' (' || (array(select jsonb_array_elements_text(?::jsonb)))[(d.same_name_rank - 2) % ${DEPARTMENTS.length} + 1]
            || case when d.same_name_rank > ${DEPARTMENTS.length + 1} then ' ' || ((d.same_name_rank - 2) / ${DEPARTMENTS.length} + 1) else '' end || ')'
        end as name,
        d.vendor, d.product,
        case when ${r('d.h2', 1)} < (1 - d.diligence) * 0.5 then null else d.product_layer end as layer,
        case when ${r('d.h2', 2)} < (1 - d.diligence) * 0.35 then '{}'::text[] else d.component_ids end as component_ids,
        case when ${r('d.h2', 3)} < (1 - d.diligence) * 0.7 then null
          else round(d.base_cost * sqrt(d.population / 50000.0) * (0.6 + 0.8 * ${r('d.h3', 1)}) / 100) * 100 end as annual_cost,
        d.releases, floor(2 * ${r('d.h3', 2)})::int as release0,
        case when d.compliant or d.compliant_on is not null then jsonb_build_object(
          'dataSeparated', true, 'standardApis', true,
          'fscConnectivity', ${r('d.h', 0)} < 0.7, 'openSource', ${r('d.h', 1)} < 0.5,
          'inComponentCatalogue', ${r('d.h', 2)} < 0.8, 'havenHosting', ${r('d.h', 3)} < 0.4) else '{}'::jsonb end as criteria,
        '${DEMO_NOTE_PREFIX}: fictieve applicatie van een fictieve leverancier.' as notes,
        d.planned_on, d.live_on, d.in_transition_on, d.compliant_on, d.phasing_out_on, d.phased_out_on,
        case when d.replaced then ${uuidFromMd5(h(`'id:' || d.code || ':' || d.slot || ':1'`))} end as replaced_by,
        d.aborted_on, d.abort_ended_on, d.plan_on, d.plan_year
      from described d`,
      [JSON.stringify(DEPARTMENTS)],
    );

    // Version upgrades: a few per application over its years in use since the inventory began.
    await run(`
      create temp table demo_upgrades on commit drop as
      with windows as materialized (
        select a.id, a.h, cardinality(a.releases) - 1 - a.release0 as releases_left, greatest(a.live_on, a.inventoried_on) + 30 as from_on,
          least(case when a.phased_out_on <= ${day} then a.phased_out_on end, ${day}) - 1 as to_on
        from demo_apps a
      ), counted as materialized (
        -- never past the product's latest release
        select w.*, least(floor(${r('md5(w.h || \'v\')', 0)} * 0.68 * (to_on - from_on) / 365.25 + 0.5)::int, w.releases_left) as n
        from windows w where to_on - from_on > 60
      )
      select c.id, g.i, c.n, c.from_on + floor((c.to_on - c.from_on) * (g.i - 1 + ${r(`md5(c.h || 'v' || g.i)`, 0)}) / c.n)::int as on_date
      from counted c cross join lateral generate_series(1, c.n) as g(i)
      where c.n > 0`);

    // Changes are entered during working hours, a few days after they happen at most; whatever happened before a
    // municipality's first inventory was entered with it. Changes without an effective date of their own (plans,
    // versions) take effect the day they are recorded.
    const recordedAt = (app: string, effective: string, ord: string, timed: string) => `(case
        when ${effective} is null then null
        when ${effective} < ${app}.inventoried_on
          then ${app}.inventoried_on::timestamp + make_interval(hours => 6, secs => ${ord})
        else least(
          (${effective} + case when ${timed} then floor(4 * ${r(`md5(${app}.h || ${ord})`, 0)})::int else 0 end)::timestamp
            + make_interval(secs => 25200 + floor(36000 * ${r(`md5(${app}.h || ${ord})`, 1)})),
          ${day}::timestamp)
      end at time zone 'UTC')`;
    const happened = (date: string) => `coalesce((${date} <= ${day})::int, 0)`;
    const upTo = (date: string) => `case when ${date} <= ${day} then ${date} end`;
    const recorded = [
      recordedAt('a', 'coalesce(a.planned_on, a.live_on)', '0', 'true'),
      `case when a.planned_on is not null then ${recordedAt('a', upTo('a.live_on'), '1', 'true')} end`,
      recordedAt('a', 'a.plan_on', '2', 'false'),
      recordedAt('a', upTo('a.aborted_on'), '3', 'true'),
      recordedAt('a', upTo('a.abort_ended_on'), '4', 'true'),
      recordedAt('a', upTo('a.in_transition_on'), '5', 'true'),
      recordedAt('a', upTo('a.compliant_on'), '6', 'true'),
      recordedAt('a', upTo('a.phasing_out_on'), '7', 'true'),
      recordedAt('a', upTo('a.phased_out_on'), '8', 'true'),
      recordedAt('a', 'u.on_date', '10 + u.n', 'false'),
    ];
    // Foreign keys are checked row by row by triggers, which costs most of the load on the embedded database. Where
    // the session may (a superuser, as on the embedded database), the triggers stay quiet during the load and one
    // set-based check afterwards proves the same thing; elsewhere they run as usual.
    const quietTriggers = await trx
      .transaction((sp) => sp.raw('set local session_replication_role = replica'))
      .then(() => true, () => false);

    // The catalogue the demo's spellings make (PRODUCT §9), each application linked as it is inserted below: linking
    // a hundred thousand rows afterwards would cost seconds of the first start. Ids as reproducible as the rest.
    const finalVersion = 'a.releases[a.release0 + coalesce(u.n, 0) + 1]';
    const spellings = (await trx.raw(`
      select a.vendor, a.product, ${finalVersion} as version
      from demo_apps a left join demo_upgrades u on u.id = a.id and u.i = u.n
      group by 1, 2, 3 order by count(*) desc, 1, 2, 3`)).rows as { vendor: string; product: string; version: string }[];
    const versionIds = await linkProductVersions(trx, spellings.map((s) => ({ ...s, name: s.product })), { idSeed: seed });
    await run(
      `create temp table demo_links on commit drop as
       select * from jsonb_to_recordset(?::jsonb) as l(vendor text, product text, version text, id uuid)`,
      [JSON.stringify(spellings.map((s, i) => ({ ...s, id: versionIds[i] })))],
    );

    // The application's state is what its events below say for the reference date; the timeline test holds the two
    // together.
    await run(`
      insert into applications (id, municipality_code, name, vendor, product, version, layer, status, lifecycle, criteria,
        in_use_since, retired_at, replaced_by, planned_replacement_year, annual_cost, notes, created_at, updated_at, revision,
        product_version_id)
      select a.id, a.code, a.name, a.vendor, a.product, ${finalVersion},
        a.layer, s.status, s.lifecycle,
        case when s.status = 'compliant' then a.criteria else '{}'::jsonb end,
        case when a.live_on <= ${day} then a.live_on end,
        case when s.lifecycle = 'phased_out' then a.phased_out_on end,
        case when s.lifecycle = 'phased_out' then a.replaced_by end,
        case when a.plan_on <= ${day} then a.plan_year end,
        a.annual_cost, a.notes,
        least(${recorded.join(', ')}),
        greatest(${recorded.join(', ')}),
        1 + ${happened('case when a.planned_on is not null then a.live_on end')} + ${happened('a.plan_on')}
          + ${happened('a.aborted_on')} + ${happened('a.abort_ended_on')} + ${happened('a.in_transition_on')}
          + ${happened('a.compliant_on')} + ${happened('a.phasing_out_on')} + ${happened('a.phased_out_on')}
          + coalesce(u.n, 0),
        l.id
      from demo_apps a
      cross join lateral (select
        case when a.phased_out_on <= ${day} then 'phased_out' when a.phasing_out_on <= ${day} then 'phasing_out'
             when a.live_on <= ${day} then 'in_production' else 'planned' end as lifecycle,
        case when a.compliant or a.compliant_on <= ${day} then 'compliant'
             when a.in_transition_on <= ${day} then 'in_transition'
             when a.aborted_on <= ${day} and not a.abort_ended_on <= ${day} then 'in_transition'
             else 'legacy' end as status) s
      left join demo_upgrades u on u.id = a.id and u.i = u.n
      join demo_links l on l.vendor = a.vendor and l.product = a.product and l.version = ${finalVersion}
      order by a.id`);
    await run(`
      insert into application_reference_components (application_id, reference_component_id)
      select a.id, c::uuid from demo_apps a cross join lateral unnest(a.component_ids) as c order by 1, 2`);

    const lifecycleChange = (from: string, to: string) => `jsonb_build_object('lifecycle', '${from}'), jsonb_build_object('lifecycle', '${to}')`;
    const statusChange = (from: string, to: string) => `jsonb_build_object('status', '${from}'), jsonb_build_object('status', '${to}')`;
    await run(`
      insert into application_events (application_id, municipality_code, action, effective_date, recorded_at, actor_id,
        actor_name, status, lifecycle, before, after)
      select e.id, a.code, e.action, e.effective_date,
        ${recordedAt('a', 'e.effective_date', 'e.ord', 'e.timed')},
        null, '${DEMO_ACTOR}', e.status, e.lifecycle, e.before, e.after
      from (
        select a.id, 0 as ord, 'created' as action, coalesce(a.planned_on, a.live_on) as effective_date, true as timed,
          case when a.compliant then 'compliant' else 'legacy' end as status,
          case when a.planned_on is null then 'in_production' else 'planned' end as lifecycle,
          null::jsonb as before,
          jsonb_build_object('name', a.name, 'vendor', a.vendor, 'product', a.product,
            'version', a.releases[a.release0 + 1], 'referenceComponentIds', to_jsonb(a.component_ids),
            'layer', a.layer, 'status', case when a.compliant then 'compliant' else 'legacy' end,
            'lifecycle', case when a.planned_on is null then 'in_production' else 'planned' end,
            'criteria', case when a.compliant then a.criteria else '{}'::jsonb end, 'replacedBy', null,
            'plannedReplacementYear', null, 'annualCost', a.annual_cost, 'notes', a.notes) as after
        from demo_apps a
        union all
        select id, 1, 'updated', live_on, true, null, 'in_production', ${lifecycleChange('planned', 'in_production')}
        from demo_apps where planned_on is not null
        union all
        select id, 2, 'updated', plan_on, false, null, null,
          jsonb_build_object('plannedReplacementYear', null), jsonb_build_object('plannedReplacementYear', plan_year)
        from demo_apps where plan_on is not null
        union all
        select id, 3, 'updated', aborted_on, true, 'in_transition', null, ${statusChange('legacy', 'in_transition')}
        from demo_apps where aborted_on is not null
        union all
        select id, 4, 'updated', abort_ended_on, true, 'legacy', null, ${statusChange('in_transition', 'legacy')}
        from demo_apps where abort_ended_on is not null
        union all
        select id, 5, 'updated', in_transition_on, true, 'in_transition', null, ${statusChange('legacy', 'in_transition')}
        from demo_apps where in_transition_on is not null
        union all
        select id, 6, 'updated', compliant_on, true, 'compliant', null,
          jsonb_build_object('status', case when in_transition_on is null then 'legacy' else 'in_transition' end, 'criteria', '{}'::jsonb),
          jsonb_build_object('status', 'compliant', 'criteria', criteria)
        from demo_apps where compliant_on is not null
        union all
        select id, 7, 'updated', phasing_out_on, true, null, 'phasing_out', ${lifecycleChange('in_production', 'phasing_out')}
        from demo_apps where phasing_out_on is not null
        union all
        select id, 8, 'updated', phased_out_on, true, null, 'phased_out',
          jsonb_build_object('lifecycle', case when phasing_out_on is null then 'in_production' else 'phasing_out' end, 'replacedBy', null),
          jsonb_build_object('lifecycle', 'phased_out', 'replacedBy', replaced_by)
        from demo_apps where phased_out_on is not null
        union all
        select a.id, 10 + u.i, 'updated', u.on_date, false, null, null,
          jsonb_build_object('version', a.releases[a.release0 + u.i]),
          jsonb_build_object('version', a.releases[a.release0 + u.i + 1])
        from demo_upgrades u join demo_apps a on a.id = u.id
      ) e
      join demo_apps a on a.id = e.id
      where e.effective_date <= ${day}
      order by 5, 1, e.ord`);

    if (quietTriggers) {
      await trx.raw('set local session_replication_role = origin');
      const { rows } = await trx.raw(`select
        exists (select 1 from applications a left join municipalities m on m.code = a.municipality_code where m.code is null)
        or exists (select 1 from applications a left join applications s on s.id = a.replaced_by where a.replaced_by is not null and s.id is null)
        or exists (select 1 from applications a left join product_versions v on v.id = a.product_version_id where v.id is null)
        or exists (select 1 from application_reference_components r left join applications a on a.id = r.application_id
                   left join reference_components c on c.id = r.reference_component_id where a.id is null or c.id is null)
        or exists (select 1 from application_events e left join applications a on a.id = e.application_id
                   left join municipalities m on m.code = e.municipality_code where a.id is null or m.code is null) as orphans`);
      if (rows[0].orphans) throw new Error('demo landscape refers to rows that do not exist');
    }

    // A few judgements in the catalogue that the applications above made.
    await seedDemoAssessments(trx, { h, asOf });

    await trx('dataset_facts')
      .insert([
        { key: 'demo', value: 'true' },
        { key: 'demo_seed', value: String(seed) },
        { key: 'demo_scale', value: String(scale) },
        { key: 'demo_as_of', value: asOf },
      ])
      .onConflict('key')
      .merge();

    const [totals] = (
      await trx.raw(`select (select count(distinct code) from demo_apps)::int as municipalities,
        (select count(*) from demo_apps)::int as applications, (select count(*) from application_events where actor_name = '${DEMO_ACTOR}')::int as events`)
    ).rows as DemoTotals[];
    return totals!;
  });
}
