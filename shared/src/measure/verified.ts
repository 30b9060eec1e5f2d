/**
 * PRODUCT §9, consistency: next to the share each municipality reports, the share the catalogue's verified
 * judgements make of the same landscape. An application whose product version has a verified assessment counts by
 * that verdict, every other one as reported; the coverage is the part of the landscape with a verified judgement,
 * and a disagreement is an application whose own status departs from it. The server keeps these in rollups
 * (`db/src/verified-rollups.ts`); `verifiedContributionOf` is the plain reading the tests hold that SQL against.
 */
import type { Verdict } from '../schemas/assessment.ts';
import type { Measure } from '../schemas/progress.ts';
import type { Contribution } from './share.ts';
import { isInLandscape, type TimelineState } from './timeline.ts';

/** What the verified applications of a landscape (or one of them) add; the rest counts as reported. */
export type VerifiedCounts = {
  verified: number;
  /** Of those, how many the verdict calls compliant, and how many report themselves compliant. */
  verdictCompliant: number;
  reportedCompliant: number;
  disagreements: number;
  /** The same in euros of annual cost, for the cost measure. */
  verifiedCost: number;
  verdictCompliantCost: number;
  reportedCompliantCost: number;
};

export const NO_VERIFIED: VerifiedCounts = Object.freeze({
  verified: 0,
  verdictCompliant: 0,
  reportedCompliant: 0,
  disagreements: 0,
  verifiedCost: 0,
  verdictCompliantCost: 0,
  reportedCompliantCost: 0,
});

/** What one application in `state`, whose version's verified verdict is `verdict` (null: none), adds. */
export function verifiedContributionOf(state: TimelineState, annualCost: number | null, verdict: Verdict | null): VerifiedCounts {
  if (!isInLandscape(state.lifecycle) || verdict === null) return NO_VERIFIED;
  const cost = annualCost ?? 0;
  const byVerdict = verdict === 'compliant' ? 1 : 0;
  const reported = state.status === 'compliant' ? 1 : 0;
  return {
    verified: 1,
    verdictCompliant: byVerdict,
    reportedCompliant: reported,
    disagreements: byVerdict === reported ? 0 : 1,
    verifiedCost: cost,
    verdictCompliantCost: byVerdict * cost,
    reportedCompliantCost: reported * cost,
  };
}

export function addVerified(a: VerifiedCounts, b: VerifiedCounts): VerifiedCounts {
  return Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof VerifiedCounts] + b[k as keyof VerifiedCounts]])) as VerifiedCounts;
}

function ratio(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.min(1, Math.max(0, part / whole));
}

export type VerifiedFigures = { verifiedShare: number | null; verifiedCoverage: number | null; disagreementCount: number };

/**
 * The verified share and coverage of landscape `c` with verified counts `v`, by count or by annual cost as the
 * reported share is; null, as that share is, when there is nothing to divide by.
 */
export function verifiedFigures(c: Contribution, v: VerifiedCounts, measure: Measure): VerifiedFigures {
  if (measure === 'count')
    return {
      verifiedShare: ratio(c.compliant - v.reportedCompliant + v.verdictCompliant, c.landscape),
      verifiedCoverage: ratio(v.verified, c.landscape),
      disagreementCount: v.disagreements,
    };
  return {
    verifiedShare: ratio(c.compliantCost - v.reportedCompliantCost + v.verdictCompliantCost, c.landscapeCost),
    verifiedCoverage: ratio(v.verifiedCost, c.landscapeCost),
    disagreementCount: v.disagreements,
  };
}
