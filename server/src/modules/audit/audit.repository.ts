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
    before: r.before,
    after: r.after,
  };
}

export async function list(db: Knex, filter: Partial<AuditEventListQuery> & { page: number; pageSize: number }): Promise<{ items: AuditEvent[]; total: number }> {
  const where = (q: Knex.QueryBuilder) => {
    if (filter.municipalityCode) q.where('municipality_code', filter.municipalityCode);
    if (filter.entityType) q.where('entity_type', filter.entityType);
    if (filter.actorId) q.where('actor_id', filter.actorId);
    if (filter.since) q.where('recorded_at', '>=', filter.since);
    return q;
  };
  const [rows, [{ n } = { n: 0 }]] = await Promise.all([
    where(db('audit_events').select('*'))
      .orderBy([{ column: 'recorded_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize) as Promise<AuditRow[]>,
    where(db('audit_events').count('* as n')) as unknown as Promise<{ n: number }[]>,
  ]);
  return { items: rows.map(toAuditEvent), total: Number(n) };
}
