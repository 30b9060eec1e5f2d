import { z } from 'zod';
import type { Message } from '../messages/messages.ts';
import { municipalityCodeSchema } from './common.ts';
import { problemSchema } from './problem.ts';

export const IMPORT_MODES = ['dry-run', 'commit'] as const;
/** What to do with applications the file no longer lists: only report them, or mark them phased out today. */
export const IMPORT_MISSING_ACTIONS = ['report', 'phase-out'] as const;

/** What to do with applications whose rows have errors: refuse the whole file, or import only the others. */
export const IMPORT_INVALID_ACTIONS = ['refuse', 'skip'] as const;

export const importQuerySchema = z.strictObject({
  mode: z.enum(IMPORT_MODES).default('dry-run'),
  missing: z.enum(IMPORT_MISSING_ACTIONS).default('report'),
  invalid: z.enum(IMPORT_INVALID_ACTIONS).default('refuse'),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const importParamsSchema = z.strictObject({ code: municipalityCodeSchema });
export const importUndoParamsSchema = z.strictObject({ code: municipalityCodeSchema, id: z.uuid() });

/** One field an import changes: its value before and after, as the API writes it (reference components by name). */
export const importFieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

/** One application the import adds or changes, with the rows of the file it came from (none for one phased out). */
export const importChangeSchema = z.object({
  action: z.enum(['created', 'updated']),
  id: z.uuid(),
  name: z.string(),
  rows: z.array(z.number().int().min(1)),
  fields: z.array(importFieldChangeSchema),
});
export type ImportChange = z.infer<typeof importChangeSchema>;

/**
 * One problem in the file, named as the file shows it: in a spreadsheet by row number (the header is row 1) and
 * column header; in an ArchiMate exchange file by the element's identifier and the property's name.
 */
export const importErrorSchema = z.object({
  row: z.number().int().min(1).optional(),
  element: z.string().optional(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;
/**
 * An error as the import finds it, on a row of the file read as a sheet, not yet in a language: the report names an
 * element instead when there is one, and says the message in the caller's.
 */
export type SheetError = { row: number; column: string | null; message: Message };

export const importReportSchema = z.object({
  mode: z.enum(IMPORT_MODES),
  /** Whether this request wrote anything (a commit without errors). */
  committed: z.boolean(),
  /** Data rows read, blank rows not counted. */
  rows: z.number().int().min(0),
  /** Applications those rows describe: rows of one package version (Softwarecatalogus) merge into one. */
  applications: z.number().int().min(0),
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  /** Applications whose rows have errors: never written; with `invalid=skip` the others are. */
  skipped: z.number().int().min(0),
  /** Created as `legacy` because the file gave no status for them (applications with errors not counted). */
  defaultedToLegacy: z.number().int().min(0),
  /** Applications of the municipality, not yet phased out, that the file does not list. Never deleted. */
  missing: z.array(z.object({ id: z.uuid(), name: z.string(), vendor: z.string().nullable() })),
  /** How many of `missing` were marked phased out (only with `missing=phase-out`). */
  phasedOut: z.number().int().min(0),
  /** Columns of the file (properties of an exchange file) that the import does not read. */
  ignoredColumns: z.array(z.string()),
  /** In an ArchiMate exchange file: the element types that are neither application nor reference component. */
  ignoredElements: z.array(z.object({ type: z.string(), count: z.number().int().min(1) })).optional(),
  errors: z.array(importErrorSchema),
  /** Each application the import adds or changes, field by field. */
  changes: z.array(importChangeSchema),
  /** The committed import, to undo it with; null for a dry run and for a commit that changed nothing. */
  importId: z.uuid().nullable(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** A failed commit: a problem document that carries the whole report. */
export const importProblemSchema = problemSchema.omit({ errors: true }).extend(importReportSchema.shape);

/** What undoing an import did: its new applications deleted, the applications it changed set back. */
export const importUndoResultSchema = z.object({ id: z.uuid(), deleted: z.number().int().min(0), restored: z.number().int().min(0) });
export type ImportUndoResult = z.infer<typeof importUndoResultSchema>;
