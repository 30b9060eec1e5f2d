import { useTranslation } from 'react-i18next';
import { Heading1, Link, Paragraph } from '@utrecht/component-library-react';

/** The last resort when a screen fails to load or render (for instance a chunk missing after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main" className="tm-main">
      <Heading1>{t('app.routeError.title')}</Heading1>
      <Paragraph>{t('app.routeError.body')}</Paragraph>
      <Paragraph>
        <Link href="/">{t('app.notFound.link')}</Link>
      </Paragraph>
    </main>
  );
}
