/**
 * Which municipality an application belongs to at a date (PRODUCT §12), in SQL: the one named by the `moved` event
 * recorded last among those in force by then, else the one it was created in. A merger records such an event for
 * every application it moves, dated on the merger day; undoing it records another on the same day, naming where the
 * application was before. The one recorded last decides, not the one dated last: an application's mergers follow
 * each other in time (the merger rules see to it), and an undo always concerns the latest, so the latest recorded
 * is the latest in force, and undoing one merger after another undoes them all, whatever their dates.
 */
import type { Knex } from 'knex';
import { placeholders } from './rollup-sums.ts';

/** The ids of the applications that ever belonged to one of `codes` (bind the codes). */
export const MEMBERS_EVER = (codes: readonly string[]) =>
  `select application_id from application_events where action in ('created', 'moved') and municipality_code in (${placeholders(codes)})`;

/**
 * The ids of the applications that belonged to `code` on `date`, as recorded by `knownAt` (every event when it is
 * null), deleted ones included: the caller decides whether they still count.
 */
export function membersAt(code: string, date: string, knownAt: string | null): { sql: string; bindings: Knex.RawBinding[] } {
  return {
    sql: `select application_id from (
            select distinct on (m.application_id) m.application_id, m.municipality_code
            from application_events m
            where m.application_id in (${MEMBERS_EVER([code])})
              and (m.action = 'created' or (m.action = 'moved' and m.effective_date <= ?))
              and m.recorded_at <= coalesce(?::timestamptz, 'infinity')
            order by m.application_id, m.action = 'moved' desc, m.id desc
          ) membership where municipality_code = ?`,
    bindings: [code, date, knownAt, code],
  };
}
