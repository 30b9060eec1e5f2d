import { z } from 'zod';
import { isoDateTimeSchema, listResponseSchema, municipalityCodeSchema, pageQuerySchema, uuidSchema } from './common.ts';

/**
 * PRODUCT §10: a coalition, a named group of municipalities that replace one catalogue product together by a target
 * year (a joint procurement, a shared component). Its creator coordinates it; editors join and leave for their own
 * municipalities.
 */

/** A target year lies this year or later: a coalition plans, it does not record the past. */
export const targetYearSchema = z
  .number()
  .int()
  .max(2100)
  .refine((year) => year >= new Date().getUTCFullYear(), { message: 'validation.targetYearPast' });

const name = z.string().trim().min(1).max(120);
const description = z.string().trim().max(4000);

export const createCoalitionSchema = z.strictObject({
  name,
  productId: uuidSchema,
  targetYear: targetYearSchema,
  description: description.default(''),
  /** The creator's own municipality, joined at once; left out, the coalition starts without members. */
  municipalityCode: municipalityCodeSchema.optional(),
});
export type CreateCoalitionInput = z.infer<typeof createCoalitionSchema>;

/** What the coordinator may change: a coalition describes itself. */
export const updateCoalitionSchema = z
  .strictObject({ name: name.optional(), targetYear: targetYearSchema.optional(), description: description.optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'validation.nothingToChange' });
export type UpdateCoalitionInput = z.infer<typeof updateCoalitionSchema>;

export const joinCoalitionSchema = z.strictObject({ municipalityCode: municipalityCodeSchema });
export type JoinCoalitionInput = z.infer<typeof joinCoalitionSchema>;

export const coalitionIdParamsSchema = z.strictObject({ id: uuidSchema });
export const coalitionMemberParamsSchema = z.strictObject({ id: uuidSchema, code: municipalityCodeSchema });

export const coalitionListQuerySchema = pageQuerySchema
  .extend({
    productId: uuidSchema.optional().meta({ description: 'Only coalitions replacing this product' }),
    municipalityCode: municipalityCodeSchema.optional().meta({ description: 'Only coalitions this municipality is a member of' }),
  })
  .strict();
export type CoalitionListQuery = z.infer<typeof coalitionListQuerySchema>;

export const coalitionMemberSchema = z.object({
  municipalityCode: municipalityCodeSchema,
  name: z.string(),
  joinedAt: isoDateTimeSchema,
  replaced: z.boolean().meta({
    description: 'Whether it has replaced the product: it has had applications of it, and none is legacy in today’s landscape any more (each retired or compliant)',
  }),
});
export type CoalitionMember = z.infer<typeof coalitionMemberSchema>;

export const coalitionSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  productId: uuidSchema,
  product: z.object({ id: uuidSchema, vendor: z.string().nullable(), name: z.string() }),
  targetYear: z.number().int(),
  description: z.string(),
  coordinator: z.object({ id: z.string().nullable(), name: z.string() }).meta({ description: 'Who created it and describes it' }),
  createdAt: isoDateTimeSchema,
  members: z.array(coalitionMemberSchema).meta({ description: 'By name' }),
  replacedCount: z.number().int().min(0).meta({ description: 'Members that have replaced the product' }),
});
export type Coalition = z.infer<typeof coalitionSchema>;

export const coalitionCandidateSchema = z.object({
  municipalityCode: municipalityCodeSchema,
  name: z.string(),
  plannedReplacementYear: z.number().int().meta({ description: 'The planned year of its legacy application of the product closest to the target' }),
});
export type CoalitionCandidate = z.infer<typeof coalitionCandidateSchema>;

export const coalitionDetailSchema = coalitionSchema.extend({
  candidates: z.array(coalitionCandidateSchema).meta({
    description: 'Municipalities that are not members, run the product as legacy and plan to replace it within two years of the target year; by name',
  }),
});
export type CoalitionDetail = z.infer<typeof coalitionDetailSchema>;

export const coalitionListSchema = listResponseSchema(coalitionSchema);
export type CoalitionList = z.infer<typeof coalitionListSchema>;

/** How far from the target year a candidate's own plan may lie. */
export const CANDIDATE_YEARS = 2;
