import type { Knex } from 'knex';
import { EVENT_TYPE_PREFIX, type EventData, type EventName, type EventType } from '@tm/shared/schemas/events';

export type NewEvent<N extends EventName = EventName> = {
  name: N;
  /** What the event is about, as a path of this API. */
  subject: string;
  /** The municipality whose editors may read it; null for changes of the whole programme. */
  municipalityCode: string | null;
  data: EventData<N>;
};

export type StoredEvent = {
  position: number;
  id: string;
  type: EventType;
  subject: string;
  municipalityCode: string | null;
  recordedAt: string;
  data: unknown;
};

type EventRow = {
  position: number;
  id: string;
  type: string;
  subject: string;
  municipality_code: string | null;
  recorded_at: Date;
  data: unknown;
};

/**
 * Writes the events of a change in the change's own transaction, so that they exist if and only if it commits.
 * One statement: it draws the next positions from the single counter and inserts the rows.
 *
 * Make it the transaction's last statement. Drawing the positions takes the counter's row lock until the commit,
 * which is what puts positions in commit order (see the migration that creates `feed_events`), so every statement after
 * it makes the next event writer wait longer. A write that also raises the measure revision raises it first:
 * taking the two locks in one order everywhere keeps writers from waiting on each other in a circle.
 */
export async function recordEvents(trx: Knex.Transaction, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({ type: `${EVENT_TYPE_PREFIX}${e.name}`, subject: e.subject, municipalityCode: e.municipalityCode, data: e.data }));
  await trx.raw(
    `with drawn as (update feed_positions set last = last + ? returning last - ? as base)
     insert into feed_events (position, type, subject, municipality_code, data)
     select drawn.base + e.ord, e.value ->> 'type', e.value ->> 'subject', e.value ->> 'municipalityCode', e.value -> 'data'
     from drawn cross join jsonb_array_elements(?::jsonb) with ordinality as e(value, ord)`,
    [rows.length, rows.length, JSON.stringify(rows)],
  );
}

export function recordEvent<N extends EventName>(trx: Knex.Transaction, name: N, event: Omit<NewEvent<N>, 'name'>): Promise<void> {
  return recordEvents(trx, [{ name, ...event } as NewEvent]);
}

export async function positionOf(db: Knex, id: string): Promise<number | undefined> {
  const row = await db<EventRow>('feed_events').where({ id }).first('position');
  return row?.position;
}

export type EventFilter = {
  /** Only events after this position. */
  after: number;
  /** Only events of these municipalities; undefined for every event, including the programme's own. */
  municipalityCodes?: readonly string[] | undefined;
  /** Only events of these types; undefined for every type. */
  types?: readonly string[] | undefined;
  limit: number;
};

/** Committed events in commit order. */
export async function listAfter(db: Knex, filter: EventFilter): Promise<StoredEvent[]> {
  const q = db<EventRow>('feed_events').where('position', '>', filter.after).orderBy('position').limit(filter.limit);
  if (filter.municipalityCodes) q.whereIn('municipality_code', [...filter.municipalityCodes]);
  if (filter.types) q.whereIn('type', [...filter.types]);
  const rows = (await q.select('position', 'id', 'type', 'subject', 'municipality_code', 'recorded_at', 'data')) as EventRow[];
  return rows.map((r) => ({
    position: Number(r.position),
    id: r.id,
    type: r.type as EventType,
    subject: r.subject,
    municipalityCode: r.municipality_code,
    recordedAt: r.recorded_at.toISOString(),
    data: r.data,
  }));
}
