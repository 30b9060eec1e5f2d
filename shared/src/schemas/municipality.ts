import { z } from 'zod';
import { isoDateSchema, municipalityCodeSchema } from './common.ts';
import { PROVINCES } from '../vocabulary/municipality.ts';

export { PROVINCES };
export const provinceSchema = z.enum(PROVINCES);
/** CBS's codes of the provinces, as the municipal register lists them. */
export const PROVINCE_CODES: Record<Province, string> = {
  Groningen: 'PV20',
  Fryslân: 'PV21',
  Drenthe: 'PV22',
  Overijssel: 'PV23',
  Flevoland: 'PV24',
  Gelderland: 'PV25',
  Utrecht: 'PV26',
  'Noord-Holland': 'PV27',
  'Zuid-Holland': 'PV28',
  Zeeland: 'PV29',
  'Noord-Brabant': 'PV30',
  Limburg: 'PV31',
};
export type Province = z.infer<typeof provinceSchema>;

/** CBS gemeentegrootteklasse 1–8; bounds are inhabitants, lower inclusive, upper exclusive. */
export const SIZE_CLASSES = [
  { code: 1, min: 0, max: 5_000 },
  { code: 2, min: 5_000, max: 10_000 },
  { code: 3, min: 10_000, max: 20_000 },
  { code: 4, min: 20_000, max: 50_000 },
  { code: 5, min: 50_000, max: 100_000 },
  { code: 6, min: 100_000, max: 150_000 },
  { code: 7, min: 150_000, max: 250_000 },
  { code: 8, min: 250_000, max: null },
] as const;
export const sizeClassSchema = z.coerce.number().int().min(1).max(8);
export type SizeClass = number;

export function sizeClassOf(population: number): SizeClass {
  const found = SIZE_CLASSES.find((c) => population >= c.min && (c.max === null || population < c.max));
  return found?.code ?? 1;
}

/** A municipality as the register has it at a date (PRODUCT §12): name, province and population are those of then. */
export const municipalitySchema = z.object({
  code: municipalityCodeSchema,
  name: z.string(),
  province: provinceSchema,
  population: z.number().int().min(0),
  sizeClass: z.number().int().min(1).max(8),
  /** Its first day; null when it existed before the register's first list (1 January 2025). */
  validFrom: isoDateSchema.nullable(),
  /** The day it merged into another and ceased to exist; null while it exists. */
  validTo: isoDateSchema.nullable(),
  /** What it merged into on `validTo`, with that municipality's name of that day. */
  mergedInto: z.object({ code: municipalityCodeSchema, name: z.string() }).nullable(),
  /** Every municipality that merged into it by that date, directly or through others (its map is theirs together). */
  predecessors: z.array(municipalityCodeSchema),
});
export type Municipality = z.infer<typeof municipalitySchema>;

/** The day the register is read at; left out, today. */
const registerDateSchema = isoDateSchema.optional();

export const municipalityListQuerySchema = z.strictObject({
  province: provinceSchema.optional(),
  sizeClass: sizeClassSchema.optional(),
  q: z.string().trim().max(100).optional(),
  date: registerDateSchema,
  /** `include`: also those merged away by the date, each with what it merged into (the register as Beheer reads it). */
  ended: z.enum(['include']).optional(),
});
export type MunicipalityListQuery = z.infer<typeof municipalityListQuerySchema>;

export const municipalityCodeParamsSchema = z.strictObject({ code: municipalityCodeSchema });
export const municipalityQuerySchema = z.strictObject({ date: registerDateSchema });
