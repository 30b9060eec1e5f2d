import type { Knex } from 'knex';
import municipalities from '../reference/municipalities.json' with { type: 'json' };
import referenceComponents from '../reference/reference-components.json' with { type: 'json' };

/**
 * Loads the 2025 municipal register, each municipality with its first version, and the GEMMA reference components.
 * Existing rows are left as they are: the register is the admin's to change after the first start (mergers).
 */
export async function loadReferenceData(db: Knex): Promise<void> {
  await db('municipalities')
    .insert(
      municipalities.map((m) => ({
        code: m.code,
        name: m.name,
        province: m.province,
        province_code: m.provinceCode,
        population: m.population,
        size_class: m.sizeClass,
      })),
    )
    .onConflict('code')
    .ignore();
  await db.raw(`insert into municipality_versions (code, valid_from, name, province, province_code, population, size_class)
                select code, valid_from, name, province, province_code, population, size_class from municipalities m
                where not exists (select 1 from municipality_versions v where v.code = m.code)`);
  await db('reference_components')
    .insert(
      referenceComponents.map((c) => ({
        id: c.id,
        name: c.name,
        description: c.description,
        grouping: c.group,
        gemma_status: c.gemmaStatus,
      })),
    )
    .onConflict('id')
    .ignore();
}
