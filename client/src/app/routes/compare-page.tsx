import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { useMunicipality } from '../../features/municipalities/api/get-municipality.ts';
import { usePeerGroups } from '../../features/peers/api/get-peer-groups.ts';
import { usePeers } from '../../features/peers/api/get-peers.ts';
import { GroupPicker } from '../../features/peers/components/group-picker.tsx';
import { PeersOverview } from '../../features/peers/components/peers-overview.tsx';
import { MeasureControls } from '../../features/progress/components/measure-controls.tsx';
import { useProgressParams } from '../../features/progress/hooks/use-progress-params.ts';
import { AppLink } from '../../components/ui/router-link.tsx';
import { ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useSearchParam } from '../../lib/use-search-param.ts';

export function ComparePage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const [group, setGroup] = useSearchParam('groep', 'sizeClass');
  const { measure, setMeasure } = useProgressParams();
  const municipality = useMunicipality(code);
  const name = municipality.data?.name ?? code;
  usePageTitle(t('peers.title', { name }));
  const peers = usePeers(code, group, measure);
  const savedGroups = usePeerGroups();
  if (municipality.isError) return <ErrorState error={municipality.error} notFound={t('municipality.notFound', { code })} />;
  return (
    <>
      <Heading1>{t('peers.title', { name })}</Heading1>
      <Paragraph>{t('peers.intro', { name })}</Paragraph>
      <div className="tm-toolbar">
        <GroupPicker value={group} savedGroups={savedGroups.data?.items ?? []} onChange={setGroup} />
        <MeasureControls measure={measure} onMeasure={setMeasure} />
      </div>
      {peers.isPending ? (
        <Skeleton lines={10} />
      ) : peers.isError && peers.error instanceof ApiError && peers.error.status === 401 ? (
        <Alert type="info">
          <Paragraph>
            <AppLink href={`/inloggen?terug=${encodeURIComponent(`/gemeenten/${code}/vergelijken`)}`}>{t('peers.loginToCompare')}</AppLink>
          </Paragraph>
        </Alert>
      ) : peers.isError ? (
        <ErrorState error={peers.error} onRetry={() => void peers.refetch()} />
      ) : (
        <PeersOverview peers={peers.data} />
      )}
    </>
  );
}
