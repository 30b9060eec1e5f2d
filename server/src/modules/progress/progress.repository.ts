import type { Knex } from 'knex';
import { LANDSCAPE } from '@tm/db/landscape';

/** Legacy applications in today's landscape by planned replacement year. */
export async function plannedReplacements(db: Knex, code: string): Promise<Map<number, number>> {
  const rows: { year: number; n: number }[] = await db('applications')
    .select('planned_replacement_year as year')
    .count('* as n')
    .where({ municipality_code: code })
    .whereNull('deleted_at')
    .whereRaw(`lifecycle in ${LANDSCAPE}`)
    .whereNot('status', 'compliant')
    .whereNotNull('planned_replacement_year')
    .groupBy('planned_replacement_year');
  return new Map(rows.map((r) => [Number(r.year), Number(r.n)]));
}
