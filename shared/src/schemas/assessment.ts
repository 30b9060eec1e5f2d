import { z } from 'zod';
import { criteriaSchema, pastOrTodaySchema } from './application.ts';
import { isoDateSchema, isoDateTimeSchema, listResponseSchema, uuidSchema } from './common.ts';
import { actorSchema } from './history.ts';

/** PRODUCT §9: one judgement of a product version against the criteria of §2. */
export const VERDICTS = ['compliant', 'not_compliant'] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

/** `claimed`: an editor's "we judge it so"; `verified`: a catalogue steward's judgement. */
export const ASSESSMENT_LEVELS = ['claimed', 'verified'] as const;
export const assessmentLevelSchema = z.enum(ASSESSMENT_LEVELS);
export type AssessmentLevel = z.infer<typeof assessmentLevelSchema>;

/** A catalogue product a top list or a recommendation names, with how the versions it counts are judged. */
export const judgedProductSchema = z.object({
  productId: uuidSchema,
  product: z.string(),
  vendor: z.string().nullable(),
  assessmentLevel: assessmentLevelSchema.nullable().meta({
    description:
      'verified: a steward verified every version counted; claimed: each is judged, some only by an editor; null: some are not judged and count as their users report them. A version judged not_compliant is never counted.',
  }),
});

export const assessmentSchema = z.object({
  id: uuidSchema,
  productVersionId: uuidSchema,
  verdict: verdictSchema,
  level: assessmentLevelSchema,
  effectiveDate: isoDateSchema.meta({ description: 'From when the verdict holds (a release that added standard APIs, say)' }),
  criteria: criteriaSchema.meta({ description: 'The criteria of PRODUCT §2 the assessor ticked' }),
  evidence: z.string().meta({ description: 'A link or a text that supports the verdict' }),
  recordedAt: isoDateTimeSchema,
  actor: actorSchema.nullable().meta({ description: 'Who made it; null for callers who are not logged in' }),
});
export type Assessment = z.infer<typeof assessmentSchema>;
export const assessmentListSchema = listResponseSchema(assessmentSchema);

export const createAssessmentSchema = z.strictObject({
  verdict: verdictSchema,
  criteria: criteriaSchema.default({}),
  evidence: z
    .string({ message: 'validation.evidenceRequired' })
    .trim()
    .min(1, { message: 'validation.evidenceRequired' })
    .max(4000),
  /** Today when left out. */
  effectiveDate: pastOrTodaySchema.optional(),
});
export type CreateAssessmentInput = z.infer<typeof createAssessmentSchema>;

export const productVersionIdParamsSchema = z.strictObject({ id: uuidSchema });
