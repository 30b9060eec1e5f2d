import { z } from 'zod';
import { isoDateTimeSchema, listResponseSchema, municipalityCodeSchema, uuidSchema } from './common.ts';
import { actorSchema } from './history.ts';

/** An editor's confirmation that a municipality's inventory is complete and current (PRODUCT §11). */
export const attestationSchema = z.object({
  id: uuidSchema,
  municipalityCode: municipalityCodeSchema,
  attestedAt: isoDateTimeSchema,
  actor: actorSchema,
});
export type Attestation = z.infer<typeof attestationSchema>;
export const attestationListSchema = listResponseSchema(attestationSchema);

/** Attesting says nothing but "it is current": the body is empty. */
export const createAttestationSchema = z.strictObject({});

/** What every municipal figure carries about its last attestation. */
export const freshnessSchema = z.object({
  /** The last attestation as known at the figures' moment; null when there was none. */
  attestedAt: isoDateTimeSchema.nullable(),
  /** The day the inventory goes (or went) stale: `staleAfterMonths` after the last attestation. */
  staleOn: z.iso.date().nullable(),
  /** Never attested, or last attested `staleAfterMonths` or longer ago. */
  stale: z.boolean(),
});
export type FreshnessFields = z.infer<typeof freshnessSchema>;
