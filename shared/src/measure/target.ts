import type { ProgressStatus } from '../schemas/progress.ts';
import type { Settings } from '../schemas/settings.ts';
import { addYears, yearsBetween } from './calendar.ts';

/** Status bands around the target: 5 percentage points either side is on track (PRODUCT §3.3). */
export const STATUS_BAND = 0.05;
// Shares and targets are sums of fractions; a difference of exactly 5 pp must not fall out of its band by rounding.
const EPSILON = 1e-9;

/** The settings a target hangs on. */
export type TargetSettings = Pick<Settings, 'programmeStart' | 'annualRate'>;

/**
 * target(t) = min(100%, share(t0) + r × years(t − t0)). Before the programme start the target stays at the
 * starting share: nothing was asked yet. An unknown starting share (empty landscape) starts at 0.
 */
export function targetAt(settings: TargetSettings, startShare: number | null, date: string): number {
  const years = Math.max(0, yearsBetween(settings.programmeStart, date));
  return Math.min(1, (startShare ?? 0) + settings.annualRate * years);
}

/** The first date on which the target reaches 100%. */
export function deadline(settings: TargetSettings, startShare: number | null): string {
  return addYears(settings.programmeStart, (1 - (startShare ?? 0)) / settings.annualRate);
}

export function statusOf(share: number | null, target: number): ProgressStatus | null {
  if (share === null) return null;
  const difference = share - target;
  if (difference >= STATUS_BAND - EPSILON) return 'ahead';
  if (difference >= -STATUS_BAND - EPSILON) return 'on_track';
  return 'behind';
}

/** Applications still to make compliant to reach the target now; 0 when on or above it. */
export function gapInApplications(target: number, landscapeCount: number, compliantCount: number): number {
  return Math.max(0, Math.ceil(target * landscapeCount - EPSILON) - compliantCount);
}
