import type { Knex } from 'knex';
import municipalities from '../reference/municipalities.json' with { type: 'json' };
import referenceComponents from '../reference/reference-components.json' with { type: 'json' };

/**
 * Loads the 2025 municipal register and the GEMMA reference components. Existing rows are left as they are:
 * the register is the admin's to change after the first start (mergers).
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
