import type { Knex } from 'knex';
import { linkUnlinkedApplications } from '@tm/db/catalogue-links';
import { figuresRebuilt } from '../src/modules/progress/figures-changed.ts';

/** PRODUCT §8's national scale; `--scale 10` multiplies it. */
export const NATIONAL = { applications: 100_000, events: 400_000 };

/** The municipality the bench signs in for and writes to: big enough for a bulk edit of 1,000 applications. */
export const BENCH_MUNICIPALITY = 'GM0363';
export const BULK_SIZE = 1_000;

/**
 * A landscape of `scale` × national size generated set-based in SQL, clearly named as benchmark data: ~292 × scale
 * applications per municipality (the bench's own municipality at least 1,100, for the bulk edit), each with a
 * creation and three later changes (in transition, compliant, most retired), back-dated over the years, one
 * reference component each, linked to the catalogue's products as the write path links them; then every rollup
 * rebuilt from that history.
 */
export async function ensureDataset(db: Knex, scale: number): Promise<{ applications: number; events: number; generated: boolean }> {
  const count = async () => {
    const [{ a }] = (await db.raw('select count(*)::int as a from applications')).rows;
    const [{ e }] = (await db.raw('select count(*)::int as e from application_events')).rows;
    return { applications: a as number, events: e as number };
  };
  const before = await count();
  if (before.applications >= NATIONAL.applications * scale * 0.9) return { ...before, generated: false };

  await db.transaction(async (trx) => {
    const perMunicipality = Math.ceil((NATIONAL.applications * scale) / 342);
    await trx.raw(
      `insert into applications (municipality_code, name, vendor, product, layer, status, lifecycle, planned_replacement_year, annual_cost)
       select m.code, 'Bench-applicatie ' || g, 'Bench-leverancier ' || (g % 40), 'Bench-product ' || (g % 300),
              (array['interaction','process','integration','services','data'])[1 + g % 5], 'legacy', 'in_production',
              case when g % 4 = 0 then null else 2026 + g % 6 end,
              case when g % 3 = 0 then null else (g % 1000) * 100 end
       from municipalities m, generate_series(1, case when m.code = ? then greatest(?::int, ?::int) else ?::int end) g`,
      [BENCH_MUNICIPALITY, perMunicipality, BULK_SIZE + 100, perMunicipality],
    );
    const event = (action: string, from: string, days: number, status: string | null, lifecycle: string | null, share: number) =>
      trx.raw(
        `insert into application_events (application_id, municipality_code, action, effective_date, actor_name, status, lifecycle)
         select id, municipality_code, ?, least(current_date, date '${from}' + (random() * ${days})::int), 'benchmark', ?, ?
         from applications where random() < ?`,
        [action, status, lifecycle, share],
      );
    await event('created', '2012-01-01', 3000, 'legacy', 'in_production', 1);
    await event('updated', '2019-06-01', 1500, 'in_transition', null, 1);
    await event('updated', '2020-06-01', 2400, 'compliant', null, 1);
    await event('updated', '2019-01-01', 2800, null, 'phased_out', 0.95);
    // Today's state on the rows, as the write path keeps it.
    await trx.raw(
      `update applications a set status = coalesce(s.status, 'legacy'), lifecycle = coalesce(s.lifecycle, 'planned')
       from (
         select application_id,
                (array_agg(status order by effective_date desc, id desc) filter (where status is not null))[1] as status,
                (array_agg(lifecycle order by effective_date desc, id desc) filter (where lifecycle is not null))[1] as lifecycle
         from application_events group by application_id
       ) s where s.application_id = a.id`,
    );
    await trx.raw(
      `insert into application_reference_components (application_id, reference_component_id)
       select a.id, rc.id from applications a
       join (select id, row_number() over (order by id) - 1 as n from reference_components) rc
         on rc.n = abs(hashtext(a.id::text)) % (select count(*) from reference_components)`,
    );
  });
  // The catalogue as the writes would have made it (PRODUCT §9), and a steward's verified verdict on a third of its
  // versions, so that the verified figures and the suggestions are read at scale.
  await linkUnlinkedApplications(db);
  await db.raw(
    `insert into assessments (product_version_id, verdict, level, evidence, effective_date, actor_name)
     select id, case when abs(hashtext(id::text)) % 2 = 0 then 'compliant' else 'not_compliant' end, 'verified', 'benchmark', date '2023-01-01', 'benchmark'
     from product_versions where abs(hashtext(id::text)) % 3 = 0`,
  );
  await figuresRebuilt(db);
  await db.raw('analyze');
  return { ...(await count()), generated: true };
}

/** How long rebuilding every rollup from the raw history takes (after a migration that changes them, or a restore). */
export async function timeRollupRebuild(db: Knex): Promise<number> {
  const t0 = performance.now();
  await figuresRebuilt(db);
  return performance.now() - t0;
}
