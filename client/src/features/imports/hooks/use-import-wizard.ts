import { useCallback, useEffect, useReducer, useRef } from 'react';
import { importSpreadsheet, reportOfRefusedCommit } from '../api/import-spreadsheet.ts';
import { canCheck, canCommit, initialWizardState, wizardReducer, type ImportMode } from './import-wizard-state.ts';

/**
 * The wizard's steps and its requests: a dry run for the chosen file, then the commit of that same file.
 * `onCommitted` runs once the inventory has changed, so the page can refresh what depends on it.
 */
export function useImportWizard(code: string, onCommitted: () => void) {
  const [state, dispatch] = useReducer(wizardReducer, initialWizardState);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => () => inFlight.current?.abort(), []);

  const send = useCallback(
    async (mode: ImportMode) => {
      const { file } = state;
      if (!file) return;
      const controller = new AbortController();
      inFlight.current = controller;
      dispatch({ type: 'start', mode });
      try {
        const report = await importSpreadsheet(
          code,
          file,
          {
            mode,
            missing: mode === 'commit' && state.phaseOutMissing ? 'phase-out' : 'report',
            invalid: mode === 'commit' && state.onlyValid ? 'skip' : 'refuse',
          },
          {
            onUploadProgress: ({ loaded, total }) => dispatch({ type: 'progress', fraction: total > 0 ? loaded / total : 0 }),
            onUploaded: () => dispatch({ type: 'uploaded' }),
            signal: controller.signal,
          },
        );
        dispatch({ type: 'succeed', report });
        if (report.committed) onCommitted();
      } catch (error) {
        if (controller.signal.aborted) return;
        const refused = reportOfRefusedCommit(error);
        dispatch(refused ? { type: 'refuse', report: refused, error } : { type: 'fail', error });
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
      }
    },
    [code, onCommitted, state],
  );

  return {
    state,
    choose: (file: File | null) => dispatch({ type: 'choose', file }),
    setPhaseOutMissing: (value: boolean) => dispatch({ type: 'phaseOutMissing', value }),
    setOnlyValid: (value: boolean) => dispatch({ type: 'onlyValid', value }),
    restart: () => dispatch({ type: 'restart' }),
    check: () => (canCheck(state) ? send('dry-run') : undefined),
    commit: () => (canCommit(state) ? send('commit') : undefined),
  };
}
