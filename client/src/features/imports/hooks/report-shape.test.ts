import { describe, expect, it } from 'vitest';
import type { ImportError } from '@tm/shared/schemas/import';
import { importReport } from '../../../test/fixtures/import-report.ts';
import { reportCounts, rowsWithErrors, shownErrors } from './report-shape.ts';

const base = importReport({ rows: 4, applications: 4, created: 3, updated: 1 });

describe('reportCounts', () => {
  it('when nothing is unusual, then rows, new, changed and unchanged show, in that order', () => {
    expect(reportCounts(base)).toEqual([
      { key: 'rows', value: 4 },
      { key: 'created', value: 3 },
      { key: 'updated', value: 1 },
      { key: 'unchanged', value: 0 },
    ]);
  });

  it('when rows merged, applications came in as legacy and some are missing or phased out, then those figures show too', () => {
    const missing = [{ id: crypto.randomUUID(), name: 'Oud', vendor: null }];
    const keys = reportCounts({ ...base, rows: 6, defaultedToLegacy: 2, missing, phasedOut: 1 }).map((c) => c.key);
    expect(keys).toEqual(['rows', 'applications', 'created', 'updated', 'unchanged', 'defaultedToLegacy', 'missing', 'phasedOut']);
  });
});

describe('the error table', () => {
  const errors: ImportError[] = Array.from({ length: 105 }, (_, i) => ({ row: 2 + Math.floor(i / 3), column: i % 3 ? 'Status' : null, message: 'Required' }));

  it('when there are more errors than the table shows, then it says how many more', () => {
    const { shown, hidden } = shownErrors(errors);
    expect(shown).toHaveLength(100);
    expect(hidden).toBe(5);
    expect(shownErrors(errors.slice(0, 3)).hidden).toBe(0);
  });

  it('when one row has several errors, then it counts as one row', () => {
    expect(rowsWithErrors(errors.slice(0, 4))).toBe(2);
  });
});
