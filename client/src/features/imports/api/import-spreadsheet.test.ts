import { describe, expect, it } from 'vitest';
import type { Problem } from '@tm/shared/schemas/problem';
import { ApiError } from '../../../lib/api.ts';
import { importReport } from '../../../test/fixtures/import-report.ts';
import { reportOfRefusedCommit } from './import-spreadsheet.ts';

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new ApiError({ type: 'about:blank', title: 'x', status, detail: 'x', ...extra } as Problem);

describe('reportOfRefusedCommit', () => {
  it('when a commit is refused with its report, then that report is read from the problem', () => {
    const report = importReport({ mode: 'commit', errors: [{ row: 4, column: 'Naam', message: 'Required' }] });
    expect(reportOfRefusedCommit(problem(422, report))).toMatchObject(report);
  });

  it.each([
    ['a 422 for a file that cannot be read', problem(422)],
    ['a 413', problem(413)],
    ['a network failure', new TypeError('Network error')],
  ])('when the failure is %s, then there is no report to show', (_case, error) => {
    expect(reportOfRefusedCommit(error)).toBeNull();
  });
});
