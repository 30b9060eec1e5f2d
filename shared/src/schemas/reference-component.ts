import { z } from 'zod';

export const referenceComponentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  group: z.string(),
  gemmaStatus: z.string(),
});
export type ReferenceComponent = z.infer<typeof referenceComponentSchema>;
