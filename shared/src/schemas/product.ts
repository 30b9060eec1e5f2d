import { z } from 'zod';
import { statusSchema } from './application.ts';
import { assessmentSchema } from './assessment.ts';
import { isoDateTimeSchema, listResponseSchema, municipalityCodeSchema, pageQuerySchema, uuidSchema } from './common.ts';
import { actorSchema } from './history.ts';

/**
 * PRODUCT §9: the catalogue. A product is a vendor and a product name; every application runs one of its versions.
 * Counts are of the landscape today: applications in production or being phased out, not deleted.
 */

const count = (description: string) => z.number().int().min(0).meta({ description });

export const productVersionSummarySchema = z.object({
  id: uuidSchema,
  version: z.string().nullable().meta({ description: 'As first spelled; null for the applications that name no version' }),
  applicationCount: count('Applications running this version today'),
  municipalityCount: count('Municipalities running this version today'),
  assessment: assessmentSchema.nullable().meta({
    description: 'The current judgement: the latest verified one, else the latest claimed one (latest by effective date, then by when it was recorded); null when none',
  }),
});
export type ProductVersionSummary = z.infer<typeof productVersionSummarySchema>;

export const productSummarySchema = z.object({
  id: uuidSchema,
  vendor: z.string().nullable(),
  name: z.string(),
  applicationCount: count('Applications running any version of it today'),
  municipalityCount: count('Municipalities running any version of it today; one running two versions counts once'),
  versions: z.array(productVersionSummarySchema).meta({ description: 'Most used first' }),
});
export type ProductSummary = z.infer<typeof productSummarySchema>;
export const productListSchema = listResponseSchema(productSummarySchema);
export type ProductList = z.infer<typeof productListSchema>;

/** `-municipalityCount`: most municipalities first; `name`: by name, also when searching. */
export const PRODUCT_SORTS = ['name', '-municipalityCount'] as const;
export const productSortSchema = z.enum(PRODUCT_SORTS);
export type ProductSort = z.infer<typeof productSortSchema>;

export const productListQuerySchema = pageQuerySchema
  .extend({
    /** Words of the vendor or the product, spelled roughly: case, accents and small slips do not matter. */
    q: z.string().trim().min(1).max(200).optional(),
    /** Left out: the closest match first when searching, else by name. */
    sort: productSortSchema.optional(),
  })
  .strict();
export type ProductListQuery = z.infer<typeof productListQuerySchema>;

export const productIdParamsSchema = z.strictObject({ id: uuidSchema });

export const ALIAS_ORIGINS = ['steward', 'merge'] as const;

export const productAliasSchema = z.object({
  id: uuidSchema,
  productId: uuidSchema,
  vendor: z.string().nullable(),
  name: z.string(),
  origin: z.enum(ALIAS_ORIGINS).meta({ description: '`merge`: the spelling of a product merged into this one' }),
  createdAt: isoDateTimeSchema,
  actor: actorSchema.nullable().meta({ description: 'Who added it; null for callers who are not logged in' }),
});
export type ProductAlias = z.infer<typeof productAliasSchema>;
export const productAliasListSchema = listResponseSchema(productAliasSchema);

export const createProductAliasSchema = z.strictObject({
  vendor: z.string().trim().max(200).nullable().optional(),
  name: z.string().trim().min(1).max(200),
});
export type CreateProductAliasInput = z.infer<typeof createProductAliasSchema>;

export const productAliasParamsSchema = z.strictObject({ id: uuidSchema, aliasId: uuidSchema });

export const productVersionDetailSchema = productVersionSummarySchema.extend({
  assessments: z.array(assessmentSchema).meta({ description: 'Every judgement of this version, newest first' }),
  byStatus: z
    .array(z.object({ status: statusSchema, applicationCount: count('Applications'), municipalityCount: count('Municipalities') }))
    .meta({ description: 'How the municipalities running it report it, one entry per status' }),
  municipalities: z
    .array(z.object({ code: municipalityCodeSchema, name: z.string(), applicationCount: count('Its applications of this version'), statuses: z.array(statusSchema) }))
    .nullable()
    .meta({ description: 'Who runs it, by name; null for callers who are not logged in' }),
});
export type ProductVersionDetail = z.infer<typeof productVersionDetailSchema>;

export const productRefSchema = z.object({ id: uuidSchema, vendor: z.string().nullable(), name: z.string() });
export type ProductRef = z.infer<typeof productRefSchema>;

export const productSchema = z.object({
  id: uuidSchema,
  vendor: z.string().nullable(),
  name: z.string(),
  createdAt: isoDateTimeSchema,
  mergedInto: z
    .object({ product: productRefSchema, mergeId: uuidSchema, mergedAt: isoDateTimeSchema })
    .nullable()
    .meta({ description: 'Set when a steward merged this product into another: its versions and applications are there now' }),
  aliases: z.array(productAliasSchema),
  versions: z.array(productVersionDetailSchema).meta({ description: 'Most used first' }),
  replacedBy: z
    .array(productRefSchema.extend({ applicationCount: count('Applications of this product replaced by it'), municipalityCount: count('Municipalities that did so') }))
    .meta({ description: 'What municipalities replaced this product with (`replacedBy` of its retired applications), most municipalities first' }),
});
export type Product = z.infer<typeof productSchema>;

/** The steward's list of versions to judge. */
export const PRODUCT_VERSION_ASSESSMENT_FILTERS = ['none', 'claimed', 'verified'] as const;
export const productVersionListQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().min(1).max(200).optional(),
    /** By the level of the current judgement: `none` for versions nobody has judged, `claimed` for claimed-only ones. */
    assessment: z.enum(PRODUCT_VERSION_ASSESSMENT_FILTERS).optional(),
  })
  .strict();
export type ProductVersionListQuery = z.infer<typeof productVersionListQuerySchema>;

export const productVersionListItemSchema = productVersionSummarySchema.extend({ product: productRefSchema });
export type ProductVersionListItem = z.infer<typeof productVersionListItemSchema>;
export const productVersionListSchema = listResponseSchema(productVersionListItemSchema);
export type ProductVersionList = z.infer<typeof productVersionListSchema>;

export const createProductMergeSchema = z.strictObject({
  from: uuidSchema.meta({ description: 'The product that goes: its versions, applications, judgements and aliases move' }),
  into: uuidSchema.meta({ description: 'The product that stays' }),
});
export type CreateProductMergeInput = z.infer<typeof createProductMergeSchema>;

export const MERGE_OUTCOMES = ['moved', 'combined'] as const;

export const productMergeSchema = z.object({
  id: uuidSchema,
  from: productRefSchema,
  into: productRefSchema,
  versions: z
    .array(
      z.object({
        fromVersionId: uuidSchema,
        intoVersionId: uuidSchema,
        version: z.string().nullable(),
        outcome: z.enum(MERGE_OUTCOMES).meta({
          description: '`moved`: the version became one of the surviving product; `combined`: that product had it already, its applications and judgements joined it',
        }),
        applicationCount: count('Applications that followed'),
      }),
    ),
  applicationCount: count('Applications that followed, all versions together'),
  actor: actorSchema,
  recordedAt: isoDateTimeSchema,
});
export type ProductMerge = z.infer<typeof productMergeSchema>;
export const productMergeListSchema = listResponseSchema(productMergeSchema);

export const productMergeListQuerySchema = pageQuerySchema
  .extend({ productId: uuidSchema.optional().meta({ description: 'Only merges from or into this product' }) })
  .strict();
export type ProductMergeListQuery = z.infer<typeof productMergeListQuerySchema>;

export const productMergeIdParamsSchema = z.strictObject({ id: uuidSchema });

export const DEFAULT_DUPLICATE_SIMILARITY = 0.75;

export const productDuplicateListQuerySchema = pageQuerySchema
  .extend({
    /** How alike the product names must be (pg_trgm similarity, 0.3–1). */
    minSimilarity: z.coerce.number().min(0.3).max(1).default(DEFAULT_DUPLICATE_SIMILARITY),
  })
  .strict();
export type ProductDuplicateListQuery = z.infer<typeof productDuplicateListQuerySchema>;

const duplicateCandidateSchema = productRefSchema.extend({
  applicationCount: count('Applications running it today'),
  municipalityCount: count('Municipalities running it today'),
});

export const productDuplicateSchema = z.object({
  products: z.array(duplicateCandidateSchema).length(2).meta({ description: 'The two products, by id' }),
  similarity: z.number().min(0).max(1).meta({ description: 'How alike the names are (pg_trgm similarity); vendors must be alike too, or one missing' }),
});
export type ProductDuplicate = z.infer<typeof productDuplicateSchema>;
export const productDuplicateListSchema = listResponseSchema(productDuplicateSchema);
export type ProductDuplicateList = z.infer<typeof productDuplicateListSchema>;

/** "These two are different products": the pair is no longer offered as possible duplicates. */
export const createProductDistinctionSchema = z.strictObject({
  productIds: z
    .array(uuidSchema)
    .length(2, { message: 'validation.twoDifferentProducts' })
    .refine(([a, b]) => a !== b, { message: 'validation.twoDifferentProducts' }),
});
export type CreateProductDistinctionInput = z.infer<typeof createProductDistinctionSchema>;

export const productDistinctionSchema = z.object({
  productIds: z.array(uuidSchema).length(2).meta({ description: 'The two products, by id' }),
  actor: actorSchema,
  recordedAt: isoDateTimeSchema,
});
export type ProductDistinction = z.infer<typeof productDistinctionSchema>;
