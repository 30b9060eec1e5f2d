import { useTranslation } from 'react-i18next';
import type { ProductDuplicate } from '@tm/shared/schemas/product';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useFormat } from '../../../lib/format.ts';
import { productPath } from '../product-path.ts';

type Candidate = ProductDuplicate['products'][number];

/** One of a pair of possible duplicates: its page, its vendor and how many run it, so the steward sees which stays. */
export function DuplicateProduct({ product }: { product: Candidate }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <AppLink href={productPath(product.id)}>{product.name}</AppLink>
      <br />
      <span className="tm-muted">
        {product.vendor ?? t('catalogue.noVendor')} ·{' '}
        {t('catalogueWork.duplicates.usage', {
          count: product.municipalityCount,
          municipalities: f.integer(product.municipalityCount),
          applications: t('catalogue.applicationCount', { count: product.applicationCount, formatted: f.integer(product.applicationCount) }),
        })}
      </span>
    </>
  );
}
