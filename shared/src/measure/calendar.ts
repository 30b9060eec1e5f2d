/** Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, the product's dates having no time zone of their own. */

const DAY_MS = 86_400_000;
export const DAYS_PER_YEAR = 365.25;

/** The first monthly point of every progress series. */
export const SERIES_START_MONTH = '2019-01-01';

function toUtc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function yearsBetween(from: string, to: string): number {
  return (toUtc(to) - toUtc(from)) / DAY_MS / DAYS_PER_YEAR;
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

export function addYears(date: string, years: number): string {
  return addDays(date, Math.ceil(years * DAYS_PER_YEAR));
}

export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function endOfMonth(month: string): string {
  return addDays(nextMonth(month), -1);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * The dates of a monthly series: the last day of every month from `fromMonth` up to the month of `today`, whose
 * point is `today` itself (the month is not over yet).
 */
export function monthlyPoints(today: string, fromMonth: string = SERIES_START_MONTH): { month: string; date: string }[] {
  const points: { month: string; date: string }[] = [];
  const last = monthOf(today);
  for (let month = fromMonth; month <= last; month = nextMonth(month)) {
    points.push({ month, date: month === last ? today : endOfMonth(month) });
  }
  return points;
}

/** The same day `months` later; a day the target month lacks (31 August + 6 months) becomes its last day. */
export function addMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
