import { z } from 'zod';
import { applicationSchema, editableFields, effectiveDateOnlyWithTimedChange, pastOrTodaySchema } from './application.ts';
import { isoDateTimeSchema, uuidSchema } from './common.ts';
import { MAX_BULK_APPLICATIONS } from '../vocabulary/application.ts';

export { MAX_BULK_APPLICATIONS };

/** How chosen reference components meet those an application has: added to them, or in their place. */
export const REFERENCE_COMPONENT_MODES = ['add', 'replace'] as const;
export type ReferenceComponentMode = (typeof REFERENCE_COMPONENT_MODES)[number];

export const bulkReferenceComponentsSchema = z.strictObject({
  mode: z.enum(REFERENCE_COMPONENT_MODES),
  ids: editableFields.referenceComponentIds.min(1),
});

/** The fields a CIO sets on many applications at once (PRODUCT §4.3); each left out stays as it is. */
export const bulkChangesSchema = z
  .strictObject({
    status: editableFields.status.optional(),
    layer: editableFields.layer.optional(),
    lifecycle: editableFields.lifecycle.optional(),
    plannedReplacementYear: editableFields.plannedReplacementYear.optional(),
    /** The dashboards lean on these most: a whole group of applications often shares one. */
    referenceComponents: bulkReferenceComponentsSchema.optional(),
    annualCost: editableFields.annualCost.optional(),
    effectiveDate: pastOrTodaySchema.optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'effectiveDate'), { message: 'validation.nothingToChange', path: [] })
  .refine(...effectiveDateOnlyWithTimedChange);
export type BulkChanges = z.infer<typeof bulkChangesSchema>;

export const bulkTargetSchema = z.strictObject({
  id: uuidSchema,
  /**
   * The `updatedAt` the caller saw (from the list or a GET). When the application was changed since, nothing of
   * the request is written. Left out, the change applies to whatever is stored now.
   */
  updatedAt: isoDateTimeSchema.optional(),
});
export type BulkTarget = z.infer<typeof bulkTargetSchema>;

/** Applications chosen for one change of many: at least one, at most MAX_BULK_APPLICATIONS, none twice by `key`. */
export function selectionOf<K extends string, T extends z.ZodType<Record<K, string>>>(item: T, key: K) {
  return z
    .array(item)
    .min(1, { message: 'validation.selectOne' })
    .max(MAX_BULK_APPLICATIONS, { message: 'validation.tooManySelected' })
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((t, i) => {
        if (seen.has(t[key])) ctx.addIssue({ code: 'custom', path: [i, key], message: 'validation.listedTwice' });
        seen.add(t[key]);
      });
    });
}

export const bulkUpdateSchema = z.strictObject({
  applications: selectionOf(bulkTargetSchema, 'id'),
  changes: bulkChangesSchema,
});
export type BulkUpdateInput = z.infer<typeof bulkUpdateSchema>;

export const bulkUpdateResultSchema = z.object({
  /** How many applications this request changed; each of them has one new history entry. */
  updated: z.number().int().min(0),
  /** How many already had every value asked for; they are left as they were, without a history entry. */
  unchanged: z.number().int().min(0),
  /** Every listed application as it is now, in the order of the request. */
  applications: z.array(applicationSchema),
});
export type BulkUpdateResult = z.infer<typeof bulkUpdateResultSchema>;
