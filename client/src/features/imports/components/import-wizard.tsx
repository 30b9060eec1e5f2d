import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { WizardState } from '../hooks/import-wizard-state.ts';
import { useImportWizard } from '../hooks/use-import-wizard.ts';
import { ChooseFileStep } from './choose-file-step.tsx';
import { DoneStep } from './done-step.tsx';
import { ImportProblem } from './import-problem.tsx';
import { ReportStep } from './report-step.tsx';
import { StepList } from './step-list.tsx';
import { TransferProgress } from './transfer-progress.tsx';

type Props = { code: string; municipalityName: string; onCommitted: () => void; onClose: () => void };

/** The sentence the live region speaks: each phase once, never each percent. */
function useAnnouncement(state: WizardState): string {
  const { t } = useTranslation();
  const { transfer, step, report } = state;
  if (transfer?.phase === 'uploading') return t('imports.progress.uploading');
  if (transfer) return t(transfer.mode === 'commit' ? 'imports.progress.committing' : 'imports.progress.checking');
  if (step === 'report' && report) return t('imports.progress.checked', { count: report.errors.length });
  if (step === 'done') return t('imports.progress.committed');
  return '';
}

/** Import a spreadsheet in three steps: choose a file, read the dry run's report, commit. */
export function ImportWizard({ code, municipalityName, onCommitted, onClose }: Props) {
  const { t } = useTranslation();
  const wizard = useImportWizard(code, onCommitted);
  const { state } = wizard;
  const busy = state.transfer !== null;
  const announcement = useAnnouncement(state);
  return (
    <section className="tm-panel tm-wizard" aria-labelledby="import-title" aria-busy={busy}>
      <div className="tm-drawer__head">
        <Heading2 id="import-title">{t('imports.title')}</Heading2>
        {/* A commit cannot be called back once sent; the wizard stays until it answers, so the page learns of it. */}
        <Button appearance="subtle-button" disabled={state.transfer?.mode === 'commit'} onClick={onClose}>
          {t('imports.close')}
        </Button>
      </div>
      <StepList step={state.step} />
      <Paragraph role="status" aria-live="polite" className="tm-wizard__status">
        {announcement}
      </Paragraph>
      {state.transfer && <TransferProgress transfer={state.transfer} />}
      {state.error !== null && <ImportProblem error={state.error} />}
      {state.step === 'choose' && (
        <ChooseFileStep file={state.file} busy={busy} onChoose={wizard.choose} onCheck={() => void wizard.check()} />
      )}
      {state.step === 'report' && state.report && state.file && (
        <ReportStep
          fileName={state.file.name}
          report={state.report}
          phaseOutMissing={state.phaseOutMissing}
          onlyValid={state.onlyValid}
          busy={busy}
          onPhaseOutMissing={wizard.setPhaseOutMissing}
          onOnlyValid={wizard.setOnlyValid}
          onCommit={() => void wizard.commit()}
          onChooseAgain={wizard.restart}
        />
      )}
      {state.step === 'done' && state.report && (
        <DoneStep code={code} municipalityName={municipalityName} report={state.report} onRestart={wizard.restart} onUndone={onCommitted} />
      )}
    </section>
  );
}
