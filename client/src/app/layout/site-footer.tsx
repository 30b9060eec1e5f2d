import { useTranslation } from 'react-i18next';
import { Heading2, Link, PageFooter, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { version } from '../../../package.json';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <PageFooter className="tm-footer">
      <Heading2 className="tm-footer__heading">{t('app.footer.sources')}</Heading2>
      <UnorderedList>
        <UnorderedListItem>{t('app.footer.cbs')}</UnorderedListItem>
        <UnorderedListItem>{t('app.footer.gemma')}</UnorderedListItem>
      </UnorderedList>
      <Paragraph>
        <Link href="/api/v1/docs">{t('app.footer.apiDocs')}</Link> · {t('app.footer.version', { version })}
      </Paragraph>
    </PageFooter>
  );
}
