import { useTranslation } from 'react-i18next';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { SignedInOnly } from '../../features/accounts/components/signed-in-only.tsx';
import { PreferencesPanel } from '../../features/notifications/components/preferences-panel.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { MY_SETTINGS_PATH } from '../paths.ts';

/** The signed-in user's own settings (the reminder mails link here). */
export function MySettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('preferences.pageTitle'));
  return (
    <>
      <Heading1>{t('preferences.pageTitle')}</Heading1>
      <SignedInOnly logIn={t('preferences.logIn')} returnTo={MY_SETTINGS_PATH}>
        {(session) => (
          <>
            <Paragraph>{t('preferences.signedInAs', { name: session.user.name, email: session.user.email })}</Paragraph>
            <PreferencesPanel />
          </>
        )}
      </SignedInOnly>
    </>
  );
}
