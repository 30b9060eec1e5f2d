import type { Knex } from 'knex';
import type { Lifecycle, Status } from '@tm/shared/schemas/application';
import type { HistoryEntry } from '@tm/shared/schemas/history';
import type { Actor } from '../../http/actor.ts';
import type { PlannedEvent } from './application-planner.ts';

export type NewEvent = PlannedEvent & { applicationId: string; municipalityCode: string };

type EventRow = {
  id: number;
  application_id: string;
  action: HistoryEntry['action'];
  effective_date: string;
  recorded_at: Date;
  actor_id: string | null;
  actor_name: string;
  status: Status | null;
  lifecycle: Lifecycle | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/**
 * Appends one history entry per event, in their order, in one statement whatever their number; answers them as the
 * history shows them, in the same order. Only what the database adds comes back (the id and the time): the rest is
 * what was sent, which for a large import would otherwise travel back and be parsed again, megabytes of it.
 */
export async function appendAll(db: Knex, events: readonly NewEvent[], actor: Actor): Promise<HistoryEntry[]> {
  if (events.length === 0) return [];
  const { rows } = (await db.raw(
    `insert into application_events (application_id, municipality_code, action, effective_date, status, lifecycle, before, after,
                                     actor_id, actor_name, request_id)
     select application_id, municipality_code, action, effective_date, status, lifecycle, before, after, ?, ?, ?
     from rows from (jsonb_to_recordset(?::jsonb) as (application_id uuid, municipality_code text, action text,
          effective_date date, status text, lifecycle text, before jsonb, after jsonb)) with ordinality
          as v(application_id, municipality_code, action, effective_date, status, lifecycle, before, after, n)
     order by v.n
     returning id, recorded_at`,
    [
      actor.id,
      actor.name,
      actor.requestId ?? null,
      JSON.stringify(
        events.map((e) => ({
          application_id: e.applicationId,
          municipality_code: e.municipalityCode,
          action: e.action,
          effective_date: e.effectiveDate,
          status: e.status,
          lifecycle: e.lifecycle,
          before: e.before,
          after: e.after,
        })),
      ),
    ],
  )) as { rows: Pick<EventRow, 'id' | 'recorded_at'>[] };
  // The ids were drawn in the events' order.
  const added = rows.sort((a, b) => Number(a.id) - Number(b.id));
  return events.map((e, i) =>
    toHistoryEntry({
      ...added[i]!,
      application_id: e.applicationId,
      action: e.action,
      effective_date: e.effectiveDate,
      actor_id: actor.id,
      actor_name: actor.name,
      status: e.status,
      lifecycle: e.lifecycle,
      before: e.before,
      after: e.after,
    }),
  );
}

export async function historyOf(db: Knex, applicationId: string): Promise<HistoryEntry[]> {
  const rows: EventRow[] = await db('application_events')
    .where({ application_id: applicationId })
    .orderBy([{ column: 'recorded_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
  return rows.map(toHistoryEntry);
}

function toHistoryEntry(r: EventRow): HistoryEntry {
  return {
    id: String(r.id),
    applicationId: r.application_id,
    action: r.action,
    actor: { id: r.actor_id, name: r.actor_name },
    recordedAt: r.recorded_at.toISOString(),
    effectiveDate: r.effective_date,
    before: r.before,
    after: r.after,
  };
}

export async function applicationExists(db: Knex, applicationId: string): Promise<boolean> {
  return (await db('applications').where({ id: applicationId }).first('id')) !== undefined;
}
