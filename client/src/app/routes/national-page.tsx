import { useTranslation } from 'react-i18next';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { EmptyState, ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { productPath } from '../../features/catalogue/product-path.ts';
import { BlockingProductsPanel } from '../../features/collective/components/blocking-products-panel.tsx';
import { CoalitionsOverview } from '../../features/collective/components/coalitions-overview.tsx';
import { useMapShapes } from '../../features/progress/api/get-map-shapes.ts';
import { useNationalProgress } from '../../features/progress/api/get-national-progress.ts';
import { reportUrl } from '../../features/progress/api/report-url.ts';
import { MeasureControls } from '../../features/progress/components/measure-controls.tsx';
import { NationalDashboard } from '../../features/progress/components/national-dashboard.tsx';
import { useProgressParams } from '../../features/progress/hooks/use-progress-params.ts';
import { useTargetLabel } from '../../features/progress/hooks/use-target-label.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useOwnMunicipalities } from './use-own-municipalities.ts';

export function NationalPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('app.nav.national'));
  const params = useProgressParams();
  const progress = useNationalProgress({ measure: params.measure, knownAt: params.knownAt });
  const mapShapes = useMapShapes();
  const targetLabel = useTargetLabel();
  const { signedIn } = useOwnMunicipalities();
  return (
    <>
      <Heading1>{t('app.nav.national')}</Heading1>
      <Paragraph>{t('national.intro')}</Paragraph>
      <MeasureControls
        measure={params.measure}
        onMeasure={params.setMeasure}
        knownAt={params.knownDate}
        onKnownAt={params.setKnownDate}
        reportHref={reportUrl(undefined, { measure: params.measure, knownDate: params.knownDate, language: i18n.language === 'en' ? 'en' : 'nl' })}
      />
      {progress.isPending ? (
        <Skeleton lines={10} />
      ) : progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
      ) : progress.data.summary.landscapeCount === 0 ? (
        <EmptyState>{t('progress.emptyNational')}</EmptyState>
      ) : (
        <NationalDashboard data={progress.data} mapShapes={mapShapes.data} targetLabel={targetLabel} />
      )}
      <BlockingProductsPanel productHref={productPath} />
      <CoalitionsOverview signedIn={signedIn} productHref={productPath} />
    </>
  );
}
