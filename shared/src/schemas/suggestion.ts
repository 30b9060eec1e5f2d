import { z } from 'zod';
import { applicationSchema, pastOrTodaySchema, statusSchema, type Status } from './application.ts';
import { selectionOf } from './application-bulk-update.ts';
import { assessmentLevelSchema, verdictSchema, type Verdict } from './assessment.ts';
import { isoDateSchema, isoDateTimeSchema, listResponseSchema, municipalityCodeSchema, pageQuerySchema, uuidSchema } from './common.ts';
import { actorSchema } from './history.ts';
import { productRefSchema } from './product.ts';

/**
 * The status a verified verdict asks of an application: compliant, or legacy for a version that is not. An
 * application `in_transition` agrees with `not_compliant`: it counts as legacy in every share (PRODUCT §2).
 */
export function suggestedStatusOf(verdict: Verdict): Status {
  return verdict === 'compliant' ? 'compliant' : 'legacy';
}

/** PRODUCT §9: an application whose own status departs from the verified judgement of the version it runs. */
export const suggestionSchema = z.object({
  applicationId: uuidSchema,
  productVersionId: uuidSchema,
  status: statusSchema.meta({ description: 'The application’s own status' }),
  suggestedStatus: statusSchema.meta({ description: 'The status the verified assessment asks: compliant, or legacy' }),
  effectiveDate: isoDateSchema.meta({ description: 'From when the verified assessment holds: the date an acceptance takes effect unless the editor picks another' }),
  assessmentId: uuidSchema,
  applicationName: z.string(),
  product: productRefSchema,
  version: z.string().nullable(),
  updatedAt: isoDateTimeSchema.meta({ description: 'The application as offered: send it back when accepting, so that a change made since is refused' }),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestionListSchema = listResponseSchema(suggestionSchema);
export type SuggestionList = z.infer<typeof suggestionListSchema>;
export const suggestionListQuerySchema = pageQuerySchema.strict();
export type SuggestionListQuery = z.infer<typeof suggestionListQuerySchema>;

/** A suggestion as it was offered; accepting it is refused when the application or the judgement changed since. */
export const offeredSuggestionSchema = z.strictObject({
  applicationId: uuidSchema,
  assessmentId: uuidSchema,
  updatedAt: isoDateTimeSchema,
});

export const acceptSuggestionsSchema = z.strictObject({
  suggestions: selectionOf(offeredSuggestionSchema, 'applicationId'),
  effectiveDate: pastOrTodaySchema.optional().meta({
    description: 'When the statuses changed in reality; each suggestion’s own effectiveDate when left out',
  }),
});
export type AcceptSuggestionsInput = z.infer<typeof acceptSuggestionsSchema>;

export const suggestionAcceptanceSchema = z.object({
  accepted: z.number().int().min(0),
  applications: z.array(applicationSchema),
});
export type SuggestionAcceptance = z.infer<typeof suggestionAcceptanceSchema>;

export const declineSuggestionSchema = z.strictObject({
  applicationId: uuidSchema,
  assessmentId: uuidSchema,
  reason: z
    .string({ message: 'validation.reasonRequired' })
    .trim()
    .min(1, { message: 'validation.reasonRequired' })
    .max(2000),
});
export type DeclineSuggestionInput = z.infer<typeof declineSuggestionSchema>;

/** What the change feed says of an accepted suggestion: the application follows the verdict from this date on. */
export const suggestionAcceptedEventSchema = z.object({
  applicationId: uuidSchema,
  productVersionId: uuidSchema,
  assessmentId: uuidSchema,
  status: statusSchema,
  effectiveDate: isoDateSchema,
});

/**
 * PRODUCT §9: where a municipality's own status departs from the verified judgement of the version it runs, and an
 * editor's answer to that. A decline keeps its reason: stewards read them as a sign that a verdict may be wrong.
 */
export const suggestionDeclineSchema = z.object({
  id: uuidSchema,
  application: z.object({ id: uuidSchema, name: z.string() }),
  municipality: z.object({ code: municipalityCodeSchema, name: z.string() }),
  product: productRefSchema,
  productVersion: z.object({ id: uuidSchema, version: z.string().nullable() }),
  assessment: z.object({ id: uuidSchema, verdict: verdictSchema, level: assessmentLevelSchema }),
  reason: z.string(),
  actor: actorSchema,
  recordedAt: isoDateTimeSchema,
});
export type SuggestionDecline = z.infer<typeof suggestionDeclineSchema>;
export const suggestionDeclineListSchema = listResponseSchema(suggestionDeclineSchema);
export type SuggestionDeclineList = z.infer<typeof suggestionDeclineListSchema>;

export const suggestionDeclineListQuerySchema = pageQuerySchema
  .extend({ productVersionId: uuidSchema.optional(), productId: uuidSchema.optional() })
  .strict();
export type SuggestionDeclineListQuery = z.infer<typeof suggestionDeclineListQuerySchema>;
