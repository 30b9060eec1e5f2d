import type { ImportReport } from '@tm/shared/schemas/import';

export type ImportMode = ImportReport['mode'];

/** 1 choose a file, 2 read the dry run's report, 3 the committed import's result. */
export type WizardStep = 'choose' | 'report' | 'done';

/** A request under way: first the file travels (fraction sent, when the browser knows it), then the server works. */
export type Transfer = { mode: ImportMode; phase: 'uploading'; fraction: number | null } | { mode: ImportMode; phase: 'processing' };

export type WizardState = {
  step: WizardStep;
  file: File | null;
  /** The dry run's report on step 2, the commit's on step 3. */
  report: ImportReport | null;
  /** Mark the applications the file no longer lists as phased out when committing. */
  phaseOutMissing: boolean;
  /** Commit the applications without errors and leave the others out, instead of all or nothing. */
  onlyValid: boolean;
  transfer: Transfer | null;
  /** Why the last request failed (an ApiError or a network error); cleared by the next one. */
  error: unknown;
};

export type WizardAction =
  | { type: 'choose'; file: File | null }
  | { type: 'start'; mode: ImportMode }
  | { type: 'progress'; fraction: number }
  | { type: 'uploaded' }
  | { type: 'succeed'; report: ImportReport }
  | { type: 'fail'; error: unknown }
  /** The server refused the commit and sent the report of why: back to reading it, with the refusal above it. */
  | { type: 'refuse'; report: ImportReport; error: unknown }
  | { type: 'phaseOutMissing'; value: boolean }
  | { type: 'onlyValid'; value: boolean }
  | { type: 'restart' };

export const initialWizardState: WizardState = {
  step: 'choose',
  file: null,
  report: null,
  phaseOutMissing: false,
  onlyValid: false,
  transfer: null,
  error: null,
};

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'choose':
      // Another file makes the previous report meaningless: back to step 1 with it.
      return { ...initialWizardState, file: action.file };
    case 'start':
      return { ...state, transfer: { mode: action.mode, phase: 'uploading', fraction: null }, error: null };
    case 'progress':
      return state.transfer?.phase === 'uploading' ? { ...state, transfer: { ...state.transfer, fraction: action.fraction } } : state;
    case 'uploaded':
      return state.transfer ? { ...state, transfer: { mode: state.transfer.mode, phase: 'processing' } } : state;
    case 'succeed':
      // A commit the server refused comes back as a report with errors: the user is back at reading the report.
      return { ...state, transfer: null, error: null, report: action.report, step: action.report.committed ? 'done' : 'report' };
    case 'fail':
      return { ...state, transfer: null, error: action.error };
    case 'refuse':
      return { ...state, transfer: null, error: action.error, report: action.report, step: 'report' };
    case 'phaseOutMissing':
      return { ...state, phaseOutMissing: action.value };
    case 'onlyValid':
      return { ...state, onlyValid: action.value };
    case 'restart':
      return initialWizardState;
  }
}

/** What the commit would change; nothing to change is nothing to commit. */
export function changesOf(report: ImportReport, phaseOutMissing: boolean): number {
  return report.created + report.updated + (phaseOutMissing ? report.missing.length : 0);
}

export function canCheck(state: WizardState): boolean {
  return state.file !== null && state.transfer === null;
}

/**
 * Why a report cannot be committed as chosen: errors in the file unless only the valid rows are to be imported, or
 * nothing to change.
 */
export function commitBlocked(report: ImportReport, phaseOutMissing: boolean, onlyValid: boolean): boolean {
  return (report.errors.length > 0 && !onlyValid) || changesOf(report, phaseOutMissing) === 0;
}

export function canCommit(state: WizardState): boolean {
  const { report } = state;
  return state.step === 'report' && state.transfer === null && report !== null && !commitBlocked(report, state.phaseOutMissing, state.onlyValid);
}
