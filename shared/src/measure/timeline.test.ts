import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIFECYCLES, STATUSES } from '../schemas/application.ts';
import { milestones, stateAt, type TimelineEvent } from './timeline.ts';

const ev = (effectiveDate: string, seq: number, status: TimelineEvent['status'], lifecycle: TimelineEvent['lifecycle'] = null): TimelineEvent => ({
  effectiveDate,
  seq,
  status,
  lifecycle,
});

describe('stateAt', () => {
  it.each([
    ['2018-12-31', { status: null, lifecycle: null }],
    ['2019-01-01', { status: 'legacy', lifecycle: 'in_production' }],
    ['2022-05-31', { status: 'in_transition', lifecycle: 'in_production' }],
    ['2023-01-01', { status: 'compliant', lifecycle: 'in_production' }],
    ['2025-06-01', { status: 'compliant', lifecycle: 'phased_out' }],
  ])('at %s the state is %o', (date, expected) => {
    const events = [
      ev('2019-01-01', 1, 'legacy', 'in_production'),
      ev('2023-01-01', 2, 'compliant'),
      ev('2025-06-01', 3, null, 'phased_out'),
      // Recorded last, dated in between: it changes only its own field, only from its own date.
      ev('2022-05-01', 4, 'in_transition'),
    ];
    expect(stateAt(events, date)).toEqual(expected);
  });

  it('on the same effective date, the later recorded change wins', () => {
    expect(stateAt([ev('2020-01-01', 2, 'compliant'), ev('2020-01-01', 1, 'legacy')], '2020-01-01').status).toBe('compliant');
  });
});

describe('milestones', () => {
  it('gives the first day in the landscape and, when retired today, the retirement date', () => {
    const events = [ev('2016-01-01', 1, 'legacy', 'planned'), ev('2017-03-01', 2, null, 'in_production'), ev('2024-12-31', 3, null, 'phased_out')];
    expect(milestones(events, '2026-01-01')).toEqual({ inUseSince: '2017-03-01', retiredAt: '2024-12-31' });
    expect(milestones(events, '2024-06-01')).toEqual({ inUseSince: '2017-03-01', retiredAt: null });
  });
});

const dateArb = fc.date({ min: new Date('2019-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const eventsArb = fc.array(
  fc.record({
    effectiveDate: dateArb,
    status: fc.option(fc.constantFrom(...STATUSES), { nil: null }),
    lifecycle: fc.option(fc.constantFrom(...LIFECYCLES), { nil: null }),
  }),
  { minLength: 1, maxLength: 12 },
);

describe('stateAt, for any history', () => {
  it('a change dated after t never alters the state at t, whenever it is recorded', () => {
    fc.assert(
      fc.property(eventsArb, dateArb, eventsArb, (history, t, later) => {
        const base = history.map((e, i) => ({ ...e, seq: i }));
        const extra = later.filter((e) => e.effectiveDate > t).map((e, i) => ({ ...e, seq: base.length + i }));
        expect(stateAt([...base, ...extra], t)).toEqual(stateAt(base, t));
      }),
    );
  });

  it('the state is independent of the order in which events are listed', () => {
    fc.assert(
      fc.property(eventsArb, dateArb, (history, t) => {
        const events = history.map((e, i) => ({ ...e, seq: i }));
        expect(stateAt([...events].reverse(), t)).toEqual(stateAt(events, t));
      }),
    );
  });
});
