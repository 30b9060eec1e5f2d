import { z } from 'zod';

const code = z
  .string()
  .optional()
  .meta({ description: "The message's stable key (see the README, API): the same in every language, for scripts to branch on" });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code,
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), code, message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
export type FieldError = NonNullable<Problem['errors']>[number];
