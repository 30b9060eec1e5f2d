import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../schemas/settings.ts';
import { plan } from './plan.ts';

describe('plan', () => {
  it('when a municipality is behind, then this year needs the catch-up and later years the yearly rate', () => {
    const years = plan({
      today: '2026-06-01',
      settings: { ...DEFAULT_SETTINGS },
      startShare: 0.2,
      landscapeCount: 100,
      compliantCount: 40,
      plannedByYear: new Map([[2024, 2], [2026, 5], [2027, 10]]),
    });
    expect(years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029]);
    // End of 2026 the target is 20% + 10% × 6 years ≈ 80% (just under, days/365.25): 80 needed, 40 compliant.
    expect(years[0]).toEqual({ year: 2026, planned: 7, needed: 40, gap: -33 });
    expect(years[1]).toEqual({ year: 2027, planned: 10, needed: 10, gap: 0 });
    expect(years[2]).toEqual({ year: 2028, planned: 0, needed: 10, gap: -10 });
    // The target reaches 100% on 2029-01-01; the last year to plan is the deadline's.
    expect(years[3]).toEqual({ year: 2029, planned: 0, needed: 0, gap: 0 });
  });

  it('when a municipality is ahead, then nothing is needed until the target catches up', () => {
    const years = plan({
      today: '2026-06-01',
      settings: { ...DEFAULT_SETTINGS },
      startShare: 0,
      landscapeCount: 10,
      compliantCount: 8,
      plannedByYear: new Map(),
    });
    expect(years.map((y) => y.needed)).toEqual([0, 0, 0, 1, 1, 0]);
    expect(years.at(-1)!.year).toBe(2031);
  });
});
