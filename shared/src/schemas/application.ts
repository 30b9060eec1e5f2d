import { z } from 'zod';
import { commaList, isoDateSchema, listResponseSchema, municipalityCodeSchema, pageQuerySchema, uuidSchema } from './common.ts';
import { todayIso } from '../dates.ts';
import { LAYERS, LIFECYCLES, MISSING_FIELDS, STATUSES } from '../vocabulary/application.ts';

export { LAYERS, LIFECYCLES, MISSING_FIELDS, STATUSES };
export const layerSchema = z.enum(LAYERS);
export type Layer = z.infer<typeof layerSchema>;

export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

export const lifecycleSchema = z.enum(LIFECYCLES);
export type Lifecycle = z.infer<typeof lifecycleSchema>;
export const LANDSCAPE_LIFECYCLES: readonly Lifecycle[] = ['in_production', 'phasing_out'];

export const CRITERIA = [
  'dataSeparated',
  'standardApis',
  'fscConnectivity',
  'openSource',
  'inComponentCatalogue',
  'havenHosting',
] as const;
export const criteriaSchema = z.strictObject(
  Object.fromEntries(CRITERIA.map((c) => [c, z.boolean().optional()])) as Record<
    (typeof CRITERIA)[number],
    z.ZodOptional<z.ZodBoolean>
  >,
);
export type Criteria = z.infer<typeof criteriaSchema>;

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export const pastOrTodaySchema = isoDateSchema.refine((d) => d <= todayIso(), { message: 'validation.futureDate' });

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

/** Each field a caller may set, with its rules; create, update and bulk update take them from here. */
export const editableFields = {
  name: text(200).min(1),
  vendor: optionalText(200),
  product: optionalText(200),
  version: optionalText(100),
  referenceComponentIds: z.array(uuidSchema).max(50),
  layer: layerSchema.nullable(),
  status: statusSchema,
  lifecycle: lifecycleSchema,
  criteria: criteriaSchema,
  replacedBy: uuidSchema.nullable(),
  plannedReplacementYear: z
    .number()
    .int()
    .min(MIN_YEAR)
    .max(MAX_YEAR)
    .nullable(),
  annualCost: z
    .number()
    .min(0)
    .max(1e11, { message: 'validation.tooLarge' })
    .nullable(),
  notes: optionalText(4000),
};

export const createApplicationSchema = z
  .strictObject({
    ...editableFields,
    referenceComponentIds: editableFields.referenceComponentIds.default([]),
    layer: editableFields.layer.optional(),
    status: editableFields.status.default('legacy'),
    lifecycle: editableFields.lifecycle.default('in_production'),
    criteria: editableFields.criteria.default({}),
    replacedBy: editableFields.replacedBy.optional(),
    plannedReplacementYear: editableFields.plannedReplacementYear.optional(),
    annualCost: editableFields.annualCost.optional(),
    /** Date the application entered its initial lifecycle; defaults to effectiveDate or today. */
    inUseSince: pastOrTodaySchema.optional(),
    effectiveDate: pastOrTodaySchema.optional(),
  })
  .refine((v) => !(v.inUseSince && v.effectiveDate && v.inUseSince !== v.effectiveDate), {
    message: 'validation.conflictingDates',
    path: ['effectiveDate'],
  });
export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;

/** A change of status or lifecycle may say when it happened in reality (§3.2); no other change has such a date. */
export const effectiveDateOnlyWithTimedChange: [
  (v: { effectiveDate?: string | undefined; status?: Status | undefined; lifecycle?: Lifecycle | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (v) => v.effectiveDate === undefined || v.status !== undefined || v.lifecycle !== undefined,
  { message: 'validation.effectiveDateOnlyForStatus', path: ['effectiveDate'] },
];

export const updateApplicationSchema = z
  .strictObject({
    ...Object.fromEntries(Object.entries(editableFields).map(([k, s]) => [k, s.optional()])),
    effectiveDate: pastOrTodaySchema.optional(),
  } as { [K in keyof typeof editableFields]: z.ZodOptional<(typeof editableFields)[K]> } & {
    effectiveDate: z.ZodOptional<typeof pastOrTodaySchema>;
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'effectiveDate'), {
    message: 'validation.nothingToChange',
    path: [],
  })
  .refine(...effectiveDateOnlyWithTimedChange);
export type UpdateApplicationInput = z.infer<typeof updateApplicationSchema>;

export const applicationSchema = z.object({
  id: uuidSchema,
  municipalityCode: municipalityCodeSchema,
  name: z.string(),
  vendor: z.string().nullable(),
  product: z.string().nullable(),
  version: z.string().nullable(),
  referenceComponentIds: z.array(uuidSchema),
  layer: layerSchema.nullable(),
  status: statusSchema,
  lifecycle: lifecycleSchema,
  criteria: criteriaSchema,
  inUseSince: isoDateSchema.nullable(),
  retiredAt: isoDateSchema.nullable(),
  replacedBy: uuidSchema.nullable(),
  plannedReplacementYear: z.number().int().nullable(),
  annualCost: z.number().nullable(),
  notes: z.string().nullable(),
  productVersionId: uuidSchema.nullable().meta({
    description: 'The catalogue product version it runs (PRODUCT §9), found by vendor, product and version on every write; null only for a row written around the API and not linked yet',
  }),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Application = z.infer<typeof applicationSchema>;

export const APPLICATION_SORT_KEYS = [
  'name',
  'vendor',
  'status',
  'layer',
  'lifecycle',
  'plannedReplacementYear',
  'annualCost',
  'updatedAt',
] as const;
// A refinement rather than .regex: only a refinement's issue carries the keys its message lists. The document still
// shows the pattern.
const SORT_PATTERN = new RegExp(`^-?(${APPLICATION_SORT_KEYS.join('|')})$`);
export const applicationSortSchema = z
  .string()
  .refine((v) => SORT_PATTERN.test(v), { message: 'validation.sortKey', params: { keys: [...APPLICATION_SORT_KEYS] } })
  .meta({ pattern: SORT_PATTERN.source });

export const applicationListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  status: commaList(statusSchema).optional(),
  layer: commaList(layerSchema).optional(),
  lifecycle: commaList(lifecycleSchema).optional(),
  referenceComponentId: uuidSchema.optional(),
  missing: commaList(z.enum(MISSING_FIELDS)).optional(),
  sort: applicationSortSchema.default('name'),
  /**
   * A file of every matching application instead of a JSON page (paging is then ignored): a spreadsheet, or an
   * ArchiMate Model Exchange File (PRODUCT §13).
   */
  format: z.enum(['json', 'csv', 'xlsx', 'archimate']).default('json'),
}).strict();
export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;

export const applicationListSchema = listResponseSchema(applicationSchema);
export type ApplicationList = z.infer<typeof applicationListSchema>;

export const applicationIdParamsSchema = z.strictObject({ id: uuidSchema });
