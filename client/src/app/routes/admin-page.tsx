import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { AppLink } from '../../components/ui/router-link.tsx';
import { useSession } from '../../features/accounts/api/session.ts';
import { EveryonesApiTokensPanel } from '../../features/accounts/components/everyones-api-tokens-panel.tsx';
import { UsersPanel } from '../../features/accounts/components/users-panel.tsx';
import { AuditPanel } from '../../features/audit/components/audit-panel.tsx';
import { useMunicipalities } from '../../features/municipalities/api/get-municipalities.ts';
import { MergersPanel } from '../../features/register/components/mergers-panel.tsx';
import { RegisterTable } from '../../features/register/components/register-table.tsx';
import { SettingsPanel } from '../../features/settings/components/settings-panel.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

/** Anonymous visitors are offered the log-in that brings them back here; others are told who may enter. */
function NoAccess({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert type="warning">
      <Heading2>{t('admin.noAccess')}</Heading2>
      <Paragraph>{signedIn ? t('admin.adminOnly') : <AppLink href="/inloggen?terug=/beheer">{t('admin.loginAsAdmin')}</AppLink>}</Paragraph>
    </Alert>
  );
}

/** Beheer (PRODUCT §4.5): one panel per task, for admins only. */
export function AdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.nav.admin'));
  const session = useSession();
  const municipalities = useMunicipalities();
  const choices = useMemo(
    () => (municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: m.name, description: m.province })),
    [municipalities.data],
  );
  const isAdmin = session.data?.user.role === 'admin';
  return (
    <>
      <Heading1>{t('app.nav.admin')}</Heading1>
      {session.isPending ? (
        <Skeleton />
      ) : session.isError ? (
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      ) : !isAdmin ? (
        <NoAccess signedIn={Boolean(session.data)} />
      ) : (
        <>
          <UsersPanel municipalities={choices} />
          <EveryonesApiTokensPanel />
          <SettingsPanel />
          <AuditPanel municipalities={choices} />
          <RegisterTable />
          <MergersPanel municipalities={choices} />
        </>
      )}
    </>
  );
}
