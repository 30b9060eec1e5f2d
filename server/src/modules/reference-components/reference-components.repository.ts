import type { Knex } from 'knex';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';

type ReferenceComponentRow = { id: string; name: string; description: string; grouping: string; gemma_status: string };

export async function listReferenceComponents(db: Knex): Promise<ReferenceComponent[]> {
  const rows: ReferenceComponentRow[] = await db('reference_components').orderBy('name');
  return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, group: r.grouping, gemmaStatus: r.gemma_status }));
}

export async function unknownReferenceComponentIds(db: Knex, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = new Set((await db('reference_components').whereIn('id', ids).select('id')).map((r: { id: string }) => r.id));
  return ids.filter((id) => !found.has(id));
}
