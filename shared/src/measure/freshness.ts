/**
 * PRODUCT §11: an inventory is fresh until `staleAfterMonths` after its last attestation, and stale from that day
 * on (or always, when it was never attested). Dates are UTC calendar dates, as everywhere in the measure.
 */
import { addDays, addMonths } from './calendar.ts';

/** How long before an inventory goes stale its editors hear of it first. */
export const REMINDER_LEAD_DAYS = 14;

export type Freshness = {
  /** The day the inventory goes (or went) stale; null when it was never attested. */
  staleOn: string | null;
  stale: boolean;
};

export function freshnessOf(attestedOn: string | null, staleAfterMonths: number, today: string): Freshness {
  if (attestedOn === null) return { staleOn: null, stale: true };
  const staleOn = addMonths(attestedOn, staleAfterMonths);
  return { staleOn, stale: today >= staleOn };
}

/**
 * Why an inventory's editors are to be reminded today, if at all: `upcoming` from 14 days before it goes stale,
 * `stale` on the day it does, `still-stale` once a month after that, and `never-attested` once a calendar month.
 * The key names the occasion: the same key on two days means one reminder, a new key a new one.
 */
export type ReminderOccasion = {
  kind: 'upcoming' | 'stale' | 'still-stale' | 'never-attested';
  staleOn: string | null;
  key: string;
};

export function reminderOccasion(attestedOn: string | null, staleAfterMonths: number, today: string): ReminderOccasion | null {
  if (attestedOn === null) return { kind: 'never-attested', staleOn: null, key: `never-attested:${today.slice(0, 7)}` };
  const { staleOn, stale } = freshnessOf(attestedOn, staleAfterMonths, today);
  if (!stale) return today >= addDays(staleOn!, -REMINDER_LEAD_DAYS) ? { kind: 'upcoming', staleOn, key: `upcoming:${staleOn}` } : null;
  let months = 0;
  while (addMonths(staleOn!, months + 1) <= today) months += 1;
  return { kind: months === 0 ? 'stale' : 'still-stale', staleOn, key: `stale:${staleOn}:${months}` };
}
