import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoLandscapeIfEmpty } from '../src/demo.ts';
import { openTestDb, type TestDb } from '../src/testing.ts';
import { vendorKey } from '@tm/shared/catalogue/product-keys';
import { DEMO_VENDOR_NAMES, vendorSpellings } from './demo-catalogue.ts';
import { DEMO_ACTOR, generateDemoLandscape } from './demo-landscape.ts';

const AS_OF = '2026-06-30';

/**
 * Everything the generator writes, as one hash; event ids are left out so that the hash speaks of content, and so is
 * when the catalogue's rows were made (the moment of generating).
 */
async function checksum(db: Knex): Promise<string> {
  const { rows } = await db.raw(`
    select md5(
      (select string_agg(a::text, '|' order by a.id) from applications a) ||
      (select string_agg(r::text, '|' order by r.application_id, r.reference_component_id) from application_reference_components r) ||
      (select string_agg(concat_ws(',', e.application_id, e.municipality_code, e.action, e.effective_date, e.recorded_at,
         e.actor_name, e.status, e.lifecycle, e.before, e.after), '|' order by e.application_id, e.recorded_at, e.effective_date, e.after::text)
       from application_events e) ||
      (select string_agg((to_jsonb(p) - 'created_at')::text, '|' order by p.id) from products p) ||
      (select string_agg((to_jsonb(v) - 'created_at')::text, '|' order by v.id) from product_versions v) ||
      (select string_agg(s::text, '|' order by s.id) from assessments s)) as sum`);
  return rows[0].sum;
}

/** Per municipality, the landscape and its compliant part at the end of `date`, from the event timeline alone. */
async function sharesAt(db: Knex, date: string): Promise<Map<string, { landscape: number; compliant: number }>> {
  const { rows } = await db.raw(
    `with state as (
       select municipality_code,
         (array_agg(status order by effective_date desc, id desc) filter (where status is not null))[1] as status,
         (array_agg(lifecycle order by effective_date desc, id desc) filter (where lifecycle is not null))[1] as lifecycle
       from application_events where effective_date <= ? group by application_id, municipality_code
     )
     select m.code, count(s.*) filter (where s.lifecycle in ('in_production', 'phasing_out'))::int as landscape,
       count(s.*) filter (where s.lifecycle in ('in_production', 'phasing_out') and s.status = 'compliant')::int as compliant
     from municipalities m left join state s on s.municipality_code = m.code group by m.code`,
    [date],
  );
  return new Map(rows.map((r: { code: string; landscape: number; compliant: number }) => [r.code, r]));
}

function national(shares: Map<string, { landscape: number; compliant: number }>): number {
  let landscape = 0;
  let compliant = 0;
  for (const s of shares.values()) {
    landscape += s.landscape;
    compliant += s.compliant;
  }
  return compliant / landscape;
}

/** Real suppliers of municipal software and real Common Ground products: none may appear in the demo. */
const REAL_NAMES = [
  'Centric', 'PinkRoccade', 'Pink Roccade', 'Visma', 'Roxit', 'Decos', 'Exxellence', 'Dimpact', 'Conduction', 'Maykin',
  'Atos', 'Unit4', 'AFAS', 'Topdesk', 'Esri', 'Circle', 'Simgroep', 'Genetics', 'Powerbrowser', 'Shift2', 'Ritense',
  'xxllnc', 'Mintlab', 'Procura', 'JCC', 'Qmatic', 'Green Valley', 'Infoprojects', 'iProx', 'Nedap', 'GouwIT',
  'Enable-U', 'Blink', 'Berkeley Bridge', 'Obsurv', 'Antea', 'Cyclomedia', 'Planon', 'Ultimo', 'Mozard', 'Totta', 'BCT',
  'Corsa', 'iDocs', 'Sdu', 'Key2', 'Suite4', 'Civision', 'iBurgerzaken', 'Djuma', 'Open Zaak', 'Open Formulieren',
  'Signalen', 'Open Inwoner', 'Microsoft', 'Oracle', 'SAP', 'Google', 'Kadaster', 'Logius', 'Tribal', 'Gisib',
];

describe('the demo landscape generator', () => {
  const dbs: TestDb[] = [];
  const open = async () => {
    const testDb = await openTestDb();
    dbs.push(testDb);
    return testDb.db;
  };
  let db: Knex;
  beforeAll(async () => {
    db = await open();
    await generateDemoLandscape(db, { seed: 7, scale: 0.05, asOf: AS_OF });
  });
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.close()));
  });

  it('when run twice with the same seed, then the data are identical; with another seed, they differ', async () => {
    const [same, other] = [await open(), await open()];
    await generateDemoLandscape(same, { seed: 7, scale: 0.05, asOf: AS_OF });
    await generateDemoLandscape(other, { seed: 8, scale: 0.05, asOf: AS_OF });
    const reference = await checksum(db);
    expect(await checksum(same)).toBe(reference);
    expect(await checksum(other)).not.toBe(reference);
  });

  it('when generated on the embedded database or on a PostgreSQL server, then the rows are the very same', async () => {
    const fresh = await open();
    await generateDemoLandscape(fresh, { seed: 7, scale: 0.02, asOf: AS_OF });
    const { rows } = await fresh.raw(`select md5(
      (select string_agg(a::text, '|' order by a.id) from applications a) ||
      (select string_agg(r::text, '|' order by r.application_id, r.reference_component_id) from application_reference_components r) ||
      (select string_agg(e::text, '|' order by e.id) from application_events e) ||
      (select string_agg((to_jsonb(p) - 'created_at')::text, '|' order by p.id) from products p) ||
      (select string_agg((to_jsonb(v) - 'created_at')::text, '|' order by v.id) from product_versions v) ||
      (select string_agg(s::text, '|' order by s.id) from assessments s)) as sum`);
    // Recorded from both databases; a change to the generator that is meant changes it on both.
    expect(rows[0].sum).toBe('3ae179c05b9a34c164a0b1e4f8b1ebae');
  });

  it('when generated, then every municipality has applications and each has its creation event', async () => {
    const { rows } = await db.raw(`select
      (select count(*) from municipalities m where not exists (select 1 from applications a where a.municipality_code = m.code))::int as empty,
      (select count(*) from applications a where not exists (
        select 1 from application_events e where e.application_id = a.id and e.action = 'created' and e.status is not null and e.lifecycle is not null))::int as without_creation,
      (select count(*) from application_events where actor_name <> ?)::int as foreign_events`, [DEMO_ACTOR]);
    expect(rows[0]).toEqual({ empty: 0, without_creation: 0, foreign_events: 0 });
  });

  it("when an application's row is compared with its event timeline, then status, lifecycle and dates agree", async () => {
    const { rows } = await db.raw(`
      with ordered as (
        select e.*, row_number() over (partition by e.application_id order by e.effective_date desc, e.id desc) as from_last
        from application_events e where e.status is not null or e.lifecycle is not null
      ), timeline as (
        select application_id,
          (array_agg(status order by effective_date desc, id desc) filter (where status is not null))[1] as status,
          (array_agg(lifecycle order by effective_date desc, id desc) filter (where lifecycle is not null))[1] as lifecycle,
          min(effective_date) filter (where lifecycle in ('in_production', 'phasing_out')) as in_use_since,
          max(from_last) filter (where lifecycle is not null and lifecycle <> 'phased_out') as last_other_lifecycle
        from ordered group by application_id
      ), retired as (
        -- the first phased_out after the last other lifecycle, if the application is phased out today
        select o.application_id, min(o.effective_date) as retired_at
        from ordered o join timeline t using (application_id)
        where t.lifecycle = 'phased_out' and o.lifecycle = 'phased_out' and o.from_last < coalesce(t.last_other_lifecycle, 2147483647)
        group by o.application_id
      ), recorded as (
        select application_id, min(recorded_at) as first, max(recorded_at) as last from application_events group by application_id
      )
      select a.id, a.status, t.status as t_status, a.lifecycle, t.lifecycle as t_lifecycle, a.in_use_since, t.in_use_since as t_in_use_since,
        a.retired_at, r.retired_at as t_retired_at, a.created_at, rec.first, a.updated_at, rec.last
      from applications a join timeline t on t.application_id = a.id left join retired r on r.application_id = a.id
      join recorded rec on rec.application_id = a.id
      where a.status is distinct from t.status or a.lifecycle is distinct from t.lifecycle
        or a.in_use_since is distinct from t.in_use_since or a.retired_at is distinct from r.retired_at
        or a.created_at <> rec.first or a.updated_at <> rec.last
        or (a.lifecycle = 'phased_out') <> (a.retired_at is not null)`);
    expect(rows).toEqual([]);
    const { rows: counts } = await db.raw(`select lifecycle, count(*)::int as n from applications group by 1`);
    // Every lifecycle occurs, so the comparison above covers them all.
    expect(counts.map((c: { lifecycle: string }) => c.lifecycle).sort()).toEqual(['in_production', 'phased_out', 'phasing_out', 'planned']);
  });

  it('when replaced applications are looked at, then their successor is a compliant application of the same municipality', async () => {
    const { rows } = await db.raw(`select count(*)::int as replaced,
      count(*) filter (where s.municipality_code = a.municipality_code and s.status = 'compliant')::int as good
      from applications a join applications s on s.id = a.replaced_by`);
    expect(rows[0].replaced).toBeGreaterThan(0);
    expect(rows[0].good).toBe(rows[0].replaced);
  });

  it('when the share is followed over time, then it grows, with some municipalities ahead of the target and most behind', async () => {
    const [start, programmeStart, end] = [await sharesAt(db, '2019-01-01'), await sharesAt(db, '2021-01-01'), await sharesAt(db, AS_OF)];
    expect(national(start)).toBeLessThan(national(end));
    expect(national(start)).toBeGreaterThan(0);
    const years = (Date.parse(AS_OF) - Date.parse('2021-01-01')) / (365.25 * 86_400_000);
    let ahead = 0;
    let behind = 0;
    for (const [code, now] of end) {
      const then = programmeStart.get(code)!;
      if (now.landscape === 0 || then.landscape === 0) continue;
      const target = Math.min(1, then.compliant / then.landscape + 0.1 * years);
      const share = now.compliant / now.landscape;
      if (share >= target + 0.05) ahead++;
      if (share < target - 0.05) behind++;
    }
    expect(ahead).toBeGreaterThan(0);
    expect(behind).toBeGreaterThan(end.size / 2);
  });

  it('when vendors and names are read, then they are our invented ones and never a real supplier or product', async () => {
    const { rows } = await db.raw(`select distinct vendor, product, name from applications`);
    const spellings = DEMO_VENDOR_NAMES.flatMap(vendorSpellings);
    for (const row of rows as { vendor: string; product: string; name: string }[]) {
      expect(spellings).toContain(row.vendor);
      for (const real of REAL_NAMES) {
        const word = new RegExp(`\\b${real.replace(/[-\s]/g, '[-\\s]?')}\\b`, 'i');
        expect(`${row.vendor} | ${row.product} | ${row.name}`).not.toMatch(word);
      }
    }
  });

  it('when the catalogue is read, then every application runs a version of it, spelled in several ways, and some are judged', async () => {
    const { rows } = await db.raw(`select
      (select count(*) from applications where product_version_id is null)::int as unlinked,
      (select count(*) from products)::int as products,
      (select count(*) from (select product_id from product_versions group by 1 having count(*) > 2) several)::int as with_several_versions,
      (select count(distinct a.municipality_code) from applications a join product_versions v on v.id = a.product_version_id
         join products p on p.id = v.product_id where a.vendor <> p.vendor)::int as municipalities_spelling_otherwise`);
    expect(rows[0]).toMatchObject({ unlinked: 0 });
    expect(rows[0].with_several_versions).toBeGreaterThan(rows[0].products / 4);
    expect(rows[0].municipalities_spelling_otherwise).toBeGreaterThan(100);

    // Vendors spelled so that the normaliser cannot bring them together: duplicates of one product for a steward.
    const vendors = (await db('products').distinct('vendor').pluck('vendor')) as string[];
    const keys = new Set(DEMO_VENDOR_NAMES.map(vendorKey));
    const apart = vendors.filter((v) => !keys.has(vendorKey(v)));
    expect(apart.length).toBeGreaterThan(0);
    for (const v of apart) expect(DEMO_VENDOR_NAMES.some((name) => name.startsWith(`${v} `))).toBe(true);

    const judged = await db('assessments').select('level', 'verdict').count('* as n').groupBy('level', 'verdict').orderBy(['level', 'verdict']);
    expect(judged.map((j) => [j.level, j.verdict])).toEqual([['claimed', 'compliant'], ['verified', 'compliant'], ['verified', 'not_compliant']]);
    const { rows: dated } = await db.raw(`select count(*)::int as late from assessments where effective_date > ? or recorded_at > ?::date + 1`, [AS_OF, AS_OF]);
    expect(dated[0].late).toBe(0);
  });

  it('when the data are read, then they say they are demo data', async () => {
    const facts = Object.fromEntries((await db('dataset_facts').select('key', 'value')).map((f) => [f.key, f.value]));
    expect(facts).toMatchObject({ demo: 'true', demo_seed: '7', demo_as_of: AS_OF });
    const { rows } = await db.raw(`select count(*) filter (where notes is null or notes not like 'Demogegevens%')::int as unmarked from applications`);
    expect(rows[0].unmarked).toBe(0);
  });

  it('when a start seeds the landscape, then the planner knows how large its tables are', async () => {
    const seeded = await open();
    await seedDemoLandscapeIfEmpty(seeded, { seed: 7, scale: 0.02 });
    const { rows } = await seeded.raw(`select last_analyze from pg_stat_user_tables where relname in ('applications', 'application_events', 'products')`);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.last_analyze).not.toBeNull();
  });

  it('when the landscape is already there, then a start does not seed again', async () => {
    expect(await seedDemoLandscapeIfEmpty(db, { seed: 7, scale: 0.05 })).toBeNull();
  });

  it('when completeness is looked at, then some applications lack a layer, a reference component, a cost or a plan', async () => {
    const { rows } = await db.raw(`select
      count(*) filter (where layer is null)::int as no_layer,
      count(*) filter (where annual_cost is null)::int as no_cost,
      count(*) filter (where not exists (select 1 from application_reference_components r where r.application_id = a.id))::int as no_component,
      count(*) filter (where status <> 'compliant' and planned_replacement_year is null)::int as no_plan,
      count(*) filter (where status <> 'compliant' and planned_replacement_year is not null)::int as planned,
      count(*)::int as total
      from applications a`);
    const r = rows[0];
    for (const missing of [r.no_layer, r.no_cost, r.no_component, r.no_plan]) {
      expect(missing).toBeGreaterThan(0);
      expect(missing).toBeLessThan(r.total / 2);
    }
    expect(r.planned).toBeGreaterThan(0);
  });

  it('when asked with a bad seed, scale or date, then it refuses before writing', async () => {
    await expect(generateDemoLandscape(db, { seed: 1.5, asOf: AS_OF })).rejects.toThrow(/seed/);
    await expect(generateDemoLandscape(db, { seed: 1, scale: 0, asOf: AS_OF })).rejects.toThrow(/scale/);
    await expect(generateDemoLandscape(db, { seed: 1, asOf: '30-06-2026' })).rejects.toThrow(/date/);
  });
});
