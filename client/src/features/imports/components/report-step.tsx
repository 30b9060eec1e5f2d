import { useTranslation } from 'react-i18next';
import { Button, Checkbox, FormLabel, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ImportReport } from '@tm/shared/schemas/import';
import { useFormat } from '../../../lib/format.ts';
import { changesOf, commitBlocked } from '../hooks/import-wizard-state.ts';
import { RadioGroupField } from '../../../components/ui/choice-group.tsx';
import { ReportChanges } from './report-changes.tsx';
import { ReportCounts } from './report-counts.tsx';
import { ReportErrors } from './report-errors.tsx';
import { StepHeading } from './step-heading.tsx';

type Props = {
  fileName: string;
  report: ImportReport;
  phaseOutMissing: boolean;
  onlyValid: boolean;
  busy: boolean;
  onPhaseOutMissing: (value: boolean) => void;
  onOnlyValid: (value: boolean) => void;
  onCommit: () => void;
  onChooseAgain: () => void;
};

/**
 * Step 2: what the file would change, field by field, every error by row and column, and the commit: once there are
 * no errors, or of only the valid rows when the reader chooses so.
 */
export function ReportStep({ fileName, report, phaseOutMissing, onlyValid, busy, onPhaseOutMissing, onOnlyValid, onCommit, onChooseAgain }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const errors = report.errors.length > 0;
  const missing = report.missing.length;
  return (
    <div>
      <StepHeading>{t('imports.report.heading')}</StepHeading>
      <Paragraph>{t('imports.report.file', { name: fileName })}</Paragraph>
      <ReportCounts report={report} />
      <ReportChanges changes={report.changes} />
      {report.ignoredColumns.length > 0 && <Paragraph>{t('imports.report.ignoredColumns', { columns: report.ignoredColumns.join(', ') })}</Paragraph>}
      {report.ignoredElements && report.ignoredElements.length > 0 && (
        <Paragraph>
          {t('imports.report.ignoredElements', { elements: report.ignoredElements.map((e) => `${e.type} (${f.integer(e.count)})`).join(', ') })}
        </Paragraph>
      )}
      {errors ? (
        <ReportErrors errors={report.errors} filename={fileName.replace(/\.[^.]+$/, '')} />
      ) : (
        <Paragraph>{t('imports.report.noErrors')}</Paragraph>
      )}
      {missing > 0 && (
        <details className="tm-details">
          <summary>{t('imports.report.missingTitle', { count: missing })}</summary>
          <Paragraph>{t('imports.report.missingIntro')}</Paragraph>
          <UnorderedList>
            {report.missing.map((app) => (
              <UnorderedListItem key={app.id}>{app.vendor ? `${app.name} (${app.vendor})` : app.name}</UnorderedListItem>
            ))}
          </UnorderedList>
        </details>
      )}
      {errors && changesOf(report, false) > 0 && (
        <RadioGroupField
          id="import-invalid"
          legend={t('imports.report.invalidLegend')}
          choices={[
            { value: 'refuse', label: t('imports.report.allOrNothing') },
            { value: 'skip', label: t('imports.report.onlyValid', { count: report.skipped }) },
          ]}
          value={onlyValid ? 'skip' : 'refuse'}
          onChange={(value) => onOnlyValid(value === 'skip')}
        />
      )}
      {missing > 0 && (!errors || onlyValid) && (
        <div className="tm-check">
          <Checkbox id="import-phase-out" checked={phaseOutMissing} onChange={(event) => onPhaseOutMissing(event.target.checked)} />{' '}
          <FormLabel htmlFor="import-phase-out" type="checkbox">
            {t('imports.report.phaseOutMissing', { count: missing })}
          </FormLabel>
        </div>
      )}
      {!errors && changesOf(report, phaseOutMissing) === 0 && <Paragraph>{t('imports.report.nothingToDo')}</Paragraph>}
      <Paragraph id="import-commit-hint">
        {!errors ? t('imports.report.commitHint') : onlyValid ? t('imports.report.commitValidHint') : t('imports.report.commitBlocked')}
      </Paragraph>
      <div className="tm-actions">
        <Button appearance="primary-action-button" disabled={commitBlocked(report, phaseOutMissing, onlyValid)} busy={busy} aria-describedby="import-commit-hint" onClick={onCommit}>
          {errors && onlyValid ? t('imports.report.commitValid') : t('imports.report.commit')}
        </Button>
        <Button appearance="secondary-action-button" disabled={busy} onClick={onChooseAgain}>
          {t('imports.report.chooseAgain')}
        </Button>
      </div>
    </div>
  );
}
