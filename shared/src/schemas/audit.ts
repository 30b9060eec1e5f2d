import { z } from 'zod';
import { isoDateTimeSchema, listResponseSchema, municipalityCodeSchema, pageQuerySchema } from './common.ts';
import { actorSchema } from './history.ts';

export const auditEventSchema = z.object({
  id: z.string(),
  recordedAt: isoDateTimeSchema,
  actor: actorSchema,
  /** The request that made the change, as in its `X-Request-Id`. */
  requestId: z.string().nullable(),
  /** What was done, as `<entity>.<verb>`, e.g. `application.updated`, `user.created`, `session.created`. */
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  municipalityCode: municipalityCodeSchema.nullable(),
  /** What was written, by name as a reader knows it: an application's, user's or municipality's name. */
  subject: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditEventListSchema = listResponseSchema(auditEventSchema);

/** Log-ins and log-outs apart from the changes they make possible: each has its own tab in Beheer. */
export const AUDIT_KINDS = ['changes', 'sessions'] as const;

export const auditEventListQuerySchema = pageQuerySchema.extend({
  municipalityCode: municipalityCodeSchema.optional(),
  /** The category: what kind of thing was written (`application`, `user`, `municipality`, …). */
  entityType: z.string().min(1).max(50).optional(),
  actorId: z.string().min(1).max(100).optional(),
  since: isoDateTimeSchema.optional(),
  /** Recorded before this moment (exclusive), so that `since` and `until` of consecutive days do not overlap. */
  until: isoDateTimeSchema.optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
}).strict();
export type AuditEventListQuery = z.infer<typeof auditEventListQuerySchema>;

export const municipalityAuditQuerySchema = pageQuerySchema.strict();
