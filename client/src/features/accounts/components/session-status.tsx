import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { Button } from '@utrecht/component-library-react';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useLogOut, useSession } from '../api/session.ts';

/** The header's log-in state: who is logged in with a way out, or the way in. */
export function SessionStatus() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const session = useSession();
  const logOut = useLogOut();
  // From a page of its own the user comes back to it; from the home page they land where their role works.
  const here = pathname === '/' || pathname === '/inloggen' ? '' : `?terug=${encodeURIComponent(pathname + search)}`;
  if (!session.data) return <AppLink href={`/inloggen${here}`}>{t('app.login')}</AppLink>;
  return (
    <span className="tm-session">
      <span>{t('accounts.loggedInAs', { name: session.data.user.name })}</span>
      <Button appearance="subtle-button" busy={logOut.isPending} onClick={() => logOut.mutate(undefined, { onSettled: () => void navigate('/') })}>
        {t('accounts.logout')}
      </Button>
    </span>
  );
}
