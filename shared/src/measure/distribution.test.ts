import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completenessOf, countCompleteness } from './completeness.ts';
import { histogram, quartiles, ranks } from './distribution.ts';

describe('distribution', () => {
  it.each([
    [[], { q1: null, median: null, q3: null }],
    [[0.4], { q1: 0.4, median: 0.4, q3: 0.4 }],
    [[0.1, 0.2, 0.3, 0.4, 0.5], { q1: 0.2, median: 0.3, q3: 0.4 }],
    [[0.4, null, 0.1, 0.2, 0.3], { q1: 0.175, median: 0.25, q3: 0.325 }],
  ])('when the shares are %j, then the quartiles are %j', (values, expected) => {
    const q = quartiles(values);
    for (const key of ['q1', 'median', 'q3'] as const) {
      if (expected[key] === null) expect(q[key]).toBeNull();
      else expect(q[key]).toBeCloseTo(expected[key], 12);
    }
  });

  it('when any shares are summarised, then q1 ≤ median ≤ q3 within the range, and the histogram counts each once', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null })), (values) => {
        const known = values.filter((v) => v !== null);
        const q = quartiles(values);
        if (known.length === 0) return;
        expect(q.q1!).toBeLessThanOrEqual(q.median!);
        expect(q.median!).toBeLessThanOrEqual(q.q3!);
        expect(q.q1!).toBeGreaterThanOrEqual(Math.min(...known));
        expect(q.q3!).toBeLessThanOrEqual(Math.max(...known));
        expect(histogram(values).reduce((s, b) => s + b.count, 0)).toBe(known.length);
      }),
    );
  });

  it('when shares tie, then they share a rank and the next rank skips', () => {
    expect(ranks([0.5, 0.8, 0.5, null, 0.1])).toEqual([2, 1, 2, null, 4]);
  });

  it('when applications miss fields, then completeness counts what each measure needs', () => {
    const apps = [
      { referenceComponentCount: 1, layer: 'data' as const, status: 'compliant' as const, plannedReplacementYear: null, annualCost: null },
      { referenceComponentCount: 1, layer: 'data' as const, status: 'legacy' as const, plannedReplacementYear: 2027, annualCost: 10 },
      { referenceComponentCount: 0, layer: 'data' as const, status: 'legacy' as const, plannedReplacementYear: 2027, annualCost: 10 },
      { referenceComponentCount: 2, layer: null, status: 'in_transition' as const, plannedReplacementYear: null, annualCost: 5 },
    ];
    expect(completenessOf(countCompleteness(apps, 'count'))).toEqual({
      score: 0.5,
      applicationCount: 4,
      withReferenceComponent: 3,
      withLayer: 3,
      legacyCount: 3,
      legacyWithPlannedYear: 2,
      withAnnualCost: 3,
    });
    expect(completenessOf(countCompleteness(apps, 'cost')).score).toBe(0.25);
    expect(completenessOf(countCompleteness([], 'count')).score).toBeNull();
  });
});
