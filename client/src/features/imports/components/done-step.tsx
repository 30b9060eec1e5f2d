import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { ImportReport } from '@tm/shared/schemas/import';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { ReportCounts } from './report-counts.tsx';
import { StepHeading } from './step-heading.tsx';

type Props = { code: string; municipalityName: string; report: ImportReport; onRestart: () => void };

/** Step 3: what the import did, and where to look next. */
export function DoneStep({ code, municipalityName, report, onRestart }: Props) {
  const { t } = useTranslation();
  return (
    <div>
      <StepHeading>{t('imports.done.heading')}</StepHeading>
      <Alert type="ok">
        <Paragraph>{t('imports.done.summary', { name: municipalityName })}</Paragraph>
      </Alert>
      <ReportCounts report={report} />
      <div className="tm-actions">
        <AppLink href={`/gemeenten/${code}`}>{t('imports.done.dashboard', { name: municipalityName })}</AppLink>
        <Button appearance="secondary-action-button" onClick={onRestart}>
          {t('imports.done.another')}
        </Button>
      </div>
    </div>
  );
}
