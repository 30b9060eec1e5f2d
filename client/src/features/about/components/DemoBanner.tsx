import { useTranslation } from 'react-i18next';
import { useAbout } from '../api/get-about.ts';

/**
 * Says on every screen that the figures are the fictional demo landscape, so nobody takes them for real. A named
 * region, so that screen-reader users find it among the page's landmarks like everything else on the page.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const { data } = useAbout();
  if (!data?.demo) return null;
  return (
    <section aria-label={t('app.demoBannerLabel')} className="tm-demo-banner">
      <p>{t('app.demoBanner')}</p>
    </section>
  );
}
