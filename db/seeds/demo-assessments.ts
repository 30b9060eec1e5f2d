/**
 * The demo catalogue's judgements (PRODUCT §9), so that its screens have something to show and its figures something
 * to weigh. The steward has verified the version of every suite that most municipalities run: compliant for the
 * open vendors' suites, not compliant for the legacy vendors' (some of whose users call theirs compliant), and the
 * newest release in use of the most used legacy suite compliant from 2025 on (its vendor added standard APIs). Editors
 * have claimed the most used version of popular open components compliant, and one of the legacy suites too.
 */
import type { Knex } from 'knex';
import { uuidFromMd5 } from '../src/sql-ids.ts';

export const DEMO_STEWARD = 'catalogus@demo.local';
const DEMO_EDITORS = ['cio.leiden@demo.local', 'cio.holland-rijnland@demo.local'];

const COMPLIANT_CRITERIA = `'{"dataSeparated": true, "standardApis": true, "fscConnectivity": true, "inComponentCatalogue": true}'::jsonb`;
const LEGACY_CRITERIA = `'{"dataSeparated": false, "standardApis": false}'::jsonb`;

/**
 * Needs the demo landscape's `demo_products` table and applications linked to the catalogue. `h` makes a
 * reproducible md5 of a key, as in the landscape; `asOf` is its reference date: nothing is judged after it.
 */
export async function seedDemoAssessments(trx: Knex, { h, asOf }: { h: (key: string) => string; asOf: string }): Promise<number> {
  const day = `date '${asOf}'`;
  // A date from `from` on, spread over `days` by the version's hash, never after the reference date.
  const dated = (from: string, days: number, salt: string) =>
    `least(date '${from}' + (('x' || substr(${h(`'${salt}:' || version_id`)}, 1, 6))::bit(24)::int % ${days}), ${day})`;
  const recorded = (date: string) => `(${date} + 3)::timestamp at time zone 'UTC' + interval '10 hours'`;
  const { rowCount } = await trx.raw(`
    with usage as materialized (
      select v.id as version_id, v.product_id, v.version_key, count(distinct a.municipality_code)::int as municipalities
      from product_versions v join applications a on a.product_version_id = v.id
      where a.deleted_at is null and a.lifecycle in ('in_production', 'phasing_out')
      group by v.id
    ), demo as materialized (
      select p.id as product_id, d.compliant, d.suite, d.releases
      from products p join demo_products d on d.name = p.name and d.vendor = p.vendor
      where p.merged_into is null
    ), ranked as materialized (
      select u.*, d.compliant, d.suite, array_position(d.releases, u.version_key) as release,
        row_number() over (partition by u.product_id order by u.municipalities desc, u.version_key) as in_product,
        sum(u.municipalities) over (partition by u.product_id) as product_municipalities
      from usage u join demo d using (product_id)
    ), most_used_legacy_suite as (
      select product_id from ranked where suite and not compliant order by product_municipalities desc, product_id limit 1
    ), judged as (
      select version_id, case when compliant then 'compliant' else 'not_compliant' end as verdict, 'verified' as level,
        ${dated('2023-03-01', 600, 'verified')} as effective_date, '${DEMO_STEWARD}' as actor,
        case when compliant then 'Demogegevens: fictieve beoordeling. Testrapport van de leverancier: gegevens gescheiden, ZGW-API''s aanwezig.'
             else 'Demogegevens: fictieve beoordeling. Gegevens en logica in één pakket, geen standaard-API''s.' end as evidence
      from ranked where suite and in_product = 1
      union all
      select version_id, 'compliant', 'verified', ${dated('2025-03-01', 90, 'release')}, '${DEMO_STEWARD}',
        'Demogegevens: fictieve beoordeling. Deze release voegde standaard-API''s toe en scheidt de gegevens (releasenotes).'
      from (select * from ranked where product_id in (select product_id from most_used_legacy_suite) order by release desc limit 1) newest
      union all
      select version_id, 'compliant', 'claimed', ${dated('2022-06-01', 700, 'claimed')}, '${DEMO_EDITORS[0]}',
        'Demogegevens: fictieve claim. Wij gebruiken de API''s van dit component in productie.'
      from (select * from ranked where compliant and not suite and in_product = 1 order by municipalities desc, version_id limit 8) popular
      union all
      select version_id, 'compliant', 'claimed', ${dated('2022-01-01', 300, 'wrong')}, '${DEMO_EDITORS[1]}',
        'Demogegevens: fictieve claim. De leverancier noemt het pakket Common Ground-ready.'
      from ranked where product_id in (select product_id from most_used_legacy_suite) and in_product = 1
    )
    insert into assessments (id, product_version_id, verdict, level, criteria, evidence, effective_date, actor_name, recorded_at)
    select ${uuidFromMd5(h(`'assessment:' || version_id || ':' || level || ':' || effective_date`))}, version_id, verdict, level,
      case when verdict = 'compliant' then ${COMPLIANT_CRITERIA} else ${LEGACY_CRITERIA} end,
      evidence, effective_date, actor, least(${recorded('effective_date')}, ${day}::timestamp at time zone 'UTC')
    from judged
    order by 1`);
  return rowCount as number;
}
