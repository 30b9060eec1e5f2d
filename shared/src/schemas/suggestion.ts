import { z } from 'zod';
import { pastOrTodaySchema, statusSchema } from './application.ts';
import { assessmentLevelSchema, verdictSchema } from './assessment.ts';
import { isoDateSchema, isoDateTimeSchema, listResponseSchema, municipalityCodeSchema, pageQuerySchema, uuidSchema } from './common.ts';
import { actorSchema } from './history.ts';
import { productRefSchema } from './product.ts';

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

/**
 * PRODUCT §9: one application whose own status departs from the verified judgement of the version it runs, with
 * the status that judgement asks for and from when it holds.
 */
export const suggestionSchema = z.object({
  applicationId: uuidSchema,
  productVersionId: uuidSchema,
  status: statusSchema,
  suggestedStatus: statusSchema,
  effectiveDate: isoDateSchema,
  assessmentId: uuidSchema,
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestionListSchema = listResponseSchema(suggestionSchema);
export type SuggestionList = z.infer<typeof suggestionListSchema>;

/** Accepting: the suggestions named (each as it was offered), or all of them; on each one's own date unless one is given. */
export const acceptSuggestionsSchema = z.strictObject({
  items: z.array(z.strictObject({ applicationId: uuidSchema, assessmentId: uuidSchema })).min(1),
  effectiveDate: pastOrTodaySchema.optional(),
});
export type AcceptSuggestionsInput = z.infer<typeof acceptSuggestionsSchema>;

export const declineSuggestionSchema = z.strictObject({
  applicationId: uuidSchema,
  assessmentId: uuidSchema,
  reason: z.string({ message: 'validation.reasonRequired' }).trim().min(1, { message: 'validation.reasonRequired' }).max(2000),
});
export type DeclineSuggestionInput = z.infer<typeof declineSuggestionSchema>;
