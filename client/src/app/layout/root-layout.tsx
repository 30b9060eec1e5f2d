import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router-dom';
import { Page, PageContent, SkipLink } from '@utrecht/component-library-react';
import { Skeleton } from '../../components/ui/query-state.tsx';
import { DemoBanner } from '../../features/about/components/DemoBanner.tsx';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';

export function RootLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After navigating, a screen reader user lands at the new page's content rather than the top of the header.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  return (
    <>
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <Page className="tm-page">
        <SiteHeader />
        <DemoBanner />
        <Breadcrumbs />
        <PageContent>
          <main id="main" ref={main} tabIndex={-1} className="tm-main">
            <Suspense fallback={<Skeleton lines={6} />}>
              <Outlet />
            </Suspense>
          </main>
        </PageContent>
        <SiteFooter />
      </Page>
    </>
  );
}
