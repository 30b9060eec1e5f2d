import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownAtSchema } from '../schemas/progress.ts';
import { isNotInFuture, lastKnownInstant, normaliseKnownAt } from './known-at.ts';

describe('knownAt', () => {
  it.each([
    ['2025-06-30', '2025-06-30'],
    ['2025-06-30T12:00:00Z', '2025-06-30T12:00:00.000Z'],
    ['2025-06-30T14:00:00+02:00', '2025-06-30T12:00:00.000Z'],
    ['2025-06-30T12:00:00.123456Z', '2025-06-30T12:00:00.123Z'],
    ['2025-06-30T12:00:00.1-00:00', '2025-06-30T12:00:00.100Z'],
  ])('when %s is asked, then it is known as %s', (given, normalised) => {
    expect(knownAtSchema.parse(given)).toBe(normalised);
  });

  it('when the same instant is written with any offset or precision, then it has one spelling', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2019-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (date, offsetMinutes) => {
        const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const abs = Math.abs(offsetMinutes);
        const written = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(normaliseKnownAt(written)).toBe(date.toISOString());
      }),
    );
  });

  it('when a date or an instant is given, then it covers its whole day or millisecond, to the microsecond', () => {
    expect(lastKnownInstant('2025-06-30')).toBe('2025-06-30T23:59:59.999999Z');
    expect(lastKnownInstant('2025-06-30T12:00:00.123Z')).toBe('2025-06-30T12:00:00.123999Z');
  });

  it('when it lies in the future, then it is refused; today and now are not', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    expect(isNotInFuture('2026-03-01', now)).toBe(true);
    expect(isNotInFuture('2026-03-02', now)).toBe(false);
    expect(isNotInFuture('2026-03-01T10:00:00Z', now)).toBe(true);
    expect(isNotInFuture('2026-03-01T10:00:00.001Z', now)).toBe(false);
    const future = knownAtSchema.safeParse(new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
    expect(future.success || future.error.issues[0]!.message).toBe('validation.futureDate');
  });

  it('when it is neither a date nor a timestamp, then one message says what is expected', () => {
    const bad = knownAtSchema.safeParse('yesterday');
    expect(bad.success || bad.error.issues.map((i) => i.message)).toEqual(['validation.dateOrDateTime']);
  });
});
