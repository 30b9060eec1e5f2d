import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
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

/**
 * The frame's header. On a phone the tools, the navigation and the search fold behind a menu button, so that the
 * page's own heading is on the first screen instead of below half a metre of header; wider, everything shows.
 */
export function SiteHeader() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const toolsId = useId();
  const navigationId = useId();
  const other = i18n.language === 'en' ? 'nl' : 'en';
  const mine = editedMunicipalities(session.data);

  // Choosing a page in the menu takes the reader there with the menu folded again.
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <PageHeader className="tm-header" data-menu={menuOpen ? 'open' : 'closed'}>
      <div className="tm-header__top">
        <AppLink href="/" className="tm-header__brand">
          {t('app.name')}
        </AppLink>
        <Button
          appearance="subtle-button"
          className="tm-header__menu-toggle"
          aria-expanded={menuOpen}
          aria-controls={`${toolsId} ${navigationId}`}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('app.menu')}
        </Button>
        <div id={toolsId} className="tm-header__tools">
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
      <div id={navigationId} className="tm-header__bottom">
        <SiteNav />
        <MunicipalitySearch />
      </div>
    </PageHeader>
  );
}
