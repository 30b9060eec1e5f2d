import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIFECYCLES, STATUSES } from '../schemas/application.ts';
import { monthlyPoints } from './calendar.ts';
import { addContributions, contributionAt, type MeasuredApplication, NO_CONTRIBUTION, shareFigures, shareOf } from './share.ts';
import type { TimelineEvent } from './timeline.ts';

const app = (events: Omit<TimelineEvent, 'seq'>[], annualCost: number | null = null): MeasuredApplication => ({
  events: events.map((e, seq) => ({ ...e, seq })),
  layer: null,
  annualCost,
});

const dateArb = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2026-11-28T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const eventArb = fc.record({
  effectiveDate: dateArb,
  status: fc.constantFrom(null, ...STATUSES),
  lifecycle: fc.constantFrom(null, ...LIFECYCLES),
});
const appArb = fc
  .record({
    first: fc.record({ effectiveDate: dateArb, status: fc.constantFrom(...STATUSES), lifecycle: fc.constantFrom(...LIFECYCLES) }),
    rest: fc.array(eventArb, { maxLength: 5 }),
    annualCost: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  })
  .map(({ first, rest, annualCost }) => app([first, ...rest], annualCost));

describe('share', () => {
  it.each([
    ['an empty landscape', [], '2024-01-01', { share: null, landscapeCount: 0, compliantCount: 0 }],
    [
      'a planned application only',
      [app([{ effectiveDate: '2020-01-01', status: 'compliant', lifecycle: 'planned' }])],
      '2024-01-01',
      { share: null, landscapeCount: 0, compliantCount: 0 },
    ],
    [
      'one compliant of two in production',
      [
        app([{ effectiveDate: '2020-01-01', status: 'compliant', lifecycle: 'in_production' }]),
        app([{ effectiveDate: '2020-01-01', status: 'legacy', lifecycle: 'phasing_out' }]),
      ],
      '2024-01-01',
      { share: 0.5, landscapeCount: 2, compliantCount: 1 },
    ],
    [
      'an in-transition application, which still counts as legacy',
      [app([{ effectiveDate: '2020-01-01', status: 'in_transition', lifecycle: 'in_production' }])],
      '2024-01-01',
      { share: 0, landscapeCount: 1, compliantCount: 0 },
    ],
    [
      'a status set later than the date',
      [
        app([
          { effectiveDate: '2020-01-01', status: 'legacy', lifecycle: 'in_production' },
          { effectiveDate: '2024-01-02', status: 'compliant', lifecycle: null },
        ]),
      ],
      '2024-01-01',
      { share: 0, landscapeCount: 1, compliantCount: 0 },
    ],
  ] as const)('when the landscape is %s, then the count figures are right', (_name, apps, date, expected) => {
    expect(shareFigures(contributionAt(apps, date), 'count')).toEqual(expected);
  });

  it('when measured by cost, then the share weighs euros and says how much of the landscape has a cost', () => {
    const apps = [
      app([{ effectiveDate: '2020-01-01', status: 'compliant', lifecycle: 'in_production' }], 300),
      app([{ effectiveDate: '2020-01-01', status: 'legacy', lifecycle: 'in_production' }], 100),
      app([{ effectiveDate: '2020-01-01', status: 'legacy', lifecycle: 'in_production' }], null),
      app([{ effectiveDate: '2020-01-01', status: 'legacy', lifecycle: 'in_production' }], 0),
    ];
    expect(shareFigures(contributionAt(apps, '2021-01-01'), 'cost')).toEqual({
      share: 0.75,
      landscapeCount: 4,
      compliantCount: 1,
      landscapeCost: 400,
      compliantCost: 300,
      costCoverage: 0.75,
    });
  });

  it('when shares are computed for any landscape, then they lie in [0, 1] or are null for an empty one', () => {
    fc.assert(
      fc.property(fc.array(appArb, { maxLength: 12 }), dateArb, fc.constantFrom('count' as const, 'cost' as const), (apps, date, measure) => {
        const c = contributionAt(apps, date);
        const share = shareOf(c, measure);
        if (share === null) expect(measure === 'count' ? c.landscape : c.landscapeCost).toBe(0);
        else expect(share >= 0 && share <= 1).toBe(true);
      }),
    );
  });

  it('when municipalities are pooled, then the national share is the sum of compliant over the sum of landscape', () => {
    fc.assert(
      fc.property(fc.array(fc.array(appArb, { maxLength: 6 }), { maxLength: 6 }), dateArb, (municipalities, date) => {
        const parts = municipalities.map((apps) => contributionAt(apps, date));
        const pooled = contributionAt(municipalities.flat(), date);
        expect(parts.reduce((a, b) => addContributions(a, b), NO_CONTRIBUTION)).toEqual(pooled);
        const landscape = parts.reduce((s, c) => s + c.landscape, 0);
        const compliant = parts.reduce((s, c) => s + c.compliant, 0);
        expect(shareOf(pooled, 'count')).toBe(landscape === 0 ? null : compliant / landscape);
      }),
    );
  });

  it('when a change is back-dated, then no point before its effective date changes', () => {
    fc.assert(
      fc.property(appArb, eventArb, (original, change) => {
        const changed: MeasuredApplication = {
          ...original,
          events: [...original.events, { ...change, seq: original.events.length }],
        };
        for (const { date } of monthlyPoints('2026-11-28', '2014-12-01')) {
          if (date < change.effectiveDate)
            expect(contributionAt([changed], date)).toEqual(contributionAt([original], date));
        }
      }),
    );
  });

  it('when an application is retired, then it is in no later landscape', () => {
    fc.assert(
      fc.property(appArb, dateArb, (original, date) => {
        // Retirement is the last lifecycle change: nothing after it puts the application back in use.
        const retiredOn = [date, ...original.events.map((e) => e.effectiveDate)].sort().at(-1)!;
        const retired: MeasuredApplication = {
          ...original,
          events: [...original.events, { effectiveDate: retiredOn, status: null, lifecycle: 'phased_out', seq: 99 }],
        };
        for (const { date } of monthlyPoints('2026-11-28', '2014-12-01'))
          if (date >= retiredOn) expect(contributionAt([retired], date).landscape).toBe(0);
      }),
    );
  });
});
