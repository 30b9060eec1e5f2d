import { useTranslation } from 'react-i18next';
import { Button, PageHeader } from '@utrecht/component-library-react';
import { AppLink, AppNavLink } from '../../components/ui/router-link.tsx';
import { SessionStatus } from '../../features/accounts/components/session-status.tsx';
import { MunicipalitySearch } from '../../features/municipalities/components/municipality-search.tsx';
import { setLanguage } from '../../lib/i18n.ts';

export function SiteHeader() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'nl' : 'en';
  return (
    <PageHeader className="tm-header">
      <div className="tm-header__top">
        <AppLink href="/" className="tm-header__brand">
          {t('app.name')}
        </AppLink>
        <div className="tm-header__tools">
          <Button
            appearance="subtle-button"
            lang={other}
            aria-label={t('app.switchToLabel')}
            onClick={() => void setLanguage(other)}
          >
            {other.toUpperCase()}
          </Button>
          <SessionStatus />
        </div>
      </div>
      <div className="tm-header__bottom">
        <nav aria-label={t('app.nav.label')} className="tm-nav">
          <ul className="tm-nav__list">
            <li>
              <AppNavLink href="/" end className="tm-nav__link">
                {t('app.nav.national')}
              </AppNavLink>
            </li>
            <li>
              <AppNavLink href="/gemeenten" className="tm-nav__link">
                {t('app.nav.municipalities')}
              </AppNavLink>
            </li>
            <li>
              <AppNavLink href="/beheer" className="tm-nav__link">
                {t('app.nav.admin')}
              </AppNavLink>
            </li>
          </ul>
        </nav>
        <MunicipalitySearch />
      </div>
    </PageHeader>
  );
}
