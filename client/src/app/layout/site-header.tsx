import { useTranslation } from 'react-i18next';
import { Button, PageHeader } from '@utrecht/component-library-react';
import { AppLink } from '../../components/ui/router-link.tsx';
import { editedMunicipalities, useSession } from '../../features/accounts/api/session.ts';
import { SessionStatus } from '../../features/accounts/components/session-status.tsx';
import { MunicipalitySearch } from '../../features/municipalities/components/municipality-search.tsx';
import { setLanguage } from '../../lib/i18n.ts';
import { MunicipalitySwitcher } from './municipality-switcher.tsx';
import { API_TOKENS_PATH } from '../paths.ts';
import { PrintDate } from './print-date.tsx';
import { SiteNav } from './site-nav.tsx';

export function SiteHeader() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const other = i18n.language === 'en' ? 'nl' : 'en';
  const mine = editedMunicipalities(session.data);
  return (
    <PageHeader className="tm-header">
      <div className="tm-header__top">
        <AppLink href="/" className="tm-header__brand">
          {t('app.name')}
        </AppLink>
        <div className="tm-header__tools">
          {mine.length > 1 && <MunicipalitySwitcher codes={mine} />}
          {/* The other language's name in that language: its visible words are its whole accessible name (WCAG 2.5.3). */}
          <Button appearance="subtle-button" lang={other} onClick={() => void setLanguage(other)}>
            {t('app.switchTo')}
          </Button>
          {session.data && <AppLink href={API_TOKENS_PATH}>{t('apiTokens.headerLink')}</AppLink>}
          <SessionStatus />
        </div>
        <PrintDate />
      </div>
      <div className="tm-header__bottom">
        <SiteNav />
        <MunicipalitySearch />
      </div>
    </PageHeader>
  );
}
