import type { Knex } from 'knex';
import type { Municipality, MunicipalityListQuery, Province } from '@tm/shared/schemas/municipality';

type MunicipalityRow = { code: string; name: string; province: Province; population: number; size_class: number };

function toMunicipality(row: MunicipalityRow): Municipality {
  return { code: row.code, name: row.name, province: row.province, population: row.population, sizeClass: row.size_class };
}

export async function list(db: Knex, filter: MunicipalityListQuery): Promise<Municipality[]> {
  const query = db<MunicipalityRow>('municipalities').orderBy('name');
  if (filter.province) query.where('province', filter.province);
  if (filter.sizeClass) query.where('size_class', filter.sizeClass);
  if (filter.q) {
    // Accent-insensitive enough for "Sudwest" to find Súdwest-Fryslân, and a code finds its municipality.
    const q = filter.q.toLowerCase();
    query.where((w) =>
      w
        .whereRaw(`translate(lower(name), 'áàâäéèêëíìîïóòôöúùûüç', 'aaaaeeeeiiiioooouuuuc') like ?`, [
          `%${q.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        ])
        .orWhereRaw('lower(code) = ?', [q]),
    );
  }
  return (await query).map(toMunicipality);
}

export async function findByCode(db: Knex, code: string): Promise<Municipality | undefined> {
  const row = await db<MunicipalityRow>('municipalities').where({ code }).first();
  return row ? toMunicipality(row) : undefined;
}
