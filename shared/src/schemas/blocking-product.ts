import { z } from 'zod';
import { listResponseSchema, pageQuerySchema, uuidSchema } from './common.ts';
import { provinceSchema, sizeClassSchema } from './municipality.ts';

/**
 * PRODUCT §10: the legacy products that hold the most municipalities back, where joint procurement pays. Legacy is
 * as the measure has it (PRODUCT §3.1): an application in today's landscape that is not compliant.
 */

const count = (description: string) => z.number().int().min(0).meta({ description });

export const blockingProductListQuerySchema = pageQuerySchema.extend({
  province: provinceSchema.optional().meta({ description: 'Only municipalities of this province (as the register has it today)' }),
  sizeClass: sizeClassSchema.optional().meta({ description: 'Only municipalities of this CBS size class (1–8)' }),
  productId: uuidSchema.optional().meta({ description: 'Only this product: its figures within the filter' }),
}).strict();
export type BlockingProductListQuery = z.infer<typeof blockingProductListQuerySchema>;

export const plannedReplacementYearSchema = z.object({
  year: z.number().int(),
  municipalityCount: count('Municipalities planning to replace a legacy application of the product in this year'),
});

export const blockingProductSchema = z.object({
  productId: uuidSchema,
  vendor: z.string().nullable(),
  name: z.string(),
  municipalityCount: count('Municipalities in the filter running the product as legacy today'),
  municipalityShare: z.number().min(0).max(1).meta({ description: 'municipalityCount of the municipalities in the filter' }),
  applicationCount: count('Legacy applications of the product in those municipalities'),
  annualCost: z.number().min(0).meta({ description: 'Annual cost in euros of those applications, of those that state one' }),
  plannedReplacementYears: z.array(plannedReplacementYearSchema).meta({ description: 'By year; applications without a planned year are left out' }),
});
export type BlockingProduct = z.infer<typeof blockingProductSchema>;

export const blockingProductListSchema = listResponseSchema(blockingProductSchema).extend({
  municipalityCount: count('The municipalities in the filter: what municipalityShare is a share of'),
});
export type BlockingProductList = z.infer<typeof blockingProductListSchema>;
