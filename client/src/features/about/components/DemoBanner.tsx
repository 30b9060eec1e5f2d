import { useTranslation } from 'react-i18next';
import { useAbout } from '../api/get-about.ts';

/** Says on every screen that the figures are the fictional demo landscape, so nobody takes them for real. */
export function DemoBanner() {
  const { t } = useTranslation();
  const { data } = useAbout();
  if (!data?.demo) return null;
  return (
    <p role="note" className="tm-demo-banner">
      {t('app.demoBanner')}
    </p>
  );
}
