import type { Knex } from 'knex';

/**
 * When the first change of an application was recorded, nationally or in one municipality; null before any. Asked only
 * when a report's "stand per" moment has nothing recorded before it, to say from when there is.
 */
export async function firstRecordedAt(db: Knex, municipalityCode?: string): Promise<string | null> {
  const row = await db('application_events')
    .modify((q) => {
      if (municipalityCode) q.where({ municipality_code: municipalityCode });
    })
    .min({ first: 'recorded_at' })
    .first();
  return row?.first ? new Date(row.first as string | Date).toISOString() : null;
}

/** Whether anything was recorded by `knownAt`: a report of that moment has figures to show. */
export async function recordedBy(db: Knex, knownAt: string, municipalityCode?: string): Promise<boolean> {
  const row = await db('application_events')
    .where('recorded_at', '<=', knownAt)
    .modify((q) => {
      if (municipalityCode) q.where({ municipality_code: municipalityCode });
    })
    .select(db.raw('1'))
    .first();
  return row !== undefined;
}
