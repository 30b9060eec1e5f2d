import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIFECYCLES, STATUSES, type Application } from '@tm/shared/schemas/application';
import { stateAt, type TimelineEvent } from '@tm/shared/measure/timeline';
import { pick, TRACKED_FIELDS } from './application-changes.ts';
import { type ApplicationOnRecord, type ApplicationValues, planChanges } from './application-planner.ts';

const TODAY = '2026-06-01';

/** An application created in production as legacy on 2019-01-01, with `later` changes after that. */
function onRecord(later: Omit<TimelineEvent, 'seq'>[] = [], fields: Partial<Application> = {}): ApplicationOnRecord {
  const timeline = [{ effectiveDate: '2019-01-01', status: 'legacy', lifecycle: 'in_production' } as const, ...later].map((e, seq) => ({ ...e, seq }));
  const state = stateAt(timeline, TODAY);
  return {
    revision: 3,
    timeline,
    application: {
      id: '00000000-0000-4000-8000-000000000001',
      municipalityCode: 'GM0546',
      name: 'Zaaksysteem',
      vendor: null,
      product: null,
      version: null,
      referenceComponentIds: ['b', 'a'].sort(),
      layer: 'process',
      status: state.status!,
      lifecycle: state.lifecycle!,
      criteria: {},
      inUseSince: '2019-01-01',
      retiredAt: null,
      replacedBy: null,
      plannedReplacementYear: 2030,
      annualCost: null,
      notes: null,
      productVersionId: null,
      createdAt: '2019-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      ...fields,
    },
  };
}

const update = (current: ApplicationOnRecord, values: Record<string, unknown>, effectiveDate?: string) =>
  planChanges([{ kind: 'update', current, values, effectiveDate }], TODAY);

describe('the planner: whether a value is a change', () => {
  it.each([
    ['a status that differs from today\'s, without a date', onRecord(), { status: 'compliant' }, undefined, { effectiveDate: TODAY, status: 'compliant', before: { status: 'legacy' } }],
    ['the status it has, without a date', onRecord(), { status: 'legacy' }, undefined, null],
    ['the status it has, dated when that status was already in force', onRecord([{ effectiveDate: '2024-01-01', status: 'compliant', lifecycle: null }]), { status: 'compliant' }, '2025-01-01', null],
    [
      "today's status, dated before it took effect: the date moves back",
      onRecord([{ effectiveDate: '2024-01-01', status: 'compliant', lifecycle: null }]),
      { status: 'compliant' },
      '2022-01-01',
      { effectiveDate: '2022-01-01', status: 'compliant', before: { status: 'legacy' }, after: { status: 'compliant' } },
    ],
    [
      'a lifecycle dated before the application was known: nothing was in force then',
      onRecord(),
      { lifecycle: 'in_production' },
      '2017-05-01',
      { effectiveDate: '2017-05-01', lifecycle: 'in_production', status: null, before: { lifecycle: null } },
    ],
    [
      'a status and lifecycle of which only the lifecycle differs on that date',
      onRecord(),
      { status: 'legacy', lifecycle: 'phased_out' },
      '2024-12-31',
      { effectiveDate: '2024-12-31', status: null, lifecycle: 'phased_out', before: { lifecycle: 'in_production' }, after: { lifecycle: 'phased_out' } },
    ],
    ['a plain field that differs: dated today', onRecord(), { layer: 'data' }, undefined, { effectiveDate: TODAY, status: null, lifecycle: null, before: { layer: 'process' } }],
    ['the same reference components in another order', onRecord(), { referenceComponentIds: ['b', 'a', 'a'] }, undefined, null],
  ] as const)('when %s, then the plan is as PRODUCT §3.2 says', (_case, current, values, date, event) => {
    const plan = update(current, values, date);
    if (event === null) {
      expect(plan.writes).toEqual([]);
      expect(plan.unchanged).toEqual([current]);
    } else {
      expect(plan.writes).toHaveLength(1);
      expect(plan.writes[0]!.event).toMatchObject({ action: 'updated', ...event });
    }
  });
});

describe('the planner: what the row becomes', () => {
  it('when a back-dated status is older than a later change, then the later one stays in force and the row keeps it', () => {
    const current = onRecord([{ effectiveDate: '2024-01-01', status: 'in_transition', lifecycle: null }]);
    const [write] = update(current, { status: 'compliant' }, '2023-01-01').writes;
    expect(write!.next.status).toBe('in_transition');
    expect(write!.event).toMatchObject({ effectiveDate: '2023-01-01', before: { status: 'legacy' }, after: { status: 'compliant' } });
  });

  it('when an application is retired with a date, then it shows that date as retiredAt and keeps inUseSince', () => {
    const [write] = update(onRecord(), { lifecycle: 'phased_out', replacedBy: '00000000-0000-4000-8000-000000000002' }, '2025-03-01').writes;
    expect(write!.next).toMatchObject({ lifecycle: 'phased_out', retiredAt: '2025-03-01', inUseSince: '2019-01-01', replacedBy: '00000000-0000-4000-8000-000000000002' });
  });

  it('when reference components change, then the write says so and the row holds them sorted and once each', () => {
    const [write] = update(onRecord(), { referenceComponentIds: ['c', 'a', 'c'] }).writes;
    expect(write!.referenceComponentsChanged).toBe(true);
    expect(write!.next.referenceComponentIds).toEqual(['a', 'c']);
  });

  it('when an application is created back-dated, then its creation carries every field and the date it entered its lifecycle', () => {
    const plan = planChanges(
      [
        {
          kind: 'create',
          id: '00000000-0000-4000-8000-000000000009',
          municipalityCode: 'GM0546',
          effectiveDate: '2020-02-02',
          values: { ...pick(onRecord().application, TRACKED_FIELDS), referenceComponentIds: ['z', 'y'], status: 'compliant', lifecycle: 'in_production' } as ApplicationValues,
        },
      ],
      TODAY,
    );
    expect(plan.writes[0]).toMatchObject({
      action: 'created',
      current: null,
      next: { id: '00000000-0000-4000-8000-000000000009', inUseSince: '2020-02-02', retiredAt: null, referenceComponentIds: ['y', 'z'] },
      event: { action: 'created', effectiveDate: '2020-02-02', status: 'compliant', lifecycle: 'in_production', before: null },
    });
  });

  it('when an application is deleted, then the history keeps every tracked field as it was', () => {
    const current = onRecord();
    const [write] = planChanges([{ kind: 'delete', current }], TODAY).writes;
    expect(write!.event).toMatchObject({ action: 'deleted', effectiveDate: TODAY, before: { name: 'Zaaksysteem', layer: 'process' }, after: null });
  });

  it('when a merger moves an application, then only its municipality changes, from the merger day, and its timeline stays as it was', () => {
    const current = onRecord([{ effectiveDate: '2022-05-01', status: 'compliant', lifecycle: null }]);
    const plan = planChanges([{ kind: 'move', current, municipalityCode: 'GM9001', effectiveDate: '2025-01-01' }], TODAY);
    expect(plan.writes).toHaveLength(1);
    const [write] = plan.writes;
    const { createdAt: _c, updatedAt: _u, ...stored } = current.application;
    expect(write!.next).toEqual({ ...stored, municipalityCode: 'GM9001' });
    expect(write!.event).toEqual({
      action: 'moved',
      effectiveDate: '2025-01-01',
      status: null,
      lifecycle: null,
      before: { municipalityCode: 'GM0546' },
      after: { municipalityCode: 'GM9001' },
    });
    expect(write!.referenceComponentsChanged).toBe(false);
    expect(planChanges([{ kind: 'move', current, municipalityCode: 'GM0546', effectiveDate: '2025-01-01' }], TODAY)).toEqual({ writes: [], unchanged: [current] });
  });

  it('when one plan would change an application twice, then it refuses: each entry point changes each application once', () => {
    const current = onRecord();
    expect(() => planChanges([{ kind: 'delete', current }, { kind: 'update', current, values: { layer: 'data' } }], TODAY)).toThrow();
  });
});

const dateArb = fc.date({ min: new Date('2015-01-01'), max: new Date(TODAY), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const eventArb = fc.record({
  effectiveDate: dateArb,
  status: fc.option(fc.constantFrom(...STATUSES), { nil: null }),
  lifecycle: fc.option(fc.constantFrom(...LIFECYCLES), { nil: null }),
});

describe('the planner, for any history and any dated change', () => {
  it('when a change is planned, then it is recorded exactly when it changes the state in force at some date, and the row shows the state of today', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 6 }), eventArb, (later, change) => {
        const current = onRecord(later);
        const values = { ...(change.status ? { status: change.status } : {}), ...(change.lifecycle ? { lifecycle: change.lifecycle } : {}) };
        const plan = update(current, values, change.effectiveDate);
        const withChange = [...current.timeline, { ...change, seq: 99 }];
        const dates = [...new Set([...withChange.map((e) => e.effectiveDate), TODAY])];
        const changesSomeDate = dates.some((d) => JSON.stringify(stateAt(withChange, d)) !== JSON.stringify(stateAt(current.timeline, d)));
        expect(plan.writes.length).toBe(changesSomeDate ? 1 : 0);
        const write = plan.writes[0];
        if (write) expect({ status: write.next.status, lifecycle: write.next.lifecycle }).toEqual(stateAt(withChange, TODAY));
      }),
      { numRuns: 500 },
    );
  });
});
