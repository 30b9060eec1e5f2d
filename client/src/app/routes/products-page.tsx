import { useTranslation } from 'react-i18next';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { ProductResults } from '../../features/catalogue/components/product-results.tsx';
import { ProductSearch } from '../../features/catalogue/components/product-search.tsx';
import { useProductListParams } from '../../features/catalogue/hooks/use-product-list-params.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

/** Producten (PRODUCT §9): the catalogue, searched roughly, by users or by name, each version with its verdict. */
export function ProductsPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalogue.title'));
  const params = useProductListParams();
  return (
    <>
      <Heading1>{t('catalogue.title')}</Heading1>
      <Paragraph>{t('catalogue.intro')}</Paragraph>
      <ProductSearch q={params.q} order={params.order} onSearch={params.search} onOrder={params.setOrder} />
      <ProductResults />
    </>
  );
}
