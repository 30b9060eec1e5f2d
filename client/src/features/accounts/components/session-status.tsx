import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button } from '@utrecht/component-library-react';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useLogOut, useSession } from '../api/session.ts';

/** The header's log-in state: who is logged in with a way out, or the way in. */
export function SessionStatus() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const logOut = useLogOut();
  if (!session.data) return <AppLink href="/inloggen">{t('app.login')}</AppLink>;
  return (
    <span className="tm-session">
      <span>{t('accounts.loggedInAs', { name: session.data.user.name })}</span>
      <Button appearance="subtle-button" busy={logOut.isPending} onClick={() => logOut.mutate(undefined, { onSettled: () => void navigate('/') })}>
        {t('accounts.logout')}
      </Button>
    </span>
  );
}
