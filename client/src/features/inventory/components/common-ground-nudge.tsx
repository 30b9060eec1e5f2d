import { useTranslation } from 'react-i18next';
import { Alert, Button, Link, Paragraph } from '@utrecht/component-library-react';

type Props = {
  /** The planned replacement year as the form holds it ('' when none). */
  plannedYear: string;
  criteriaTicked: boolean;
  /** The first criterion's checkbox. */
  criteriaHref: string;
  onClearYear: () => void;
};

/**
 * Beside a Common Ground status: a planned replacement year has lost its point (offer to clear it), and the verdict
 * rests on criteria nobody ticked yet (ask for them).
 */
export function CommonGroundNudge({ plannedYear, criteriaTicked, criteriaHref, onClearYear }: Props) {
  const { t } = useTranslation();
  if (!plannedYear.trim() && criteriaTicked) return null;
  return (
    <Alert type="info">
      {plannedYear.trim() && (
        <>
          <Paragraph>{t('nudge.yearQuestion', { year: plannedYear.trim() })}</Paragraph>
          <Button type="button" appearance="secondary-action-button" onClick={onClearYear}>
            {t('nudge.clearYearButton')}
          </Button>
        </>
      )}
      {!criteriaTicked && (
        <Paragraph>
          {t('nudge.criteriaQuestion')} <Link href={criteriaHref}>{t('nudge.criteriaLink')}</Link>
        </Paragraph>
      )}
    </Alert>
  );
}
