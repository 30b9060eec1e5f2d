/** Today's calendar date in UTC; the product's dates carry no time zone of their own. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
