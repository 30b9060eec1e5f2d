import type { Knex } from 'knex';
import type { Lifecycle } from '@tm/shared/schemas/application';
import type { LifecycleCounts } from '@tm/shared/schemas/progress';
import { todayIso } from '@tm/shared/dates';
import { membersAt } from '@tm/db/membership';

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
 * A municipality's applications by lifecycle: today from the applications themselves; at another date, or as known
 * at a moment, from the events recorded by then: the applications that belonged to it on `date` (PRODUCT §12),
 * each with its lifecycle the latest in force then (the order the landscape uses), so that in production plus
 * phasing out is always the landscape the figures count.
 */
export async function lifecycleCounts(db: Knex, code: string, at: { date: string; knownAt?: string | undefined }): Promise<LifecycleCounts> {
  if (!at.knownAt && at.date === todayIso()) {
    const rows = await db('applications')
      .select('lifecycle')
      .count('* as n')
      .where({ municipality_code: code })
      .whereNull('deleted_at')
      .groupBy('lifecycle');
    return toCounts(rows as { lifecycle: Lifecycle; n: string }[]);
  }
  const knownAt = at.knownAt ?? null;
  const members = membersAt(code, at.date, knownAt);
  const { rows } = await db.raw(
    `select lifecycle, count(*) as n from (
       select distinct on (e.application_id) e.lifecycle
       from application_events e join applications a on a.id = e.application_id
       where e.application_id in (${members.sql}) and (a.deleted_at is null or a.deleted_at > coalesce(?::timestamptz, 'infinity'))
             and e.lifecycle is not null and e.recorded_at <= coalesce(?::timestamptz, 'infinity') and e.effective_date <= ?
       order by e.application_id, e.effective_date desc, e.id desc
     ) latest group by lifecycle`,
    [...members.bindings, knownAt, knownAt, at.date],
  );
  return toCounts(rows);
}
