import { z } from 'zod';
import { LAYERS, layerSchema } from './application.ts';
import { judgedProductSchema } from './assessment.ts';
import { freshnessSchema } from './attestation.ts';
import { isoDateSchema, isoDateTimeSchema, municipalityCodeSchema } from './common.ts';
import { isNotInFuture, normaliseKnownAt } from '../measure/known-at.ts';
import { provinceSchema, sizeClassSchema } from './municipality.ts';
import { MEASURES, PROGRESS_STATUSES } from '../vocabulary/progress.ts';

export { MEASURES, PROGRESS_STATUSES };
export const measureSchema = z.enum(MEASURES);
export type Measure = z.infer<typeof measureSchema>;

export const progressStatusSchema = z.enum(PROGRESS_STATUSES);
export type ProgressStatus = z.infer<typeof progressStatusSchema>;

/**
 * A date or a moment up to now: the figures as the database knew them then (see measure/known-at.ts). Parsed into
 * its one normalised spelling.
 */
export const knownAtSchema = z
  .union([isoDateSchema, isoDateTimeSchema], { message: 'validation.dateOrDateTime' })
  .refine((v) => isNotInFuture(v), { message: 'validation.futureDate' })
  .transform(normaliseKnownAt)
  .meta({ description: 'A date (as known at the end of that day, UTC) or an instant (counted to the millisecond)' });

export const progressQuerySchema = z.strictObject({
  measure: measureSchema.default('count'),
  /** The figures as the database knew them then: later-recorded changes are ignored. */
  knownAt: knownAtSchema.optional(),
});
export type ProgressQuery = z.infer<typeof progressQuerySchema>;

/** The national figures, or the same figures for one group of municipalities: a province, a size class, or both. */
export const nationalProgressQuerySchema = progressQuerySchema.extend({
  province: provinceSchema.optional().meta({ description: 'Only the municipalities of this province (as the register had them on the day)' }),
  sizeClass: sizeClassSchema.optional().meta({ description: 'Only the municipalities of this CBS size class (1–8)' }),
});
export type NationalProgressQuery = z.infer<typeof nationalProgressQuerySchema>;
/** Which municipalities national figures are of; none is all of them. */
export type MunicipalityGroup = Pick<NationalProgressQuery, 'province' | 'sizeClass'>;

/** A share and the counts (or euros) behind it; `share` is null when the landscape is empty. */
export const shareFiguresSchema = z.object({
  share: z.number().min(0).max(1).nullable(),
  landscapeCount: z.number().int().min(0),
  compliantCount: z.number().int().min(0),
  /** Cost measure only: euros in the landscape and of it compliant, and how many applications have a cost. */
  landscapeCost: z.number().min(0).optional(),
  compliantCost: z.number().min(0).optional(),
  costCoverage: z.number().min(0).max(1).nullable().optional(),
});
export type ShareFigures = z.infer<typeof shareFiguresSchema>;

export const completenessSchema = z.object({
  /** 0–1: share of the applications with every required field filled; null without applications. */
  score: z.number().min(0).max(1).nullable(),
  applicationCount: z.number().int().min(0),
  withReferenceComponent: z.number().int().min(0),
  withLayer: z.number().int().min(0),
  legacyCount: z.number().int().min(0),
  legacyWithPlannedYear: z.number().int().min(0),
  withAnnualCost: z.number().int().min(0),
});
export type Completeness = z.infer<typeof completenessSchema>;

export const progressSummarySchema = shareFiguresSchema.extend({
  date: isoDateSchema,
  measure: measureSchema,
  target: z.number().min(0).max(1),
  /** Applications still to replace to be on target today (0 when on or above target). */
  gap: z.number().int().min(0).nullable(),
  status: progressStatusSchema.nullable(),
  /** Percentage points per year, trend of the last 24 months. */
  pace: z.number().nullable(),
  requiredPace: z.number().nullable(),
  projectedCompletionYear: z.number().int().nullable(),
  deadline: isoDateSchema,
  /** The share the target grows from: the landscape's at the end of the month before the programme start. */
  startShare: z.number().min(0).max(1).nullable(),
  completeness: completenessSchema,
  verifiedShare: z.number().min(0).max(1).nullable().meta({
    description:
      'PRODUCT §9: the share when every application whose product version has a verified assessment counts by that verdict, the rest as reported (by count or by cost, as `measure`); null as `share` is',
  }),
  verifiedCoverage: z.number().min(0).max(1).nullable().meta({
    description: 'The part of the landscape (by count or by cost) whose product version has a verified assessment',
  }),
  disagreementCount: z.number().int().min(0).meta({
    description: 'Applications in the landscape whose own status departs from the verified assessment of their version',
  }),
  /** Why a figure is missing, in plain words, when share is null. */
  note: z.string().optional(),
});
export type ProgressSummary = z.infer<typeof progressSummarySchema>;

export const seriesPointSchema = z.object({
  date: isoDateSchema,
  share: z.number().min(0).max(1).nullable(),
  target: z.number().min(0).max(1),
  landscapeCount: z.number().int().min(0),
  compliantCount: z.number().int().min(0),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const layerFiguresSchema = z.object({
  layer: layerSchema.nullable(),
  landscapeCount: z.number().int().min(0),
  compliantCount: z.number().int().min(0),
  inTransitionCount: z.number().int().min(0),
  legacyCount: z.number().int().min(0),
  share: z.number().min(0).max(1).nullable(),
});
export type LayerFigures = z.infer<typeof layerFiguresSchema>;

export const planYearSchema = z.object({
  year: z.number().int(),
  planned: z.number().int().min(0),
  needed: z.number().int().min(0),
  gap: z.number().int(),
});
export type PlanYear = z.infer<typeof planYearSchema>;

/**
 * A municipality's inventory by lifecycle at the summary's date: the landscape is `inProduction` + `phasingOut`;
 * planned applications are not in it yet, phased-out ones no longer.
 */
export const lifecycleCountsSchema = z.object({
  planned: z.number().int().min(0),
  inProduction: z.number().int().min(0),
  phasingOut: z.number().int().min(0),
  phasedOut: z.number().int().min(0),
});
export type LifecycleCounts = z.infer<typeof lifecycleCountsSchema>;

/** A municipality's summary also says what lies outside its landscape and how current its inventory is (PRODUCT §11). */
export const municipalitySummarySchema = progressSummarySchema.extend({ lifecycleCounts: lifecycleCountsSchema, ...freshnessSchema.shape });
export type MunicipalitySummary = z.infer<typeof municipalitySummarySchema>;

export const municipalityProgressSchema = z.object({
  municipalityCode: municipalityCodeSchema,
  summary: municipalitySummarySchema,
  series: z.array(seriesPointSchema),
  byLayer: z.array(layerFiguresSchema),
  plan: z.array(planYearSchema),
});
export type MunicipalityProgress = z.infer<typeof municipalityProgressSchema>;

export const municipalityShareSchema = shareFiguresSchema.extend({
  code: municipalityCodeSchema,
  name: z.string(),
  province: provinceSchema,
  sizeClass: z.number().int(),
  status: progressStatusSchema.nullable(),
  /** The municipality's own target today (it grows from its own starting share). */
  target: z.number().min(0).max(1),
  completeness: z.number().min(0).max(1).nullable(),
  /** Every municipality that had merged into it by the day, directly or through others (its map shape is theirs). */
  predecessors: z.array(municipalityCodeSchema),
  ...freshnessSchema.shape,
});
export type MunicipalityShare = z.infer<typeof municipalityShareSchema>;

export const distributionSchema = z.object({
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
  counts: z.object({ ahead: z.number().int(), onTrack: z.number().int(), behind: z.number().int(), noData: z.number().int() }),
  /** Histogram of municipal shares in 10-point bins: [0,0.1), [0.1,0.2) … [0.9,1]. */
  bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  municipalities: z.array(municipalityShareSchema),
});

export const groupFiguresSchema = shareFiguresSchema.extend({
  key: z.string(),
  municipalityCount: z.number().int(),
  median: z.number().nullable(),
  counts: z.object({ ahead: z.number().int(), onTrack: z.number().int(), behind: z.number().int() }),
});

export const referenceComponentUsageSchema = z.object({
  referenceComponentId: z.uuid(),
  name: z.string(),
  municipalityCount: z.number().int(),
});

export const productAdoptionSchema = judgedProductSchema.extend({
  municipalityCount: z.number().int(),
  applicationCount: z.number().int(),
});

export const nationalProgressSchema = z.object({
  summary: progressSummarySchema.omit({ gap: true }).extend({
    municipalityCount: z.number().int(),
    /** Municipalities of the register whose inventory is not stale (PRODUCT §11). */
    freshCount: z.number().int(),
  }),
  series: z.array(seriesPointSchema),
  distribution: distributionSchema,
  byProvince: z.array(groupFiguresSchema),
  bySizeClass: z.array(groupFiguresSchema),
  byLayer: z.array(layerFiguresSchema),
  topLegacyReferenceComponents: z.array(referenceComponentUsageSchema),
  topCompliantProducts: z.array(productAdoptionSchema),
});
export type NationalProgress = z.infer<typeof nationalProgressSchema>;

export const LAYER_ORDER = LAYERS;
