import type { Layer, Status } from '../schemas/application.ts';
import type { Completeness, Measure } from '../schemas/progress.ts';

/** What completeness looks at in one application still in use or planned (not retired, not deleted). */
export type CompletenessFacts = {
  referenceComponentCount: number;
  layer: Layer | null;
  status: Status;
  plannedReplacementYear: number | null;
  annualCost: number | null;
};

/**
 * PRODUCT §3.6: an application is complete when it has a reference component, a layer, (when not compliant) a
 * planned replacement year and, for the cost measure, an annual cost. The score is the part that is complete. The
 * server counts the same in SQL (`db/src/progress-rollups.ts`); this and `countCompleteness` are the oracle the tests
 * hold that SQL against (`server/test/measure-oracle.ts`).
 */
export function isComplete(app: CompletenessFacts, measure: Measure): boolean {
  return (
    app.referenceComponentCount > 0 &&
    app.layer !== null &&
    (app.status === 'compliant' || app.plannedReplacementYear !== null) &&
    (measure === 'count' || app.annualCost !== null)
  );
}

export type CompletenessCounts = Omit<Completeness, 'score'> & { completeCount: number };

export function countCompleteness(apps: readonly CompletenessFacts[], measure: Measure): CompletenessCounts {
  const legacy = apps.filter((a) => a.status !== 'compliant');
  return {
    applicationCount: apps.length,
    withReferenceComponent: apps.filter((a) => a.referenceComponentCount > 0).length,
    withLayer: apps.filter((a) => a.layer !== null).length,
    legacyCount: legacy.length,
    legacyWithPlannedYear: legacy.filter((a) => a.plannedReplacementYear !== null).length,
    withAnnualCost: apps.filter((a) => a.annualCost !== null).length,
    completeCount: apps.filter((a) => isComplete(a, measure)).length,
  };
}

export function completenessOf(counts: CompletenessCounts): Completeness {
  const { completeCount, ...rest } = counts;
  return { score: counts.applicationCount === 0 ? null : completeCount / counts.applicationCount, ...rest };
}
