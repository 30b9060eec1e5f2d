import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { FormField, FormLabel, Heading1, Paragraph, Textbox } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { useMunicipalities } from '../../features/municipalities/api/get-municipalities.ts';
import { MunicipalityTable } from '../../features/municipalities/components/municipality-table.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

export function MunicipalitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('municipality.listTitle'));
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const municipalities = useMunicipalities();
  return (
    <>
      <Heading1>{t('municipality.listTitle')}</Heading1>
      <Paragraph>{t('municipality.listIntro')}</Paragraph>
      <FormField>
        <FormLabel htmlFor="municipality-filter">{t('municipality.filter')}</FormLabel>
        <Textbox
          id="municipality-filter"
          type="search"
          value={query}
          onChange={(e) => setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })}
        />
      </FormField>
      {municipalities.isPending ? (
        <Skeleton lines={10} />
      ) : municipalities.isError ? (
        <ErrorState error={municipalities.error} onRetry={() => void municipalities.refetch()} />
      ) : (
        <MunicipalityTable items={municipalities.data.items} query={query} caption={t('municipality.listTitle')} />
      )}
    </>
  );
}
