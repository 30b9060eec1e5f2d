import { z } from 'zod';
import { isoDateSchema } from './common.ts';

export const DEFAULT_SETTINGS = { programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 6 } as const;

export const settingsSchema = z.strictObject({
  programmeStart: isoDateSchema,
  /** A fraction: 0.1 is 10% of the landscape per year. */
  annualRate: z
    .number()
    .gt(0)
    .max(1, { message: 'validation.ratePerYearMax' }),
  /**
   * An inventory not attested for this many months is stale (PRODUCT §11). Left out of a PUT, which replaces the
   * settings, it is back at its default.
   */
  staleAfterMonths: z.number().int().min(1).max(60).default(DEFAULT_SETTINGS.staleAfterMonths),
});
export type Settings = z.infer<typeof settingsSchema>;
