import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { FormField, FormLabel, Heading1, Paragraph, Textbox } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { useMunicipalities } from '../../features/municipalities/api/get-municipalities.ts';
import { MunicipalityTable } from '../../features/municipalities/components/municipality-table.tsx';
import { formatMunicipalitySort, type MunicipalitySort, parseMunicipalitySort } from '../../features/municipalities/hooks/municipality-order.ts';
import { useNationalProgress } from '../../features/progress/api/get-national-progress.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

/** Every municipality with its share, status and freshness today; filter and sort live in the address. */
export function MunicipalitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('municipality.listTitle'));
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const sort = parseMunicipalitySort(params.get('sort'));
  const municipalities = useMunicipalities();
  // The same figures as the national page: each municipality's share, status and last attestation, today.
  const progress = useNationalProgress({ measure: 'count' });
  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const pending = municipalities.isPending || progress.isPending;
  const failed = municipalities.isError ? municipalities : progress.isError ? progress : undefined;
  return (
    <>
      <Heading1>{t('municipality.listTitle')}</Heading1>
      <Paragraph>{t('municipality.listIntro')}</Paragraph>
      <FormField className="tm-print-hidden">
        <FormLabel htmlFor="municipality-filter">{t('municipality.filter')}</FormLabel>
        <Textbox id="municipality-filter" type="search" value={query} onChange={(e) => setParam('q', e.target.value || undefined)} />
      </FormField>
      {pending ? (
        <Skeleton lines={10} />
      ) : failed ? (
        <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
      ) : (
        <MunicipalityTable
          items={municipalities.data!.items}
          figures={progress.data!.distribution.municipalities}
          query={query}
          caption={t('municipality.listTitle')}
          sort={sort}
          onSort={(next: MunicipalitySort) => setParam('sort', formatMunicipalitySort(next))}
        />
      )}
    </>
  );
}
