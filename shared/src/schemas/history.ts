import { z } from 'zod';
import { isoDateSchema, listResponseSchema, uuidSchema } from './common.ts';

/** `moved`: a merger of municipalities moved the application to the one they formed (PRODUCT §12). */
export const HISTORY_ACTIONS = ['created', 'updated', 'deleted', 'moved'] as const;

export const actorSchema = z.object({ id: z.string().nullable(), name: z.string() });
export type ActorRef = z.infer<typeof actorSchema>;

export const historyEntrySchema = z.object({
  id: z.string(),
  applicationId: uuidSchema,
  action: z.enum(HISTORY_ACTIONS),
  actor: actorSchema,
  recordedAt: z.iso.datetime({ offset: true }),
  effectiveDate: isoDateSchema,
  /** Only the fields this change touched, before and after it. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyListSchema = listResponseSchema(historyEntrySchema);
