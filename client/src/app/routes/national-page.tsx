import { useTranslation } from 'react-i18next';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../../components/ui/router-link.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

export function NationalPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.nav.national'));
  return (
    <>
      <Heading1>{t('app.nav.national')}</Heading1>
      <Paragraph>
        <AppLink href="/gemeenten">{t('app.nav.municipalities')}</AppLink>
      </Paragraph>
    </>
  );
}
