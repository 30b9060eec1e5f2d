import { useTranslation } from 'react-i18next';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../../components/ui/router-link.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFound.title'));
  return (
    <>
      <Heading1>{t('app.notFound.title')}</Heading1>
      <Paragraph>
        {t('app.notFound.body')} <AppLink href="/">{t('app.notFound.link')}</AppLink>.
      </Paragraph>
    </>
  );
}
