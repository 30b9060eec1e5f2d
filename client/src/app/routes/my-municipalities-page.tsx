import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { AppLink } from '../../components/ui/router-link.tsx';
import { useShareText } from '../../components/ui/share-text.tsx';
import { StatusLabel } from '../../components/ui/status-label.tsx';
import { editedMunicipalities, useSession } from '../../features/accounts/api/session.ts';
import { useMunicipality } from '../../features/municipalities/api/get-municipality.ts';
import { useMunicipalityProgress } from '../../features/progress/api/get-municipality-progress.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { MY_MUNICIPALITIES_PATH } from '../paths.ts';

/** One municipality the editor works for: where it stands, and the ways into its screens. */
function MunicipalityCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const shareText = useShareText();
  const municipality = useMunicipality(code);
  const progress = useMunicipalityProgress(code, { measure: 'count' });
  const summary = progress.data?.summary;
  const name = municipality.data?.name ?? code;
  return (
    <li className="tm-panel tm-choice">
      <Heading2 className="utrecht-heading-3">
        <AppLink href={`/gemeenten/${code}`}>{name}</AppLink>
      </Heading2>
      {municipality.data && (
        <Paragraph className="tm-muted">
          {municipality.data.province} · {t('municipality.sizeClass', { label: t(`sizeClasses.${municipality.data.sizeClass}`) })}
        </Paragraph>
      )}
      {summary ? (
        <>
          <Paragraph>{shareText(summary.share, summary.compliantCount, summary.landscapeCount)}</Paragraph>
          <Paragraph>
            <StatusLabel status={summary.status} />
          </Paragraph>
        </>
      ) : progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
      ) : (
        <Skeleton lines={1} />
      )}
      <Paragraph className="tm-actions">
        <AppLink href={`/gemeenten/${code}/inventaris`} aria-label={t('myMunicipalities.inventoryOf', { name })}>
          {t('municipality.inventoryLink')}
        </AppLink>
        <AppLink href={`/gemeenten/${code}/vergelijken`} aria-label={t('myMunicipalities.peersOf', { name })}>
          {t('municipality.peersLink')}
        </AppLink>
      </Paragraph>
    </li>
  );
}

/**
 * Where log-in leads when no other page asked for it: an editor of one municipality goes straight to it, an editor of
 * several chooses here (the header's switcher changes between them later), everyone else goes to the national page.
 */
export function MyMunicipalitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('myMunicipalities.title'));
  const session = useSession();
  if (session.isPending) return <Skeleton lines={4} />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to={`/inloggen?terug=${encodeURIComponent(MY_MUNICIPALITIES_PATH)}`} replace />;
  const codes = editedMunicipalities(session.data);
  if (codes.length === 0) return <Navigate to="/" replace />;
  if (codes.length === 1) return <Navigate to={`/gemeenten/${codes[0]}`} replace />;
  return (
    <>
      <Heading1>{t('myMunicipalities.title')}</Heading1>
      <Paragraph>{t('myMunicipalities.intro', { count: codes.length })}</Paragraph>
      <ul className="tm-choices">
        {codes.map((code) => (
          <MunicipalityCard key={code} code={code} />
        ))}
      </ul>
    </>
  );
}
