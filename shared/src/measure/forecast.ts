import { addDays, DAYS_PER_YEAR, yearOf, yearsBetween } from './calendar.ts';

/** Pace is the trend of this many last monthly points (PRODUCT §3.4). */
export const PACE_WINDOW = 24;

/**
 * The least-squares slope of the share over the last 24 monthly points, in percentage points per year. Points
 * without a share are left out; null when fewer than two remain.
 */
export function pace(points: readonly { date: string; share: number | null }[]): number | null {
  const window = points.slice(-PACE_WINDOW).filter((p): p is { date: string; share: number } => p.share !== null);
  if (window.length < 2) return null;
  const origin = window[0]!.date;
  const xs = window.map((p) => yearsBetween(origin, p.date));
  const ys = window.map((p) => p.share * 100);
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - meanX) * (ys[i]! - meanY);
    sxx += (x - meanX) ** 2;
  });
  return sxx === 0 ? null : sxy / sxx;
}

/**
 * Percentage points per year still needed to reach 100% on the deadline. 0 when done; null when the share is
 * unknown or the deadline has passed without reaching 100%.
 */
export function requiredPace(share: number | null, today: string, deadlineDate: string): number | null {
  if (share === null) return null;
  if (share >= 1) return 0;
  const years = yearsBetween(today, deadlineDate);
  return years > 0 ? ((1 - share) * 100) / years : null;
}

/** The year the share reaches 100% at the current pace; null when the pace is not positive. */
export function projectedCompletionYear(share: number | null, pacePpPerYear: number | null, today: string): number | null {
  if (share === null) return null;
  if (share >= 1) return yearOf(today);
  if (pacePpPerYear === null || pacePpPerYear <= 0) return null;
  const years = ((1 - share) * 100) / pacePpPerYear;
  // Beyond this the projection says nothing and the date arithmetic would overflow.
  if (years > 1000) return null;
  return yearOf(addDays(today, Math.ceil(years * DAYS_PER_YEAR)));
}
