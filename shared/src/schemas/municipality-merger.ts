import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, listResponseSchema, municipalityCodeSchema, pageQuerySchema, uuidSchema } from './common.ts';
import { actorSchema } from './history.ts';
import { provinceSchema } from './municipality.ts';

const MAX_MERGED = 20;

const nameSchema = z.string().trim().min(1).max(100);

/** The figures are monthly: a municipality's last month is whole, and so is the new one's first. */
const mergerDateSchema = isoDateSchema.refine((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date) || date.endsWith('-01'), {
  message: 'validation.firstOfMonth',
});

/**
 * One herindeling (PRODUCT §12): from `date` on, the municipalities in `from` are one, `into`. Its code may be one
 * of `from` (that municipality absorbs the others and keeps its code) or a new one. Whether it fits the register
 * (codes that exist, dates after their start) is checked when it is registered, not here.
 */
export const municipalityMergerSchema = z
  .strictObject({
    date: mergerDateSchema,
    from: z
      .array(municipalityCodeSchema)
      .min(1, { message: 'validation.atLeastOneMunicipality' })
      .max(MAX_MERGED),
    into: z.strictObject({ code: municipalityCodeSchema, name: nameSchema, province: provinceSchema }),
  })
  .superRefine((merger, ctx) => {
    const seen = new Set<string>();
    merger.from.forEach((code, i) => {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', path: ['from', i], message: 'validation.listedTwice' });
      seen.add(code);
    });
    if (merger.from.length === 1 && merger.from[0] === merger.into.code)
      ctx.addIssue({
        code: 'custom',
        path: ['into', 'code'],
        message: 'validation.mergerNeedsNewCode',
      });
  });
export type MunicipalityMergerInput = z.infer<typeof municipalityMergerSchema>;

/** A municipality that keeps its code under a new name from `date` on. */
export const municipalityRenameSchema = z.strictObject({ date: isoDateSchema, code: municipalityCodeSchema, name: nameSchema });
export type MunicipalityRenameInput = z.infer<typeof municipalityRenameSchema>;

export const populationCountSchema = z.strictObject({
  code: municipalityCodeSchema,
  population: z.number().int().min(0),
});

/**
 * The register update a newer CBS municipality list implies (`npm run reference-data -w db -- --newer-list …`):
 * its mergers exactly as `POST /municipality-mergers` takes them, the renames, and everyone's population on `date`.
 * `review` explains how each merger was inferred; `unresolved` lists what the list alone could not settle, to be
 * settled by hand (and the list emptied) before the update is applied.
 */
export const registerUpdateSchema = z.strictObject({
  date: isoDateSchema,
  /** The lists it was made from, with their licence: CBS asks to be named (CC BY 4.0). */
  source: z.string().trim().min(1, { message: 'validation.sourceAndLicence' }),
  mergers: z.array(municipalityMergerSchema),
  renames: z.array(municipalityRenameSchema),
  populations: z.array(populationCountSchema),
  review: z.array(z.string()),
  unresolved: z.array(z.string()),
});
export type RegisterUpdate = z.infer<typeof registerUpdateSchema>;

/** A merger as the register keeps it: what was asked, who registered it and when, and whether it was undone. */
export const municipalityMergerRecordSchema = z.object({
  id: uuidSchema,
  date: isoDateSchema,
  from: z.array(municipalityCodeSchema),
  /** The municipalities of `from` with the names they had before the merger, in the same order. */
  fromMunicipalities: z.array(z.object({ code: municipalityCodeSchema, name: z.string() })),
  into: z.object({ code: municipalityCodeSchema, name: z.string(), province: provinceSchema }),
  /** Applications it moved, each with its whole history. */
  movedApplications: z.number().int().min(0),
  registeredAt: isoDateTimeSchema,
  registeredBy: actorSchema,
  undoneAt: isoDateTimeSchema.nullable(),
  undoneBy: actorSchema.nullable(),
  /** Whether an admin may still undo it: it is the latest merger registered, and not undone. */
  undoable: z.boolean(),
});
export type MunicipalityMergerRecord = z.infer<typeof municipalityMergerRecordSchema>;

export const municipalityMergerListQuerySchema = pageQuerySchema
  .extend({
    /** Only the mergers that involve this municipality, as one of `from` or as `into`. */
    code: municipalityCodeSchema.optional(),
  })
  .strict();
export type MunicipalityMergerListQuery = z.infer<typeof municipalityMergerListQuerySchema>;
export const municipalityMergerListSchema = listResponseSchema(municipalityMergerRecordSchema);
export const municipalityMergerParamsSchema = z.strictObject({ id: uuidSchema });

export const REGISTER_UPDATE_MODES = ['dry-run', 'commit'] as const;
export const registerUpdateQuerySchema = z.strictObject({ mode: z.enum(REGISTER_UPDATE_MODES).default('dry-run') });

/** What applying a register update did (a commit) or would do (a dry run). */
export const registerUpdateResultSchema = z.object({
  mode: z.enum(REGISTER_UPDATE_MODES),
  committed: z.boolean(),
  mergers: z.number().int().min(0),
  renames: z.number().int().min(0),
  populations: z.number().int().min(0),
  movedApplications: z.number().int().min(0),
});
export type RegisterUpdateResult = z.infer<typeof registerUpdateResultSchema>;
