import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { AppLink } from '../../components/ui/router-link.tsx';
import { useMunicipality } from '../../features/municipalities/api/get-municipality.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

export function MunicipalityPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const code = useParams().code ?? '';
  const municipality = useMunicipality(code);
  usePageTitle(municipality.data?.name ?? code);
  if (municipality.isPending) return <Skeleton lines={4} />;
  if (municipality.isError)
    return <ErrorState error={municipality.error} onRetry={() => void municipality.refetch()} notFound={t('municipality.notFound', { code })} />;
  const m = municipality.data;
  return (
    <>
      <Heading1>{m.name}</Heading1>
      <Paragraph>
        {m.province} · {t('municipality.sizeClass', { label: t(`sizeClasses.${m.sizeClass}`) })} ·{' '}
        {t('municipality.inhabitants', { count: m.population, formatted: f.integer(m.population) })}
      </Paragraph>
      <Paragraph className="tm-actions">
        <AppLink href={`/gemeenten/${m.code}/inventaris`}>{t('municipality.inventoryLink')}</AppLink>
      </Paragraph>
    </>
  );
}
