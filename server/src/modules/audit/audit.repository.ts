import type { Knex } from 'knex';
import type { AuditEvent, AuditEventListQuery } from '@tm/shared/schemas/audit';
import type { Actor } from '../../http/actor.ts';

export type NewAuditEvent = {
  action: string;
  entityType: string;
  entityId: string | null;
  municipalityCode?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

type AuditRow = {
  id: number;
  recorded_at: Date;
  actor_id: string | null;
  actor_name: string;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  municipality_code: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  subject: string | null;
};

/** Call with the transaction of the write itself, so that the write and its record stand or fall together. */
export async function record(db: Knex, actor: Actor, event: NewAuditEvent): Promise<void> {
  await recordAll(db, actor, [event]);
}

/** The same for several entries, in one statement. */
export async function recordAll(db: Knex, actor: Actor, events: readonly NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db('audit_events').insert(
    events.map((event) => ({
      actor_id: actor.id,
      actor_name: actor.name,
      request_id: actor.requestId ?? null,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      municipality_code: event.municipalityCode ?? null,
      before: event.before ? JSON.stringify(event.before) : null,
      after: event.after ? JSON.stringify(event.after) : null,
    })),
  );
}

function toAuditEvent(r: AuditRow): AuditEvent {
  return {
    id: String(r.id),
    recordedAt: r.recorded_at.toISOString(),
    actor: { id: r.actor_id, name: r.actor_name },
    requestId: r.request_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    municipalityCode: r.municipality_code,
    subject: r.subject,
    before: r.before,
    after: r.after,
  };
}

/** Log-ins, log-outs and refused log-ins: the `sessions` tab; everything else is a change. */
const SESSION_ACTIONS = 'session.%';

/**
 * What each entry wrote, by the name a reader knows it by. An application keeps its row when deleted, so its name
 * stays; a user or municipality removed since reads as the entry itself recorded it, if at all.
 */
function withSubject(db: Knex): Knex.QueryBuilder {
  return db('audit_events as e')
    .leftJoin('applications as a', (j) => j.on('e.entity_type', db.raw('?', ['application'])).andOn(db.raw('a.id::text = e.entity_id')))
    .leftJoin('users as u', (j) => j.on('e.entity_type', db.raw('?', ['user'])).andOn(db.raw('u.id::text = e.entity_id')))
    .leftJoin('municipalities as m', (j) => j.on('e.entity_type', db.raw('?', ['municipality'])).andOn('m.code', 'e.entity_id'))
    .select('e.*', db.raw('coalesce(a.name, u.name, m.name) as subject'));
}

export async function list(db: Knex, filter: Partial<AuditEventListQuery> & { page: number; pageSize: number }): Promise<{ items: AuditEvent[]; total: number }> {
  const where = (q: Knex.QueryBuilder) => {
    if (filter.municipalityCode) q.where('e.municipality_code', filter.municipalityCode);
    if (filter.entityType) q.where('e.entity_type', filter.entityType);
    if (filter.actorId) q.where('e.actor_id', filter.actorId);
    if (filter.since) q.where('e.recorded_at', '>=', filter.since);
    if (filter.until) q.where('e.recorded_at', '<', filter.until);
    if (filter.kind === 'sessions') q.whereLike('e.action', SESSION_ACTIONS);
    if (filter.kind === 'changes') q.whereNot('e.action', 'like', SESSION_ACTIONS);
    return q;
  };
  const [rows, [{ n } = { n: 0 }]] = await Promise.all([
    where(withSubject(db))
      .orderBy([{ column: 'e.recorded_at', order: 'desc' }, { column: 'e.id', order: 'desc' }])
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize) as Promise<AuditRow[]>,
    where(db('audit_events as e').count('* as n')) as unknown as Promise<{ n: number }[]>,
  ]);
  return { items: rows.map(toAuditEvent), total: Number(n) };
}
