import { useTranslation } from 'react-i18next';
import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { AppLink } from '../../components/ui/router-link.tsx';
import { useSession } from '../../features/accounts/api/session.ts';
import { useUsers } from '../../features/accounts/api/get-users.ts';
import { UsersTable } from '../../features/accounts/components/users-table.tsx';
import { useMunicipalities } from '../../features/municipalities/api/get-municipalities.ts';
import { MunicipalityTable } from '../../features/municipalities/components/municipality-table.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

export function AdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.nav.admin'));
  const session = useSession();
  const isAdmin = session.data?.user.role === 'admin';
  const users = useUsers(isAdmin);
  const municipalities = useMunicipalities();
  return (
    <>
      <Heading1>{t('app.nav.admin')}</Heading1>
      {!isAdmin && (
        <Alert type="info">
          <Paragraph>
            {session.data ? t('admin.adminOnly') : <AppLink href="/inloggen?terug=/beheer">{t('admin.loginAsAdmin')}</AppLink>}
          </Paragraph>
        </Alert>
      )}
      {isAdmin && (
        <section className="tm-panel" aria-labelledby="users">
          <Heading2 id="users">{t('admin.users')}</Heading2>
          {users.isPending ? <Skeleton /> : users.isError ? <ErrorState error={users.error} onRetry={() => void users.refetch()} /> : <UsersTable users={users.data.items} />}
        </section>
      )}
      <section className="tm-panel" aria-labelledby="register">
        <Heading2 id="register">{t('admin.register')}</Heading2>
        {municipalities.isPending ? (
          <Skeleton lines={8} />
        ) : municipalities.isError ? (
          <ErrorState error={municipalities.error} onRetry={() => void municipalities.refetch()} />
        ) : (
          <MunicipalityTable items={municipalities.data.items} query="" caption={t('admin.register')} />
        )}
      </section>
    </>
  );
}
