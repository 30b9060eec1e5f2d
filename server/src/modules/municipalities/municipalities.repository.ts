import type { Knex } from 'knex';
import { todayIso } from '@tm/shared/dates';
import { PROVINCE_CODES, sizeClassOf, type Municipality, type MunicipalityListQuery, type Province } from '@tm/shared/schemas/municipality';
import type { RegisterFacts } from '@tm/shared/register/merger-rules';

type RegisterRow = {
  code: string;
  name: string;
  province: Province;
  population: number;
  size_class: number;
  valid_from: string | null;
  valid_to: string | null;
  merged_into: string | null;
  merged_into_name: string | null;
};

function toMunicipality(row: RegisterRow, predecessors: readonly string[]): Municipality {
  return {
    code: row.code,
    name: row.name,
    province: row.province,
    population: row.population,
    sizeClass: row.size_class,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    mergedInto: row.merged_into ? { code: row.merged_into, name: row.merged_into_name! } : null,
    predecessors: [...predecessors],
  };
}

/**
 * Every municipality that had begun by `date`, with its version of that day; one that had merged away by then with
 * its last version, and its successor's name of the day they merged. One formed by a merger that was undone is not
 * in the register at all.
 */
function registerOn(db: Knex, date: string): Knex.QueryBuilder<RegisterRow, RegisterRow[]> {
  const versions = db.raw(
    `(select distinct on (m.code) m.code, v.name, v.province, v.population, v.size_class, m.valid_from, m.valid_to, m.merged_into
      from municipalities m
      join municipality_versions v on v.code = m.code and (v.valid_from is null or v.valid_from <= least(?::date, m.valid_to - 1))
      where m.withdrawn_at is null
      order by m.code, v.valid_from desc nulls last) as r`,
    [date],
  );
  const successorName = `(select name from municipality_versions s where s.code = r.merged_into and (s.valid_from is null or s.valid_from <= r.valid_to)
                          order by s.valid_from desc nulls last limit 1) as merged_into_name`;
  return db.from<RegisterRow>(versions).select('r.*', db.raw(successorName));
}

type MergedAway = { code: string; merged_into: string; valid_to: string };

/** Every municipality that merged into another, with the day it ended: the register's mergers, read once. */
function mergedAway(db: Knex): Promise<MergedAway[]> {
  return db('municipalities').select('code', 'merged_into', 'valid_to').whereNotNull('merged_into');
}

/** Per municipality, every one of `merged` that had merged into it by `date`, directly or through others. */
function lineagesOn(merged: readonly MergedAway[], date: string): Map<string, string[]> {
  const direct = new Map<string, string[]>();
  for (const r of merged.filter((m) => m.valid_to <= date)) direct.set(r.merged_into, [...(direct.get(r.merged_into) ?? []), r.code]);
  const all = (code: string): string[] => (direct.get(code) ?? []).flatMap((p) => [p, ...all(p)]);
  return new Map([...direct.keys()].map((code) => [code, all(code).sort()]));
}

/**
 * Per municipality, every one that had merged into it by `date`, directly or through others: the lineage whose
 * history its figures pool and whose outlines its map shape is drawn from.
 */
export async function predecessorsOn(db: Knex, date: string): Promise<Map<string, string[]>> {
  return lineagesOn(await mergedAway(db), date);
}

/**
 * Per municipality formed by a merger, the municipalities it was formed from, with theirs: the landscapes its
 * starting share is pooled from. Those it absorbed later join its landscape from that day, not its start, as they do
 * for a municipality that existed before the register, so that its figures before that day stay as they were.
 */
export async function foundersOf(db: Knex, members: readonly Pick<Municipality, 'code' | 'validFrom'>[]): Promise<Map<string, string[]>> {
  const merged = await mergedAway(db);
  // Members formed on the same day (all of a merger's) share that day's lineages.
  const lineages = new Map<string, Map<string, string[]>>();
  const on = (date: string) => lineages.get(date) ?? lineages.set(date, lineagesOn(merged, date)).get(date)!;
  return new Map(members.flatMap((m) => (m.validFrom === null ? [] : [[m.code, on(m.validFrom).get(m.code) ?? []] as const])));
}

/** The municipalities that existed on the filter's date (today when it names none), by name. */
export async function list(db: Knex, filter: MunicipalityListQuery): Promise<Municipality[]> {
  const date = filter.date ?? todayIso();
  const query = registerOn(db, date).orderBy('r.name');
  if (filter.ended !== 'include') query.where((w) => w.whereNull('r.valid_to').orWhere('r.valid_to', '>', date));
  if (filter.province) query.where('r.province', filter.province);
  if (filter.sizeClass) query.where('r.size_class', filter.sizeClass);
  if (filter.q) {
    // Accent-insensitive enough for "Sudwest" to find Súdwest-Fryslân, and a code finds its municipality.
    const q = filter.q.toLowerCase();
    query.where((w) =>
      w
        .whereRaw(`translate(lower(r.name), 'áàâäéèêëíìîïóòôöúùûüç', 'aaaaeeeeiiiioooouuuuc') like ?`, [
          `%${q.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        ])
        .orWhereRaw('lower(r.code) = ?', [q]),
    );
  }
  const [rows, predecessors] = await Promise.all([query, predecessorsOn(db, date)]);
  return rows.map((r) => toMunicipality(r, predecessors.get(r.code) ?? []));
}

/** One municipality as the register had it on `date`; undefined when it did not exist yet then. */
export async function findByCode(db: Knex, code: string, date = todayIso()): Promise<Municipality | undefined> {
  const [row, predecessors] = await Promise.all([registerOn(db, date).where('r.code', code).first(), predecessorsOn(db, date)]);
  return row ? toMunicipality(row, predecessors.get(code) ?? []) : undefined;
}

export type EndedMunicipality = { code: string; validTo: string | null; mergedInto: string | null };

/**
 * Those of `codes` that no longer take applications: merged away, or formed by a merger that was undone. With
 * `lock`, their register rows are share-locked until the transaction ends, so a merger in flight is waited for.
 */
export async function endedAmong(db: Knex, codes: readonly string[], { lock }: { lock: boolean }): Promise<EndedMunicipality[]> {
  const query = db('municipalities').select('code', 'valid_to', 'merged_into', 'withdrawn_at').whereIn('code', [...codes]).orderBy('code');
  if (lock) query.forShare();
  const rows: { code: string; valid_to: string | null; merged_into: string | null; withdrawn_at: Date | null }[] = await query;
  return rows
    .filter((r) => r.valid_to !== null || r.withdrawn_at !== null)
    .map((r) => ({ code: r.code, validTo: r.valid_to, mergedInto: r.merged_into }));
}

// ---- Changing the register: mergers, their undoing, renames and population counts (PRODUCT §12). ----

type MunicipalityRecord = {
  code: string;
  name: string;
  province: string;
  province_code: string;
  population: number;
  size_class: number;
  valid_from: string | null;
  valid_to: string | null;
  merged_into: string | null;
  withdrawn_at: string | null;
};
type VersionRecord = {
  code: string;
  valid_from: string | null;
  name: string;
  province: string;
  province_code: string;
  population: number;
  size_class: number;
};

/** The register rows and versions of some municipalities as they are, to be put back as they were. */
export type RegisterSnapshot = { municipalities: MunicipalityRecord[]; versions: VersionRecord[] };

/**
 * Locks the register rows of `codes` against new applications (see `endedAmong`) and other register changes, in
 * code order, until the transaction ends. Applications' own writes are not held up.
 */
export async function lockForChange(trx: Knex.Transaction, codes: readonly string[]): Promise<void> {
  await trx.raw(`select code from municipalities where code = any(?) order by code for no key update`, [[...codes]]);
}

/** What the merger rules need to know of each of `codes` that the register knows. */
export async function registerFacts(db: Knex, codes: readonly string[]): Promise<Map<string, RegisterFacts>> {
  const rows: { code: string; valid_from: string | null; valid_to: string | null; merged_into: string | null; last_change: string | null; has_landscape: boolean }[] =
    (
      await db.raw(
        `select m.code, m.valid_from, m.valid_to, m.merged_into,
                (select max(v.valid_from) from municipality_versions v where v.code = m.code and v.valid_from is distinct from m.valid_from) as last_change,
                exists (select 1 from applications a where a.municipality_code = m.code and a.deleted_at is null) as has_landscape
         from municipalities m where m.code = any(?) and m.withdrawn_at is null`,
        [[...codes]],
      )
    ).rows;
  return new Map(
    rows.map((r) => [
      r.code,
      { code: r.code, validFrom: r.valid_from, validTo: r.valid_to, mergedInto: r.merged_into, lastChange: r.last_change, hasLandscape: r.has_landscape },
    ]),
  );
}

const asDate = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));

export async function snapshot(db: Knex, codes: readonly string[]): Promise<RegisterSnapshot> {
  const [municipalities, versions] = await Promise.all([
    db('municipalities').whereIn('code', [...codes]).orderBy('code') as Promise<MunicipalityRecord[]>,
    db('municipality_versions').whereIn('code', [...codes]).orderBy(['code', 'valid_from']) as Promise<VersionRecord[]>,
  ]);
  return {
    municipalities: municipalities.map((m) => ({ ...m, valid_from: asDate(m.valid_from), valid_to: asDate(m.valid_to), withdrawn_at: m.withdrawn_at && new Date(m.withdrawn_at).toISOString() })),
    versions: versions.map((v) => ({ ...v, valid_from: asDate(v.valid_from) })),
  };
}

/**
 * Puts the register rows and versions of the snapshot's municipalities back as they were; one the snapshot did not
 * know (a municipality the change formed) is withdrawn, since history entries may name it.
 */
export async function restore(trx: Knex.Transaction, taken: RegisterSnapshot, formed: readonly string[]): Promise<void> {
  const known = taken.municipalities.map((m) => m.code);
  await trx('municipality_versions').whereIn('code', [...known, ...formed]).delete();
  for (const m of taken.municipalities) {
    const { code, ...rest } = m;
    await trx('municipalities').where({ code }).update(rest);
  }
  if (taken.versions.length > 0) await trx('municipality_versions').insert(taken.versions);
  const withdrawn = formed.filter((c) => !known.includes(c));
  if (withdrawn.length > 0) await trx('municipalities').whereIn('code', withdrawn).update({ withdrawn_at: trx.fn.now() });
}

/** The population of each of `codes` on `date`, by their versions in force then. */
export async function populationsOn(db: Knex, codes: readonly string[], date: string): Promise<Map<string, number>> {
  const rows: { code: string; population: number }[] = (
    await db.raw(
      `select distinct on (code) code, population from municipality_versions
       where code = any(?) and (valid_from is null or valid_from <= ?) order by code, valid_from desc nulls last`,
      [[...codes], date],
    )
  ).rows;
  return new Map(rows.map((r) => [r.code, Number(r.population)]));
}

/** `codes` end on `date`, merged into `into`. */
export async function endByMerger(trx: Knex.Transaction, codes: readonly string[], date: string, into: string): Promise<void> {
  if (codes.length === 0) return;
  await trx('municipalities').whereIn('code', [...codes]).update({ valid_to: date, merged_into: into });
}

export type VersionChange = { name?: string; province?: Province; population?: number };

/**
 * A municipality's version from `date` on, with `change` applied to the one in force then; a municipality the
 * register does not know (or had withdrawn) begins on `date` with it. The register row keeps the latest version's
 * values, today's, since no register change is dated in the future.
 */
export async function putVersion(trx: Knex.Transaction, code: string, date: string, change: Required<VersionChange> | VersionChange): Promise<void> {
  const inForce: VersionRecord | undefined = (
    await trx.raw(
      `select v.* from municipality_versions v join municipalities m on m.code = v.code and m.withdrawn_at is null
       where v.code = ? and (v.valid_from is null or v.valid_from <= ?) order by v.valid_from desc nulls last limit 1`,
      [code, date],
    )
  ).rows[0];
  const name = change.name ?? inForce?.name;
  const province = change.province ?? (inForce?.province as Province | undefined);
  const population = change.population ?? inForce?.population;
  if (name === undefined || province === undefined || population === undefined)
    throw new Error(`putVersion: ${code} has no version on ${date} to change`);
  const version: VersionRecord = {
    code,
    valid_from: date,
    name,
    province,
    province_code: PROVINCE_CODES[province],
    population,
    size_class: sizeClassOf(population),
  };
  if (!inForce) {
    const { valid_from: _from, ...current } = version;
    await trx('municipalities')
      .insert({ ...current, valid_from: date, valid_to: null, merged_into: null, withdrawn_at: null })
      .onConflict('code')
      .merge();
  }
  await trx('municipality_versions').insert(version).onConflict(['code', 'valid_from']).merge();
  await trx.raw(
    `update municipalities m set name = v.name, province = v.province, province_code = v.province_code,
            population = v.population, size_class = v.size_class
     from (select * from municipality_versions where code = ? order by valid_from desc nulls last limit 1) v
     where m.code = v.code`,
    [code],
  );
}
