import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { LoginForm } from '../../features/accounts/components/login-form.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { MY_MUNICIPALITIES_PATH } from '../paths.ts';

/**
 * Only paths of this application are followed after logging in, never another site. Without one, the user lands
 * where their role works: an editor on their municipality (see MyMunicipalitiesPage).
 */
function safeReturn(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : MY_MUNICIPALITIES_PATH;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.login'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturn(params.get('terug'));
  return (
    <>
      <Heading1>{t('app.login')}</Heading1>
      <Paragraph>{t('accounts.intro')}</Paragraph>
      <LoginForm returnTo={returnTo} onLoggedIn={() => void navigate(returnTo)} />
    </>
  );
}
