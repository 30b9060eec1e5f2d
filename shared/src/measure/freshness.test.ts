import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from './calendar.ts';
import { freshnessOf, REMINDER_LEAD_DAYS, reminderOccasion } from './freshness.ts';

const dateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2080-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 6, '2026-07-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2026-12-06', 1, '2027-01-06'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-20', 0, '2026-05-20'],
  ] as const)('when %s is moved by %i months, then it is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('when a date is moved by n months, then it lands in the month n further, never on a later day of the month', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -120, max: 120 }), (date, n) => {
        const moved = addMonths(date, n);
        const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
        expect(monthIndex(moved) - monthIndex(date)).toBe(n);
        expect(Number(moved.slice(8, 10))).toBeLessThanOrEqual(Number(date.slice(8, 10)));
        expect(Number.isNaN(Date.parse(moved))).toBe(false);
      }),
    );
  });
});

describe('freshness', () => {
  it.each([
    ['never attested', null, '2026-12-06', { staleOn: null, stale: true }],
    ['attested today', '2026-12-06', '2026-12-06', { staleOn: '2027-06-06', stale: false }],
    ['the day before it goes stale', '2026-06-06', '2026-12-05', { staleOn: '2026-12-06', stale: false }],
    ['the day it goes stale', '2026-06-06', '2026-12-06', { staleOn: '2026-12-06', stale: true }],
  ] as const)('when %s, then the freshness says so', (_name, attestedOn, today, expected) => {
    expect(freshnessOf(attestedOn, 6, today)).toEqual(expected);
  });
});

describe('reminder occasions', () => {
  it.each([
    ['long before it goes stale', '2026-06-06', '2026-11-21', null],
    ['14 days before', '2026-06-06', '2026-11-22', { kind: 'upcoming', staleOn: '2026-12-06', key: 'upcoming:2026-12-06' }],
    ['the day before', '2026-06-06', '2026-12-05', { kind: 'upcoming', staleOn: '2026-12-06', key: 'upcoming:2026-12-06' }],
    ['on the day', '2026-06-06', '2026-12-06', { kind: 'stale', staleOn: '2026-12-06', key: 'stale:2026-12-06:0' }],
    ['a month later less a day', '2026-06-06', '2027-01-05', { kind: 'stale', staleOn: '2026-12-06', key: 'stale:2026-12-06:0' }],
    ['a month later', '2026-06-06', '2027-01-06', { kind: 'still-stale', staleOn: '2026-12-06', key: 'stale:2026-12-06:1' }],
    ['never attested', null, '2026-12-06', { kind: 'never-attested', staleOn: null, key: 'never-attested:2026-12' }],
  ] as const)('when it is %s, then the occasion is right', (_name, attestedOn, today, expected) => {
    expect(reminderOccasion(attestedOn, 6, today)).toEqual(expected);
  });

  it('when every day from an attestation on is looked at, then there is one upcoming reminder, one on the day and one a month', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 14 }), (attestedOn, months, monthsStale) => {
        const staleOn = addMonths(attestedOn, months);
        const until = addMonths(staleOn, monthsStale);
        const daysByKey = new Map<string, string[]>();
        for (let day = attestedOn; day <= until; day = addDays(day, 1)) {
          const occasion = reminderOccasion(attestedOn, months, day);
          if (occasion) daysByKey.set(occasion.key, [...(daysByKey.get(occasion.key) ?? []), day]);
        }
        const keys = [...daysByKey.keys()];
        expect(keys[0]).toBe(`upcoming:${staleOn}`);
        expect(keys.length).toBe(2 + monthsStale);
        // Each occasion runs over consecutive days, so a daily job meets it on one stretch and never comes back to it.
        for (const days of daysByKey.values()) expect(addDays(days[0]!, days.length - 1)).toBe(days.at(-1));
        expect(daysByKey.get(`stale:${staleOn}:0`)![0]).toBe(staleOn);
        expect(daysByKey.get(`upcoming:${staleOn}`)!.length).toBeLessThanOrEqual(REMINDER_LEAD_DAYS);
      }),
      { numRuns: 200 },
    );
  });
});
