import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import type { Session } from '@tm/shared/schemas/account';
import { Skeleton } from '../../components/ui/query-state.tsx';
import { editedMunicipalities, isAdmin } from '../../features/accounts/api/session.ts';
import { SignedInOnly } from '../../features/accounts/components/signed-in-only.tsx';
import { useMunicipalities } from '../../features/municipalities/api/get-municipalities.ts';
import { SubscriptionsPanel } from '../../features/subscriptions/components/subscriptions-panel.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { SUBSCRIPTIONS_PATH } from '../paths.ts';

/** Editors subscribe for their own municipalities, admins for any (PRODUCT §11); other roles are told so. */
function Subscriptions({ session }: { session: Session }) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const admin = isAdmin(session);
  const mine = editedMunicipalities(session);
  const choices = useMemo(
    () =>
      (municipalities.data?.items ?? [])
        .filter((m) => admin || mine.includes(m.code))
        .map((m) => ({ value: m.code, label: m.name, description: m.province })),
    [municipalities.data, admin, mine],
  );
  if (!admin && mine.length === 0)
    return (
      <Alert type="warning">
        <Paragraph>{t('subscriptions.editorsOnly')}</Paragraph>
      </Alert>
    );
  // The names of the municipalities come with the register; without it the form offers none to choose.
  if (municipalities.isPending) return <Skeleton />;
  return <SubscriptionsPanel municipalities={choices} admin={admin} />;
}

/** Meldingen (PRODUCT §11): webhook subscriptions with their deliveries. */
export function SubscriptionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('subscriptions.title'));
  return (
    <>
      <Heading1>{t('subscriptions.title')}</Heading1>
      <Paragraph>{t('subscriptions.intro')}</Paragraph>
      <SignedInOnly logIn={t('subscriptions.logIn')} returnTo={SUBSCRIPTIONS_PATH}>
        {(session) => <Subscriptions session={session} />}
      </SignedInOnly>
    </>
  );
}
