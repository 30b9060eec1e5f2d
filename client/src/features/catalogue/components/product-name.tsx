import { useTranslation } from 'react-i18next';
import { useProduct } from '../api/get-product.ts';
import { isProductId } from '../product-path.ts';

/** A product's name where only its id is at hand (breadcrumbs); "Product" until the name has loaded. */
export function ProductName({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data } = useProduct(id, { enabled: isProductId(id) });
  return <>{data?.name ?? t('catalogue.product.crumb')}</>;
}
