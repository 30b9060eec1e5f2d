import { useTranslation } from 'react-i18next';
import { Heading1, Heading2 } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { useMunicipalities } from '../../features/municipalities/api/get-municipalities.ts';
import { MunicipalityTable } from '../../features/municipalities/components/municipality-table.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

export function AdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.nav.admin'));
  const municipalities = useMunicipalities();
  return (
    <>
      <Heading1>{t('app.nav.admin')}</Heading1>
      <Heading2>{t('admin.register')}</Heading2>
      {municipalities.isPending ? (
        <Skeleton lines={8} />
      ) : municipalities.isError ? (
        <ErrorState error={municipalities.error} onRetry={() => void municipalities.refetch()} />
      ) : (
        <MunicipalityTable items={municipalities.data.items} query="" caption={t('admin.register')} />
      )}
    </>
  );
}
