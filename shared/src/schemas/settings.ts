import { z } from 'zod';
import { isoDateSchema } from './common.ts';

export const DEFAULT_SETTINGS = { programmeStart: '2021-01-01', annualRate: 0.1 } as const;

export const settingsSchema = z.strictObject({
  programmeStart: isoDateSchema,
  /** A fraction: 0.1 is 10% of the landscape per year. */
  annualRate: z
    .number()
    .gt(0)
    .max(1, { message: 'validation.ratePerYearMax' }),
});
export type Settings = z.infer<typeof settingsSchema>;
