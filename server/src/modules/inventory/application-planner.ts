/**
 * The one rule by which a change of applications becomes new rows and history entries, for every way in: create,
 * PATCH, DELETE, retirement, bulk edit and import, and what the catalogue and mergers add. Pure: it is given the
 * stored applications with their timelines and answers what to write; `application-writer.ts` writes it.
 */
import type { Application, Lifecycle, Status } from '@tm/shared/schemas/application';
import type { HistoryEntry } from '@tm/shared/schemas/history';
import { milestones, stateAt, type TimelineEvent } from '@tm/shared/measure/timeline';
import { changedFields, pick, TRACKED_FIELDS, type TrackedField } from './application-changes.ts';

/** An application as stored, with what the planner needs of its history: the status and lifecycle timeline. */
export type ApplicationOnRecord = { application: Application; revision: number; timeline: readonly TimelineEvent[] };

/** Every value a caller sets on an application; status and lifecycle take effect on the change's date. */
export type ApplicationValues = Pick<Application, TrackedField>;

/**
 * An application's row as a write leaves it; `createdAt` and `updatedAt` are the database's. A `productVersionId`
 * of null asks the writer to link it to the catalogue (PRODUCT §9), which takes the database.
 */
export type PlannedApplication = Omit<Application, 'createdAt' | 'updatedAt'>;

export type ApplicationChange =
  | { kind: 'create'; id: string; municipalityCode: string; values: ApplicationValues; effectiveDate: string }
  /** Values left out stay as they are; `effectiveDate` (default today) dates a status or lifecycle (PRODUCT §3.2). */
  | { kind: 'update'; current: ApplicationOnRecord; values: Partial<ApplicationValues>; effectiveDate?: string | undefined }
  | { kind: 'delete'; current: ApplicationOnRecord }
  /** A merger (or its undoing) moves the application to another municipality from `effectiveDate` on. */
  | { kind: 'move'; current: ApplicationOnRecord; municipalityCode: string; effectiveDate: string };

export type PlannedEvent = {
  action: HistoryEntry['action'];
  effectiveDate: string;
  /** Set only when this change sets them: the timeline's events. */
  status: Status | null;
  lifecycle: Lifecycle | null;
  /** The fields this change touches, before and after it. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type PlannedWrite = {
  action: HistoryEntry['action'];
  /** What is stored now, whose revision the write must still find; null for a new application. */
  current: ApplicationOnRecord | null;
  /** The row after the write; for a deletion, the row as it was. */
  next: PlannedApplication;
  referenceComponentsChanged: boolean;
  event: PlannedEvent;
};

/** What to write, in the order of the changes, and the applications that already were as asked. */
export type Plan = { writes: PlannedWrite[]; unchanged: ApplicationOnRecord[] };

const TIMED = ['status', 'lifecycle'] as const;

/** What names the product an application runs: a change of any of them links it anew (the name stands in for a blank product). */
const PRODUCT_FIELDS: readonly TrackedField[] = ['vendor', 'product', 'version', 'name'];

const withoutTimestamps = ({ createdAt: _c, updatedAt: _u, ...rest }: Application): PlannedApplication => rest;

function normalised(values: Partial<ApplicationValues>): Partial<ApplicationValues> {
  return values.referenceComponentIds ? { ...values, referenceComponentIds: [...new Set(values.referenceComponentIds)].sort() } : values;
}

function planCreate(change: Extract<ApplicationChange, { kind: 'create' }>, today: string): PlannedWrite {
  const values = normalised(change.values) as ApplicationValues;
  const { status, lifecycle } = values;
  const timeline = [{ effectiveDate: change.effectiveDate, seq: 0, status, lifecycle }];
  const next: PlannedApplication = {
    ...values,
    id: change.id,
    municipalityCode: change.municipalityCode,
    productVersionId: null,
    ...milestones(timeline, today),
  };
  return {
    action: 'created',
    current: null,
    next,
    referenceComponentsChanged: next.referenceComponentIds.length > 0,
    event: { action: 'created', effectiveDate: change.effectiveDate, status, lifecycle, before: null, after: pick(next, TRACKED_FIELDS) },
  };
}

/**
 * PRODUCT §3.2: "Status changes carry an effective date (when it happened in reality; a CIO may back-date)", and
 * §5: a change of status or lifecycle "may carry effectiveDate (an ISO date; default today): when the change
 * happened in reality". So a status or lifecycle is a change when it differs from the one the history has in force
 * on that date, not from today's: "compliant since 2022" on an application compliant since 2024 moves the date
 * back and is recorded, with the status in force in 2022 as its before; "compliant since 2022" on one compliant
 * since 2020 changes no figure at any date and records nothing. Without a date the date is today, so this is the
 * plain "differs from the current value". Every entry point (PATCH, bulk edit, import) plans by this one rule.
 */
function planUpdate(change: Extract<ApplicationChange, { kind: 'update' }>, today: string): PlannedWrite | null {
  const { application, timeline } = change.current;
  const values = normalised(change.values);
  const plain = changedFields(application, values).filter((f) => f !== 'status' && f !== 'lifecycle');
  const date = change.effectiveDate ?? today;
  const inForce = stateAt(timeline, date);
  const timed = TIMED.filter((f) => values[f] !== undefined && values[f] !== inForce[f]);
  if (plain.length === 0 && timed.length === 0) return null;

  const event: TimelineEvent = {
    effectiveDate: timed.length > 0 ? date : today,
    // Recorded after every stored change, so it comes last among changes of the same date.
    seq: Number.MAX_SAFE_INTEGER,
    status: timed.includes('status') ? values.status! : null,
    lifecycle: timed.includes('lifecycle') ? values.lifecycle! : null,
  };
  const after = [...timeline, event];
  const state = stateAt(after, today);
  const given = Object.fromEntries(plain.map((f) => [f, values[f]])) as Partial<ApplicationValues>;
  const next: PlannedApplication = {
    ...withoutTimestamps(application),
    ...given,
    productVersionId: plain.some((f) => PRODUCT_FIELDS.includes(f)) ? null : application.productVersionId,
    status: state.status ?? application.status,
    lifecycle: state.lifecycle ?? application.lifecycle,
    ...milestones(after, today),
  };
  return {
    action: 'updated',
    current: change.current,
    next,
    referenceComponentsChanged: plain.includes('referenceComponentIds'),
    event: {
      action: 'updated',
      effectiveDate: event.effectiveDate,
      status: event.status,
      lifecycle: event.lifecycle,
      before: { ...pick(application, plain), ...Object.fromEntries(timed.map((f) => [f, inForce[f]])) },
      after: { ...given, ...Object.fromEntries(timed.map((f) => [f, values[f]])) },
    },
  };
}

function planDelete(change: Extract<ApplicationChange, { kind: 'delete' }>, today: string): PlannedWrite {
  const { application } = change.current;
  return {
    action: 'deleted',
    current: change.current,
    next: withoutTimestamps(application),
    referenceComponentsChanged: false,
    event: { action: 'deleted', effectiveDate: today, status: null, lifecycle: null, before: pick(application, TRACKED_FIELDS), after: null },
  };
}

/**
 * PRODUCT §12: "From that date the applications of the merged municipalities belong to the new one, their histories
 * intact". Only the municipality changes; which one it belonged to at any date is read from these events.
 */
function planMove(change: Extract<ApplicationChange, { kind: 'move' }>): PlannedWrite | null {
  const { application } = change.current;
  if (application.municipalityCode === change.municipalityCode) return null;
  return {
    action: 'moved',
    current: change.current,
    next: { ...withoutTimestamps(application), municipalityCode: change.municipalityCode },
    referenceComponentsChanged: false,
    event: {
      action: 'moved',
      effectiveDate: change.effectiveDate,
      status: null,
      lifecycle: null,
      before: { municipalityCode: application.municipalityCode },
      after: { municipalityCode: change.municipalityCode },
    },
  };
}

function planOne(change: ApplicationChange, today: string): PlannedWrite | null {
  switch (change.kind) {
    case 'create':
      return planCreate(change, today);
    case 'update':
      return planUpdate(change, today);
    case 'delete':
      return planDelete(change, today);
    case 'move':
      return planMove(change);
  }
}

const idOf = (change: ApplicationChange) => (change.kind === 'create' ? change.id : change.current.application.id);

/** Plans `changes` (at most one per application) as of `today`. */
export function planChanges(changes: readonly ApplicationChange[], today: string): Plan {
  const ids = changes.map(idOf);
  if (new Set(ids).size !== ids.length) throw new Error('One plan changes each application at most once');
  const plan: Plan = { writes: [], unchanged: [] };
  for (const change of changes) {
    const write = planOne(change, today);
    if (write) plan.writes.push(write);
    else if (change.kind !== 'create' && change.kind !== 'delete') plan.unchanged.push(change.current);
  }
  return plan;
}
