import { z } from 'zod';
import { assessmentLevelSchema, verdictSchema } from './assessment.ts';
import { isoDateTimeSchema, listResponseSchema, municipalityCodeSchema, pageQuerySchema, uuidSchema } from './common.ts';
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
