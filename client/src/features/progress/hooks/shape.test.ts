import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '@tm/shared/schemas/progress';
import { mapClass, planRows, planYearsThrough, registerShapes, shareRows, todayMarker, yearTicks } from './shape.ts';

const point = (date: string, share: number | null, target: number): SeriesPoint => ({ date, share, target, landscapeCount: 100, compliantCount: share === null ? 0 : Math.round(share * 100) });

describe('shareRows', () => {
  const series = [point('2024-11-01', 0.2, 0.3), point('2024-12-01', 0.21, 0.31), point('2025-01-01', 0.22, 0.32)];

  it('when there is no pace, then the rows are the series in percent, without forecast', () => {
    const rows = shareRows(series, { pace: null, projectedCompletionYear: null });
    expect(rows.map((r) => [r.date, r.actual, r.target, r.forecast])).toEqual([
      ['2024-11-01', 20, 30, null],
      ['2024-12-01', 21, 31, null],
      ['2025-01-01', 22, 32, null],
    ]);
  });

  it('when the pace is positive, then a forecast starts at the last actual point and reaches the projected year', () => {
    const rows = shareRows(series, { pace: 20, projectedCompletionYear: 2029 });
    const forecast = rows.filter((r) => r.forecast !== null);
    expect(forecast[0]).toMatchObject({ date: '2025-01-01', forecast: 22 });
    expect(forecast.at(-1)!.date.startsWith('2029-')).toBe(true);
    expect(forecast.every((r, i) => i === 0 || r.forecast! >= forecast[i - 1]!.forecast!)).toBe(true);
    expect(Math.max(...forecast.map((r) => r.forecast!))).toBeLessThanOrEqual(100);
  });

  it('when the pace is zero or negative, then there is no forecast', () => {
    expect(shareRows(series, { pace: -1, projectedCompletionYear: null }).some((r) => r.forecast !== null)).toBe(false);
  });
});

describe('yearTicks', () => {
  it('when rows span years, then each 1 January inside them is a tick', () => {
    const rows = shareRows([point('2019-06-01', 0.1, 0.1), point('2021-03-01', 0.2, 0.2)], { pace: null, projectedCompletionYear: null });
    expect(yearTicks(rows).map((t) => new Date(t).toISOString().slice(0, 10))).toEqual(['2020-01-01', '2021-01-01']);
  });
});

describe('mapClass', () => {
  it.each([
    [null, null],
    [0, 0],
    [0.099, 0],
    [0.1, 1],
    [0.25, 2],
    [0.4, 3],
    [0.6, 4],
    [1, 4],
  ])('when the share is %s, then the class is %s', (share, cls) => {
    expect(mapClass(share)).toBe(cls);
  });
});

describe('planRows', () => {
  it('when a year plans fewer than needed, then it is marked short', () => {
    expect(planRows([{ year: 2026, planned: 3, needed: 5, gap: 2 }, { year: 2027, planned: 6, needed: 5, gap: -1 }]).map((r) => r.short)).toEqual([true, false]);
  });
});

describe('planYearsThrough', () => {
  const rows = planRows([{ year: 2026, planned: 3, needed: 5, gap: 2 }]);
  it('when a coalition aims at a year after the plan, then the years run on to it, empty', () => {
    expect(planYearsThrough(rows, [2028])).toEqual([
      { year: 2026, planned: 3, needed: 5, gap: 2, short: true },
      { year: 2027, planned: null, needed: null, short: false },
      { year: 2028, planned: null, needed: null, short: false },
    ]);
  });
  it('when every mark lies within the plan, or there is no plan, then nothing is added', () => {
    expect(planYearsThrough(rows, [2026])).toEqual(rows);
    expect(planYearsThrough([], [2028])).toEqual([]);
  });
});

describe('todayMarker', () => {
  const month = (iso: string) => ({ time: Date.parse(`${iso}T00:00:00Z`) });
  const series = [month('2021-01-01'), month('2024-01-01'), month('2026-12-01')];

  it('when today falls after the last monthly point, then the axis reaches on to today', () => {
    const today = Date.parse('2026-12-20T00:00:00Z');
    expect(todayMarker(series, today).axisEnd).toBe(today);
  });

  it('when a forecast runs on past today, then the axis ends with the forecast', () => {
    const forecast = [...series, month('2035-12-01')];
    expect(todayMarker(forecast, Date.parse('2026-12-20T00:00:00Z')).axisEnd).toBe(month('2035-12-01').time);
  });

  it.each([
    ['at the right edge', series, 'insideTopRight'],
    ['early on a long forecast', [...series, month('2045-01-01')], 'insideTopLeft'],
  ] as const)('when today is %s, then the label sits on the side with room', (_case, rows, position) => {
    expect(todayMarker(rows, Date.parse('2026-12-20T00:00:00Z')).labelPosition).toBe(position);
  });
});

describe('registerShapes', () => {
  const shapes = [
    { code: 'GM0060', name: 'Ameland', d: 'M1,1Z' },
    { code: 'GM0096', name: 'Vlieland', d: 'M2,2Z' },
    { code: 'GM0546', name: 'Leiden', d: 'M3,3Z' },
    { code: 'GM0088', name: 'Schiermonnikoog', d: 'M4,4Z' },
  ];

  it('when municipalities merged, then the new one is drawn as its predecessors together and they are no longer drawn on their own', () => {
    const members = [
      { code: 'GM9101', name: 'Wadden-Oost', predecessors: ['GM0060', 'GM0096'] },
      { code: 'GM0546', name: 'Leiden', predecessors: [] },
      { code: 'GM0088', name: 'Schiermonnikoog', predecessors: [] },
    ];
    expect(registerShapes(shapes, members)).toEqual([
      { code: 'GM9101', name: 'Wadden-Oost', d: 'M1,1Z M2,2Z' },
      { code: 'GM0546', name: 'Leiden', d: 'M3,3Z' },
      { code: 'GM0088', name: 'Schiermonnikoog', d: 'M4,4Z' },
    ]);
  });

  it('when one absorbed another, then it keeps its own outline and adds the other one', () => {
    const members = [{ code: 'GM0060', name: 'Ameland', predecessors: ['GM0096'] }];
    expect(registerShapes(shapes, members)).toEqual([{ code: 'GM0060', name: 'Ameland', d: 'M1,1Z M2,2Z' }]);
  });
});

describe('shareRows with a deadline', () => {
  const series = [point('2024-11-01', 0.2, 0.3), point('2024-12-01', 0.21, 0.31)];

  it('when the deadline lies ahead, then the target runs on to 100% on that day, after the forecast rows in time order', () => {
    const rows = shareRows(series, { pace: 20, projectedCompletionYear: 2029, deadline: '2031-01-01' });
    expect(rows.at(-1)).toMatchObject({ date: '2031-01-01', target: 100, actual: null, forecast: null });
    expect(rows.every((r, i) => i === 0 || r.time >= rows[i - 1]!.time)).toBe(true);
  });

  it('when the forecast runs past the deadline, then the deadline row sits among the forecast rows', () => {
    const rows = shareRows(series, { pace: 5, projectedCompletionYear: 2040, deadline: '2031-01-01' });
    const at = rows.findIndex((r) => r.date === '2031-01-01');
    expect(at).toBeGreaterThan(0);
    expect(rows.slice(at + 1).some((r) => r.forecast !== null)).toBe(true);
  });

  it('when the target has already reached 100%, then no row is added', () => {
    const done = [point('2030-11-01', 0.5, 1), point('2030-12-01', 0.5, 1)];
    expect(shareRows(done, { pace: null, projectedCompletionYear: null, deadline: '2030-01-01' })).toHaveLength(2);
  });
});
