import { z } from 'zod';
import { applicationSchema } from './application.ts';
import { assessmentSchema } from './assessment.ts';
import { attestationSchema } from './attestation.ts';
import { coalitionSchema } from './coalition.ts';
import { municipalityMergerRecordSchema } from './municipality-merger.ts';
import { isoDateTimeSchema, municipalityCodeSchema, uuidSchema } from './common.ts';
import { historyEntrySchema } from './history.ts';
import { settingsSchema } from './settings.ts';
import { suggestionAcceptedEventSchema, suggestionDeclineSchema } from './suggestion.ts';

/**
 * What an application's event says: the application as the change left it (for a deletion, as it was last), and
 * the change in the words of the application's history (who, when recorded, from which date, before and after), so
 * that a receiver can keep a copy current without reading anything back.
 */
export const applicationEventDataSchema = z.object({ application: applicationSchema, change: historyEntrySchema });
export type ApplicationEventData = z.infer<typeof applicationEventDataSchema>;

/**
 * The change feed's event types, each with the shape of its `data`. Adding a type is one line here and one
 * `recordEvent` call in the transaction of the change it announces (README, "Change feed").
 */
export const EVENT_DATA = {
  'application.created': applicationEventDataSchema,
  'application.updated': applicationEventDataSchema,
  /** Set to phased out (uitgefaseerd): out of the landscape from the change's effective date. */
  'application.retired': applicationEventDataSchema,
  /** Removed as an entry made by mistake. */
  'application.deleted': applicationEventDataSchema,
  /** Moved to another municipality by a merger (or back, when it is undone), from the change's effective date. */
  'application.moved': applicationEventDataSchema,
  'attestation.created': attestationSchema,
  'settings.updated': settingsSchema,
  /** One event for each municipality a merger involves, so that a subscriber to any of them hears of it. */
  'municipality.merged': municipalityMergerRecordSchema,
  'municipality.merger-undone': municipalityMergerRecordSchema,
  /** A judgement of a product version: claimed by an editor or verified by a steward (PRODUCT §9). */
  'assessment.created': assessmentSchema,
  /** An editor followed the verified assessment of the version an application runs (PRODUCT §9). */
  'suggestion.accepted': suggestionAcceptedEventSchema,
  /** An editor declined such a suggestion, with the reason stewards read. */
  'suggestion.declined': suggestionDeclineSchema,
  /** A coalition (PRODUCT §10) as the change left it: started, described by its coordinator, joined or left. */
  'coalition.created': coalitionSchema,
  'coalition.updated': coalitionSchema,
  /** Once for the municipality that joined or left, so that a subscriber to it hears of it. */
  'coalition.joined': coalitionSchema,
  'coalition.left': coalitionSchema,
} as const satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof EVENT_DATA;
export type EventData<N extends EventName> = z.input<(typeof EVENT_DATA)[N]>;

/**
 * Reverse-DNS types under the name of the data source rather than of an organisation, as the NL GOV profile for
 * CloudEvents prefers (organisations are renamed and merged; the Transitiemonitor's data stays what it is).
 */
export const EVENT_TYPE_PREFIX = 'nl.transitiemonitor.';
export type EventType = `${typeof EVENT_TYPE_PREFIX}${EventName}`;

export const EVENT_TYPES = (Object.keys(EVENT_DATA) as EventName[]).map((name) => `${EVENT_TYPE_PREFIX}${name}` as EventType);
export const eventTypeSchema = z.enum(EVENT_TYPES as [EventType, ...EventType[]]);

/** Positions are zero-padded so that they also sort as strings, as the CloudEvents `sequence` extension asks. */
export const SEQUENCE_DIGITS = 20;

const cloudEventEnvelope = z.object({
  specversion: z.literal('1.0'),
  /** Unique per source; the feed's `after` cursor. */
  id: uuidSchema,
  /** A URN in the `nld` namespace naming the publishing organisation and system (NL GOV profile). */
  source: z.string().regex(/^urn:nld:/),
  /** What the event is about, as a path of this API (e.g. `municipalities/GM0546/attestations/…`). */
  subject: z.string().min(1),
  /** When the change was recorded: the moment of its transaction, as `recordedAt` in histories and the audit trail. */
  time: isoDateTimeSchema,
  datacontenttype: z.literal('application/json'),
  /** The event's place in commit order: contiguous, increasing, as a zero-padded decimal. */
  sequence: z.string().regex(new RegExp(`^\\d{${SEQUENCE_DIGITS}}$`)),
  /** The municipality the change belongs to; absent for changes of the whole programme (settings). */
  municipalitycode: municipalityCodeSchema.optional(),
});

export const cloudEventSchema = z.union(
  (Object.keys(EVENT_DATA) as EventName[]).map((name) =>
    cloudEventEnvelope.extend({ type: z.literal(`${EVENT_TYPE_PREFIX}${name}`), data: EVENT_DATA[name] }),
  ) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
);
export type CloudEventBody = z.infer<typeof cloudEventEnvelope> & { type: EventType; data: unknown };

export const eventListQuerySchema = z.strictObject({
  /** The `id` of the last event already read; without it the feed starts at its first event. */
  after: uuidSchema.optional(),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventListSchema = z.object({ items: z.array(cloudEventSchema) });
