import type { Layer } from '../schemas/application.ts';
import type { Measure, ShareFigures } from '../schemas/progress.ts';
import { isInLandscape, stateAt, type TimelineEvent, type TimelineState } from './timeline.ts';

/**
 * What one application (or a sum of them) adds to a landscape at one moment. Sums of contributions are the
 * figures behind every share, so the server's rollups store exactly these fields.
 */
export type Contribution = {
  landscape: number;
  compliant: number;
  inTransition: number;
  landscapeCost: number;
  compliantCost: number;
  costKnown: number;
};

export const NO_CONTRIBUTION: Contribution = Object.freeze({
  landscape: 0,
  compliant: 0,
  inTransition: 0,
  landscapeCost: 0,
  compliantCost: 0,
  costKnown: 0,
});

export const CONTRIBUTION_FIELDS = Object.keys(NO_CONTRIBUTION) as (keyof Contribution)[];

export function addContributions(a: Contribution, b: Contribution, sign: 1 | -1 = 1): Contribution {
  const out = { ...a };
  for (const f of CONTRIBUTION_FIELDS) out[f] = a[f] + sign * b[f];
  return out;
}

/**
 * What one application in `state` adds. The server computes the same in SQL for its rollups
 * (`db/src/progress-rollups.ts`); this and `contributionAt` are the oracle the tests hold that SQL against
 * (`server/test/measure-oracle.ts`), so they stay, written as plainly as PRODUCT §3.1 reads.
 */
export function contributionOf(state: TimelineState, annualCost: number | null): Contribution {
  if (!isInLandscape(state.lifecycle)) return NO_CONTRIBUTION;
  const compliant = state.status === 'compliant' ? 1 : 0;
  const cost = annualCost ?? 0;
  return {
    landscape: 1,
    compliant,
    inTransition: state.status === 'in_transition' ? 1 : 0,
    landscapeCost: cost,
    compliantCost: compliant * cost,
    costKnown: annualCost === null ? 0 : 1,
  };
}

/** An application as the measure sees it: its timeline and its current layer and annual cost. */
export type MeasuredApplication = {
  events: readonly TimelineEvent[];
  layer: Layer | null;
  annualCost: number | null;
};

/** Sum of the contributions of `applications` at the end of `date`. */
export function contributionAt(applications: readonly MeasuredApplication[], date: string): Contribution {
  return applications.reduce(
    (sum, app) => addContributions(sum, contributionOf(stateAt(app.events, date), app.annualCost)),
    NO_CONTRIBUTION,
  );
}

function ratio(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.min(1, Math.max(0, part / whole));
}

/**
 * The share of a landscape by count (compliant applications / applications) or by annual cost (compliant euros /
 * euros, with the part of the landscape that has a cost as `costCoverage`). Null, never 0 or NaN, when there is
 * nothing to divide by.
 */
export function shareFigures(c: Contribution, measure: Measure): ShareFigures {
  const counts = { landscapeCount: c.landscape, compliantCount: c.compliant };
  if (measure === 'count') return { share: ratio(c.compliant, c.landscape), ...counts };
  return {
    share: ratio(c.compliantCost, c.landscapeCost),
    ...counts,
    landscapeCost: c.landscapeCost,
    compliantCost: c.compliantCost,
    costCoverage: ratio(c.costKnown, c.landscape),
  };
}

export function shareOf(c: Contribution, measure: Measure): number | null {
  return shareFigures(c, measure).share;
}
