import type { Knex } from 'knex';
import type { Lifecycle } from '@tm/shared/schemas/application';
import type { LifecycleCounts } from '@tm/shared/schemas/progress';

const KEYS: Record<Lifecycle, keyof LifecycleCounts> = {
  planned: 'planned',
  in_production: 'inProduction',
  phasing_out: 'phasingOut',
  phased_out: 'phasedOut',
};

function toCounts(rows: readonly { lifecycle: Lifecycle; n: number | string }[]): LifecycleCounts {
  const counts: LifecycleCounts = { planned: 0, inProduction: 0, phasingOut: 0, phasedOut: 0 };
  for (const r of rows) counts[KEYS[r.lifecycle]] = Number(r.n);
  return counts;
}

/**
 * A municipality's applications by lifecycle: now from the applications themselves; as known at a moment from the
 * events recorded by then, each application's lifecycle the latest in force on `date` (the order the landscape uses),
 * so that in production plus phasing out is always the landscape the figures count.
 */
export async function lifecycleCounts(db: Knex, code: string, at: { date: string; knownAt?: string | undefined }): Promise<LifecycleCounts> {
  if (!at.knownAt) {
    const rows = await db('applications')
      .select('lifecycle')
      .count('* as n')
      .where({ municipality_code: code })
      .whereNull('deleted_at')
      .groupBy('lifecycle');
    return toCounts(rows as { lifecycle: Lifecycle; n: string }[]);
  }
  const { rows } = await db.raw(
    `select lifecycle, count(*) as n from (
       select distinct on (e.application_id) e.lifecycle
       from application_events e join applications a on a.id = e.application_id
       where a.municipality_code = ? and (a.deleted_at is null or a.deleted_at > ?)
             and e.lifecycle is not null and e.recorded_at <= ? and e.effective_date <= ?
       order by e.application_id, e.effective_date desc, e.id desc
     ) latest group by lifecycle`,
    [code, at.knownAt, at.knownAt, at.date],
  );
  return toCounts(rows);
}
