import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthlyPoints, yearsBetween } from './calendar.ts';
import { pace, projectedCompletionYear, requiredPace } from './forecast.ts';

const today = '2026-11-28';
const points = monthlyPoints(today);

describe('forecast', () => {
  it('when the share grows linearly, then the pace is its slope in points per year', () => {
    const series = points.map((p) => ({ date: p.date, share: 0.1 + 0.12 * yearsBetween('2019-01-31', p.date) }));
    expect(pace(series)).toBeCloseTo(12, 9);
  });

  it('when only the last 24 points move, then older points do not count', () => {
    const series = points.map((p, i) => ({ date: p.date, share: i < points.length - 24 ? 0.9 : 0.2 }));
    expect(pace(series)).toBeCloseTo(0, 9);
  });

  it('when there are fewer than two known shares, then there is no pace', () => {
    expect(pace([])).toBeNull();
    expect(pace([{ date: '2026-01-31', share: 0.5 }, { date: '2026-02-28', share: null }])).toBeNull();
  });

  it('when any series is shifted up, then the pace stays the same', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: 24, maxLength: 24 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (shares, shift) => {
        const dates = points.slice(-24).map((p) => p.date);
        const a = pace(dates.map((date, i) => ({ date, share: shares[i]! })));
        const b = pace(dates.map((date, i) => ({ date, share: shares[i]! + shift })));
        expect(b!).toBeCloseTo(a!, 6);
      }),
    );
  });

  it.each([
    [0.5, '2026-01-01', '2031-01-01', 10],
    [1, '2026-01-01', '2031-01-01', 0],
    [0.5, '2031-01-02', '2031-01-01', null],
    [null, '2026-01-01', '2031-01-01', null],
  ])('when the share is %s on %s and the deadline %s, then the required pace is %s', (share, on, due, expected) => {
    const result = requiredPace(share, on, due);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 2);
  });

  it.each([
    [0.5, 10, '2026-06-01', 2031],
    [0.5, 0, '2026-06-01', null],
    [0.5, -3, '2026-06-01', null],
    [0.5, null, '2026-06-01', null],
    [1, 0, '2026-06-01', 2026],
    [0.9, 20, '2026-06-01', 2026],
  ])('when the share is %s at %s pp a year on %s, then completion is projected in %s', (share, p, on, year) => {
    expect(projectedCompletionYear(share, p, on)).toBe(year);
  });
});
