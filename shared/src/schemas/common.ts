import { z } from 'zod';

/** A calendar date without time, as ADR asks for fields where the time does not matter. */
export const isoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof isoDateSchema>;

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const municipalityCodeSchema = z
  .string()
  .regex(/^GM\d{4}$/, { message: 'validation.municipalityCode' });

export const uuidSchema = z.uuid();

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** A query value given as `a,b,c` (or repeated keys) becomes a list of allowed values. */
export function commaList<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
    return parts.map((p) => p.trim()).filter((p) => p.length > 0);
  }, z.array(item).min(1));
}

export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0) });
}
