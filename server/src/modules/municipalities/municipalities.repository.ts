import type { Knex } from 'knex';
import { todayIso } from '@tm/shared/dates';
import type { Municipality, MunicipalityListQuery, Province } from '@tm/shared/schemas/municipality';

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

function toMunicipality(row: RegisterRow): Municipality {
  return {
    code: row.code,
    name: row.name,
    province: row.province,
    population: row.population,
    sizeClass: row.size_class,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    mergedInto: row.merged_into ? { code: row.merged_into, name: row.merged_into_name! } : null,
  };
}

/**
 * Every municipality that had begun by `date`, with its version of that day; one that had merged away by then with
 * its last version, and its successor's name of the day they merged.
 */
function registerOn(db: Knex, date: string): Knex.QueryBuilder<RegisterRow, RegisterRow[]> {
  const versions = db.raw(
    `(select distinct on (m.code) m.code, v.name, v.province, v.population, v.size_class, m.valid_from, m.valid_to, m.merged_into
      from municipalities m
      join municipality_versions v on v.code = m.code and (v.valid_from is null or v.valid_from <= least(?::date, m.valid_to - 1))
      order by m.code, v.valid_from desc nulls last) as r`,
    [date],
  );
  const successorName = `(select name from municipality_versions s where s.code = r.merged_into and (s.valid_from is null or s.valid_from <= r.valid_to)
                          order by s.valid_from desc nulls last limit 1) as merged_into_name`;
  return db.from<RegisterRow>(versions).select('r.*', db.raw(successorName));
}

/** The municipalities that existed on the filter's date (today when it names none), by name. */
export async function list(db: Knex, filter: MunicipalityListQuery): Promise<Municipality[]> {
  const date = filter.date ?? todayIso();
  const query = registerOn(db, date)
    .where((w) => w.whereNull('r.valid_to').orWhere('r.valid_to', '>', date))
    .orderBy('r.name');
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
  return (await query).map(toMunicipality);
}

/** One municipality as the register had it on `date`; undefined when it did not exist yet then. */
export async function findByCode(db: Knex, code: string, date = todayIso()): Promise<Municipality | undefined> {
  const row = await registerOn(db, date).where('r.code', code).first();
  return row ? toMunicipality(row) : undefined;
}
