/**
 * The words of an inventory as plain values, without their zod schemas (`schemas/application.ts`,
 * `schemas/application-bulk-update.ts`); see `municipality.ts`.
 */
export const LAYERS = ['interaction', 'process', 'integration', 'services', 'data'] as const;

/** `in_transition` still counts as legacy in every share (PRODUCT §2). */
export const STATUSES = ['legacy', 'in_transition', 'compliant'] as const;

/** The GEMMA Softwarecatalogus usage statuses; only the middle two are in the landscape (§3.1). */
export const LIFECYCLES = ['planned', 'in_production', 'phasing_out', 'phased_out'] as const;

/** What "missing data" filters look for; the same notions as the completeness score (§3.6). */
export const MISSING_FIELDS = ['referenceComponent', 'layer', 'plannedReplacementYear', 'annualCost'] as const;

/** Enough for a whole imported landscape of one municipality, small enough for one transaction and one request. */
export const MAX_BULK_APPLICATIONS = 1000;
