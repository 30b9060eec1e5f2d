import { LANDSCAPE_LIFECYCLES, type Lifecycle, type Status } from '../schemas/application.ts';

/**
 * One recorded change of an application. `status` and `lifecycle` are set only when the change set them; `seq`
 * orders changes recorded for the same effective date (later recorded wins).
 */
export type TimelineEvent = {
  effectiveDate: string;
  seq: number;
  status: Status | null;
  lifecycle: Lifecycle | null;
};

export type TimelineState = { status: Status | null; lifecycle: Lifecycle | null };

export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  return a.seq - b.seq;
}

/** The status and lifecycle in force at the end of `date`: each field from the latest change that set it. */
export function stateAt(events: readonly TimelineEvent[], date: string): TimelineState {
  let status: Status | null = null;
  let lifecycle: Lifecycle | null = null;
  for (const e of [...events].sort(compareEvents)) {
    if (e.effectiveDate > date) break;
    if (e.status) status = e.status;
    if (e.lifecycle) lifecycle = e.lifecycle;
  }
  return { status, lifecycle };
}

export function isInLandscape(lifecycle: Lifecycle | null): boolean {
  return lifecycle !== null && LANDSCAPE_LIFECYCLES.includes(lifecycle);
}

/**
 * The dates shown with an application: since when it is in use (first day in the landscape) and, if it is
 * retired today, since when.
 */
export function milestones(events: readonly TimelineEvent[], today: string): { inUseSince: string | null; retiredAt: string | null } {
  const ordered = [...events].sort(compareEvents).filter((e) => e.effectiveDate <= today);
  const firstInUse = ordered.find((e) => isInLandscape(e.lifecycle));
  let retiredAt: string | null = null;
  for (const e of ordered) {
    if (e.lifecycle === 'phased_out') retiredAt ??= e.effectiveDate;
    else if (e.lifecycle) retiredAt = null;
  }
  return { inUseSince: firstInUse?.effectiveDate ?? null, retiredAt };
}
