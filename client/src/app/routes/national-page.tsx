import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { EmptyState, ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { InTurn } from '../../components/ui/in-turn.tsx';
import { AppLink } from '../../components/ui/router-link.tsx';
import { useSession } from '../../features/accounts/api/session.ts';
import { productPath } from '../../features/catalogue/product-path.ts';
import { BlockingProductsPanel } from '../../features/collective/components/blocking-products-panel.tsx';
import { CoalitionsOverview } from '../../features/collective/components/coalitions-overview.tsx';
import { useMapShapes } from '../../features/progress/api/get-map-shapes.ts';
import { useNationalProgress } from '../../features/progress/api/get-national-progress.ts';
import { reportUrl } from '../../features/progress/api/report-url.ts';
import { MeasureControls } from '../../features/progress/components/measure-controls.tsx';
import { NationalDashboard } from '../../features/progress/components/national-dashboard.tsx';
import { useGroupParams } from '../../features/progress/hooks/use-group-params.ts';
import { useGroupTitle } from '../../features/progress/hooks/use-group-title.ts';
import { useProgressParams } from '../../features/progress/hooks/use-progress-params.ts';
import { useTargetLabel } from '../../features/progress/hooks/use-target-label.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

/** The national picture, or the same dashboard for a province or size class (`?provincie=`, `?grootteklasse=`). */
export function NationalPage() {
  const { t, i18n } = useTranslation();
  const params = useProgressParams();
  const { group, isGroup, nationalHref } = useGroupParams();
  const title = useGroupTitle(group) ?? t('app.nav.national');
  usePageTitle(title);
  const progress = useNationalProgress({ measure: params.measure, knownAt: params.knownAt, ...group });
  // The figures arrive as an urgent update; drawn from a deferred copy, the dashboard renders in slices that leave
  // the main thread free in between, where at once it was the longest task of the page's load.
  const figures = useDeferredValue(progress.data);
  const mapShapes = useMapShapes();
  // Deferred like the figures: each arrives as an urgent update, which would draw the dashboard again in one task.
  const shapes = useDeferredValue(mapShapes.data);
  const mapPending = useDeferredValue(mapShapes.isPending);
  const targetLabel = useDeferredValue(useTargetLabel());
  const signedIn = Boolean(useSession().data?.user);
  return (
    <>
      <Heading1>{title}</Heading1>
      {isGroup ? (
        <Paragraph>
          {t('national.groupIntro')} <AppLink href={nationalHref}>{t('national.backToNational')}</AppLink>
        </Paragraph>
      ) : (
        <Paragraph>{t('national.intro')}</Paragraph>
      )}
      <MeasureControls
        measure={params.measure}
        onMeasure={params.setMeasure}
        knownAt={params.knownDate}
        onKnownAt={params.setKnownDate}
        // The report is the board's national one; a group's figures print from this page.
        {...(isGroup ? {} : { reportHref: reportUrl(undefined, { measure: params.measure, knownDate: params.knownDate, language: i18n.language === 'en' ? 'en' : 'nl' }) })}
      />
      {progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
      ) : figures === undefined ? (
        <Skeleton lines={10} />
      ) : figures.summary.landscapeCount === 0 ? (
        <EmptyState>{isGroup ? t('progress.emptyGroup') : t('progress.emptyNational')}</EmptyState>
      ) : (
        <NationalDashboard data={figures} mapShapes={shapes} mapPending={mapPending} targetLabel={targetLabel} title={title} />
      )}
      {/* Below the first view: drawn in turns after the first commit, which their filters and requests made longer. */}
      <InTurn>
        {/* Keyed by the group, so that opening another group's page starts its filters there. */}
        <BlockingProductsPanel key={`${group.province ?? ''}-${group.sizeClass ?? ''}`} productHref={productPath} group={group} />
      </InTurn>
      <InTurn>
        <CoalitionsOverview signedIn={signedIn} productHref={productPath} />
      </InTurn>
    </>
  );
}
