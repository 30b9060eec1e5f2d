import { describe, expect, it } from 'vitest';
import { importReport as report } from '../../../test/fixtures/import-report.ts';
import { canCheck, canCommit, initialWizardState, wizardReducer, type WizardAction, type WizardState } from './import-wizard-state.ts';

const file = new File(['Naam\nZaaksysteem\n'], 'inventaris.csv', { type: 'text/csv' });

const run = (actions: WizardAction[], from: WizardState = initialWizardState) => actions.reduce(wizardReducer, from);

describe('the import wizard steps', () => {
  it('when a file is chosen, then it can be checked, and not before', () => {
    expect(canCheck(initialWizardState)).toBe(false);
    expect(canCheck(run([{ type: 'choose', file }]))).toBe(true);
  });

  it('when a dry run goes out, then the bar follows the bytes, turns to processing, and the report opens step 2', () => {
    const sending = run([{ type: 'choose', file }, { type: 'start', mode: 'dry-run' }, { type: 'progress', fraction: 0.4 }]);
    expect(sending.transfer).toEqual({ mode: 'dry-run', phase: 'uploading', fraction: 0.4 });
    expect(canCheck(sending)).toBe(false);
    const processing = run([{ type: 'uploaded' }, { type: 'progress', fraction: 0.9 }], sending);
    expect(processing.transfer).toEqual({ mode: 'dry-run', phase: 'processing' });
    const checked = run([{ type: 'succeed', report: report() }], processing);
    expect(checked).toMatchObject({ step: 'report', transfer: null, file });
  });

  it.each([
    ['errors in the file', report({ errors: [{ row: 3, column: 'Status', message: 'Unknown value' }] }), false, false],
    ['nothing to change', report({ created: 0, unchanged: 2 }), false, false],
    ['only missing applications, left alone', report({ created: 0, unchanged: 1, missing: [{ id: crypto.randomUUID(), name: 'Oud', vendor: null }] }), false, false],
    ['only missing applications, to be phased out', report({ created: 0, unchanged: 1, missing: [{ id: crypto.randomUUID(), name: 'Oud', vendor: null }] }), true, true],
    ['new applications and no errors', report(), false, true],
  ])('when the report has %s, then committing is allowed: %s', (_case, dryRun, phaseOut, allowed) => {
    const state = run([{ type: 'choose', file }, { type: 'start', mode: 'dry-run' }, { type: 'succeed', report: dryRun }, { type: 'phaseOutMissing', value: phaseOut }]);
    expect(canCommit(state)).toBe(allowed);
  });

  it('when the commit is under way, then it cannot be sent twice', () => {
    const state = run([{ type: 'choose', file }, { type: 'start', mode: 'dry-run' }, { type: 'succeed', report: report() }, { type: 'start', mode: 'commit' }]);
    expect(canCommit(state)).toBe(false);
  });

  it('when the commit succeeds, then step 3 shows its report', () => {
    const committed = report({ mode: 'commit', committed: true });
    const state = run([{ type: 'choose', file }, { type: 'start', mode: 'dry-run' }, { type: 'succeed', report: report() }, { type: 'start', mode: 'commit' }, { type: 'succeed', report: committed }]);
    expect(state).toMatchObject({ step: 'done', report: committed, transfer: null });
  });

  it('when the server refuses the commit with a report, then the user is back at reading step 2 with its errors', () => {
    const refused = report({ mode: 'commit', errors: [{ row: 2, column: 'Naam', message: 'Required' }] });
    const error = new Error('refused');
    const state = run([{ type: 'choose', file }, { type: 'start', mode: 'dry-run' }, { type: 'succeed', report: report() }, { type: 'start', mode: 'commit' }, { type: 'refuse', report: refused, error }]);
    expect(state).toMatchObject({ step: 'report', report: refused, error, transfer: null });
    expect(canCommit(state)).toBe(false);
  });

  it('when the file has errors and the reader chooses to import only the valid rows, then committing is allowed', () => {
    const withErrors = report({ created: 1, skipped: 1, errors: [{ row: 3, column: 'Status', message: 'Onbekende waarde' }] });
    const checked = run([{ type: 'choose', file }, { type: 'start', mode: 'dry-run' }, { type: 'succeed', report: withErrors }]);
    expect(canCommit(checked)).toBe(false);
    expect(canCommit(run([{ type: 'onlyValid', value: true }], checked))).toBe(true);
    const nothingValid = run([{ type: 'succeed', report: { ...withErrors, created: 0 } }, { type: 'onlyValid', value: true }], checked);
    expect(canCommit(nothingValid)).toBe(false);
  });

  it('when a request fails, then the step stays, the error shows, and the next attempt clears it', () => {
    const error = new Error('offline');
    const failed = run([{ type: 'choose', file }, { type: 'start', mode: 'dry-run' }, { type: 'fail', error }]);
    expect(failed).toMatchObject({ step: 'choose', transfer: null, error, file });
    expect(run([{ type: 'start', mode: 'dry-run' }], failed).error).toBeNull();
  });

  it('when another file is chosen after a report, then the wizard is back at step 1 with only that file', () => {
    const other = new File(['x'], 'verbeterd.csv');
    const state = run([{ type: 'choose', file }, { type: 'start', mode: 'dry-run' }, { type: 'succeed', report: report() }, { type: 'phaseOutMissing', value: true }, { type: 'choose', file: other }]);
    expect(state).toEqual({ ...initialWizardState, file: other });
  });
});
