import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { EmptyState, ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { AppLink } from '../../components/ui/router-link.tsx';
import { canEdit, useSession } from '../../features/accounts/api/session.ts';
import { AttestationStatus } from '../../features/attestations/components/attestation-status.tsx';
import { productPath } from '../../features/catalogue/product-path.ts';
import { useCoalitions } from '../../features/collective/api/get-coalitions.ts';
import { MunicipalityCoalitions } from '../../features/collective/components/municipality-coalitions.tsx';
import { useMunicipality } from '../../features/municipalities/api/get-municipality.ts';
import { MergedNotice } from '../../features/municipalities/components/merged-notice.tsx';
import { useMunicipalityProgress } from '../../features/progress/api/get-municipality-progress.ts';
import { reportUrl } from '../../features/progress/api/report-url.ts';
import { MeasureControls } from '../../features/progress/components/measure-controls.tsx';
import { MunicipalityDashboard } from '../../features/progress/components/municipality-dashboard.tsx';
import { useProgressParams } from '../../features/progress/hooks/use-progress-params.ts';
import { useTargetLabel } from '../../features/progress/hooks/use-target-label.ts';
import { municipalityFacts } from '../../features/municipalities/lib/municipality-facts.ts';
import { SuggestionsNotice } from '../../features/suggestions/components/suggestions-notice.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

export function MunicipalityPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const code = useParams().code ?? '';
  const municipality = useMunicipality(code);
  const params = useProgressParams();
  const progress = useMunicipalityProgress(code, { measure: params.measure, knownAt: params.knownAt });
  // Drawn from a deferred copy, in slices, as on the national page.
  const figures = useDeferredValue(progress.data);
  // Deferred like the figures, so that its arrival does not draw the dashboard again in one task.
  const targetLabel = useDeferredValue(useTargetLabel());
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const coalitions = useCoalitions({ municipalityCode: code, pageSize: 50 }, { enabled: signedIn });
  const planMarks = useMemo(
    () => coalitions.data?.items.map((c) => ({ year: c.targetYear, label: t('collective.municipality.planMark', { name: c.name }) })),
    [coalitions.data, t],
  );
  usePageTitle(municipality.data?.name ?? code);
  // The page's own lines arrive with the municipality, as an urgent update like the figures' (see NationalPage).
  const m = useDeferredValue(municipality.data);
  if (municipality.isError)
    return <ErrorState error={municipality.error} onRetry={() => void municipality.refetch()} notFound={t('municipality.notFound', { code })} />;
  if (m === undefined) return <Skeleton lines={4} />;
  return (
    <>
      <Heading1>{m.name}</Heading1>
      <MergedNotice municipality={m} />
      <Paragraph>{municipalityFacts(m, { t, f })}</Paragraph>
      <MunicipalityCoalitions code={m.code} name={m.name} signedIn={signedIn} productHref={productPath} />
      <AttestationStatus code={m.code} name={m.name} params={{ measure: params.measure, knownAt: params.knownAt }} />
      <SuggestionsNotice code={m.code} editable={!m.mergedInto && canEdit(session.data, m.code)} />
      {/* A municipality that merged away has no inventory or peers of its own any more: they are its successor's. */}
      {!m.mergedInto && (
        <Paragraph className="tm-actions">
          <AppLink href={`/gemeenten/${m.code}/inventaris`}>{t('municipality.inventoryLink')}</AppLink>
          <AppLink href={`/gemeenten/${m.code}/vergelijken`}>{t('municipality.peersLink')}</AppLink>
        </Paragraph>
      )}
      <MeasureControls
        measure={params.measure}
        onMeasure={params.setMeasure}
        knownAt={params.knownDate}
        onKnownAt={params.setKnownDate}
        reportHref={reportUrl(m.code, { measure: params.measure, knownDate: params.knownDate, language: i18n.language === 'en' ? 'en' : 'nl' })}
      />
      {progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
      ) : figures === undefined ? (
        <Skeleton lines={10} />
      ) : figures.summary.landscapeCount === 0 ? (
        <EmptyState>{t('progress.emptyMunicipality')}</EmptyState>
      ) : (
        <MunicipalityDashboard data={figures} targetLabel={targetLabel} name={m.name} planMarks={planMarks} />
      )}
    </>
  );
}
