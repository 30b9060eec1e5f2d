import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { ImportReport, ImportUndoResult } from '@tm/shared/schemas/import';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { undoImport } from '../api/import-spreadsheet.ts';
import { ImportProblem } from './import-problem.tsx';
import { ReportCounts } from './report-counts.tsx';
import { StepHeading } from './step-heading.tsx';

type Props = { code: string; municipalityName: string; report: ImportReport; onRestart: () => void; onUndone: () => void };

type Undo = { state: 'idle' | 'busy' } | { state: 'done'; result: ImportUndoResult } | { state: 'failed'; error: unknown };

/** Step 3: what the import did, where to look next, and undoing it as one step while nothing changed since. */
export function DoneStep({ code, municipalityName, report, onRestart, onUndone }: Props) {
  const { t } = useTranslation();
  const [undo, setUndo] = useState<Undo>({ state: 'idle' });
  const importId = report.importId;
  const undoNow = async () => {
    if (!importId) return;
    setUndo({ state: 'busy' });
    try {
      setUndo({ state: 'done', result: await undoImport(code, importId) });
      onUndone();
    } catch (error) {
      setUndo({ state: 'failed', error });
    }
  };
  return (
    <div>
      <StepHeading>{t('imports.done.heading')}</StepHeading>
      {undo.state === 'done' ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('imports.undo.done', { deleted: undo.result.deleted, restored: undo.result.restored })}</Paragraph>
        </Alert>
      ) : (
        <Alert type="ok">
          <Paragraph>{t('imports.done.summary', { name: municipalityName })}</Paragraph>
        </Alert>
      )}
      <ReportCounts report={report} />
      {undo.state === 'failed' && <ImportProblem error={undo.error} />}
      {importId && undo.state !== 'done' && <Paragraph id="import-undo-hint">{t('imports.undo.hint')}</Paragraph>}
      <div className="tm-actions">
        <AppLink href={`/gemeenten/${code}`}>{t('imports.done.dashboard', { name: municipalityName })}</AppLink>
        {importId && undo.state !== 'done' && (
          <Button appearance="secondary-action-button" busy={undo.state === 'busy'} disabled={undo.state === 'busy'} aria-describedby="import-undo-hint" onClick={() => void undoNow()}>
            {t('imports.undo.button')}
          </Button>
        )}
        <Button appearance="secondary-action-button" onClick={onRestart}>
          {t('imports.done.another')}
        </Button>
      </div>
    </div>
  );
}
