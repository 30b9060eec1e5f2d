import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../schemas/settings.ts';
import { deadline, gapInApplications, statusOf, targetAt } from './target.ts';

const settings = { ...DEFAULT_SETTINGS };
const dateArb = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('target', () => {
  it.each([
    ['before the programme start', 0.2, '2020-06-30', 0.2],
    ['at the start', 0.2, '2021-01-01', 0.2],
    ['one year in', 0.2, '2022-01-01', 0.2 + 0.1 * (365 / 365.25)],
    ['long after the deadline', 0.2, '2040-01-01', 1],
    ['with an unknown starting share', null, '2021-01-01', 0],
  ] as const)('when the date is %s, then the target is right', (_name, start, date, expected) => {
    expect(targetAt(settings, start, date)).toBeCloseTo(expected, 12);
  });

  it('when the starting share is 20% at 10% a year, then the deadline is eight years after the start', () => {
    expect(deadline(settings, 0.2)).toBe('2029-01-01');
    expect(targetAt(settings, 0.2, deadline(settings, 0.2))).toBe(1);
    expect(targetAt(settings, 0.2, '2028-12-30')).toBeLessThan(1);
  });

  it('when time passes, then the target never decreases and never exceeds 100%', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        dateArb,
        dateArb,
        dateArb,
        (start, annualRate, programmeStart, a, b) => {
          const s = { programmeStart, annualRate };
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(targetAt(s, start, early)).toBeLessThanOrEqual(targetAt(s, start, late));
          expect(targetAt(s, start, late)).toBeLessThanOrEqual(1);
          expect(targetAt(s, start, early)).toBeGreaterThanOrEqual(start);
        },
      ),
    );
  });

  it.each([
    [0.35, 0.3, 'ahead'],
    [0.34, 0.3, 'on_track'],
    [0.3, 0.3, 'on_track'],
    [0.25, 0.3, 'on_track'],
    [0.2499, 0.3, 'behind'],
    [0.15, 0.1, 'ahead'],
    [null, 0.3, null],
  ] as const)('when the share is %s against a target of %s, then the status is %s', (share, target, status) => {
    expect(statusOf(share, target)).toBe(status);
  });

  it.each([
    [0.3, 100, 20, 10],
    [0.3, 100, 30, 0],
    [0.3, 100, 50, 0],
    [0.305, 100, 30, 1],
    [0.5, 0, 0, 0],
  ])('when the target is %s of %s with %s compliant, then %s more are needed', (target, landscape, compliant, gap) => {
    expect(gapInApplications(target, landscape, compliant)).toBe(gap);
  });
});
