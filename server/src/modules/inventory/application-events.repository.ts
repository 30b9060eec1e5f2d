import type { Knex } from 'knex';
import type { Lifecycle, Status } from '@tm/shared/schemas/application';
import type { HistoryEntry } from '@tm/shared/schemas/history';
import type { TimelineEvent } from '@tm/shared/measure/timeline';
import type { Actor } from '../../http/actor.ts';

export type NewEvent = {
  applicationId: string;
  municipalityCode: string;
  action: HistoryEntry['action'];
  effectiveDate: string;
  status: Status | null;
  lifecycle: Lifecycle | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

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

export async function append(db: Knex, event: NewEvent, actor: Actor): Promise<void> {
  await appendMany(db, [event], actor);
}

const INSERT_CHUNK = 1_000;

export async function appendMany(db: Knex, events: readonly NewEvent[], actor: Actor): Promise<void> {
  for (let i = 0; i < events.length; i += INSERT_CHUNK)
    await db('application_events').insert(events.slice(i, i + INSERT_CHUNK).map((event) => toRow(event, actor)));
}

function toRow(event: NewEvent, actor: Actor): Record<string, unknown> {
  return {
    application_id: event.applicationId,
    municipality_code: event.municipalityCode,
    action: event.action,
    effective_date: event.effectiveDate,
    status: event.status,
    lifecycle: event.lifecycle,
    before: event.before === null ? null : JSON.stringify(event.before),
    after: event.after === null ? null : JSON.stringify(event.after),
    actor_id: actor.id,
    actor_name: actor.name,
    request_id: actor.requestId ?? null,
  };
}

export async function timelineOf(db: Knex, applicationId: string): Promise<TimelineEvent[]> {
  return (await timelinesOf(db, [applicationId])).get(applicationId) ?? [];
}

/** The timelines of many applications in one query; an application without status or lifecycle events is absent. */
export async function timelinesOf(db: Knex, applicationIds: readonly string[]): Promise<Map<string, TimelineEvent[]>> {
  const rows: Pick<EventRow, 'id' | 'application_id' | 'effective_date' | 'status' | 'lifecycle'>[] = await db('application_events')
    .select('id', 'application_id', 'effective_date', 'status', 'lifecycle')
    .whereIn('application_id', applicationIds)
    .andWhere((w) => w.whereNotNull('status').orWhereNotNull('lifecycle'))
    .orderBy('id');
  const timelines = new Map<string, TimelineEvent[]>();
  for (const r of rows) {
    const timeline = timelines.get(r.application_id) ?? [];
    timeline.push({ effectiveDate: r.effective_date, seq: Number(r.id), status: r.status, lifecycle: r.lifecycle });
    timelines.set(r.application_id, timeline);
  }
  return timelines;
}

export async function historyOf(db: Knex, applicationId: string): Promise<HistoryEntry[]> {
  const rows: EventRow[] = await db('application_events')
    .where({ application_id: applicationId })
    .orderBy([{ column: 'recorded_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
  return rows.map((r) => ({
    id: String(r.id),
    applicationId: r.application_id,
    action: r.action,
    actor: { id: r.actor_id, name: r.actor_name },
    recordedAt: r.recorded_at.toISOString(),
    effectiveDate: r.effective_date,
    before: r.before,
    after: r.after,
  }));
}

export async function applicationExists(db: Knex, applicationId: string): Promise<boolean> {
  return (await db('applications').where({ id: applicationId }).first('id')) !== undefined;
}
