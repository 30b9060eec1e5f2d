/**
 * "As known at" (PRODUCT §3.2, §10): the figures as the database knew them then, counting only what was recorded
 * by then. A caller names that moment as a date (`2026-03-01`: as known at the end of that day, UTC, like every
 * date of the product) or as an instant. An instant counts to the millisecond, the precision in which the API
 * gives the moments it recorded things (`recordedAt`): asking as known at a change's `recordedAt` includes that
 * change. Both forms are normalised to one spelling per meaning, so that whatever keys on it (kept answers, rate
 * limits) is not fooled by the same moment written with another offset or more digits.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The one spelling of a `knownAt`: a date stays a date; an instant becomes UTC with milliseconds. */
export function normaliseKnownAt(value: string): string {
  if (DATE.test(value)) return value;
  return new Date(Date.parse(value)).toISOString();
}

/** Whether a normalised `knownAt` is a date rather than an instant. */
export function isKnownAtDate(knownAt: string): boolean {
  return DATE.test(knownAt);
}

/**
 * The last moment a normalised `knownAt` covers, to the microsecond PostgreSQL stores: recorded at or before it
 * means known then. A date covers its whole day, an instant its whole millisecond.
 */
export function lastKnownInstant(knownAt: string): string {
  if (isKnownAtDate(knownAt)) return `${knownAt}T23:59:59.999999Z`;
  return knownAt.replace(/Z$/, '999Z');
}

/** Whether a `knownAt` (either form) lies no later than today or now. */
export function isNotInFuture(value: string, now = new Date()): boolean {
  if (DATE.test(value)) return value <= now.toISOString().slice(0, 10);
  const at = Date.parse(value);
  return Number.isNaN(at) || at <= now.getTime();
}
