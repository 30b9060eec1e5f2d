import { useTranslation } from 'react-i18next';
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { AppLink } from '../../components/ui/router-link.tsx';
import { isSteward, useSession } from '../../features/accounts/api/session.ts';
import { DeclinedSuggestions } from '../../features/catalogue/components/declined-suggestions.tsx';
import { PossibleDuplicates } from '../../features/catalogue/components/possible-duplicates.tsx';
import { UnassessedVersions } from '../../features/catalogue/components/unassessed-versions.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { CATALOGUE_WORK_PATH } from '../paths.ts';

/**
 * Catalogus (PRODUCT §9): the steward's work list. The versions to judge first, the products that may be one, and
 * the verdicts municipalities declined; for stewards only (the API answers others 403).
 */
export function CatalogueWorkPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalogueWork.title'));
  const session = useSession();
  return (
    <>
      <Heading1>{t('catalogueWork.title')}</Heading1>
      {session.isPending ? (
        <Skeleton />
      ) : session.isError ? (
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      ) : !isSteward(session.data) ? (
        <Alert type="warning">
          <Paragraph>
            {session.data ? (
              t('catalogueWork.stewardsOnly')
            ) : (
              <AppLink href={`/inloggen?terug=${CATALOGUE_WORK_PATH}`}>{t('catalogueWork.logIn')}</AppLink>
            )}
          </Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('catalogueWork.intro')}</Paragraph>
          <UnassessedVersions />
          <PossibleDuplicates />
          <DeclinedSuggestions />
        </>
      )}
    </>
  );
}
