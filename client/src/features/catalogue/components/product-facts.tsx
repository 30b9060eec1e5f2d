import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { Product } from '@tm/shared/schemas/product';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useFormat } from '../../../lib/format.ts';
import { productPath } from '../product-path.ts';

const spelled = (p: { vendor: string | null; name: string }) => (p.vendor ? `${p.name} (${p.vendor})` : p.name);

/** Who makes the product, the other spellings that lead here, and, for one merged away, where it went. */
export function ProductFacts({ product }: { product: Product }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      {product.mergedInto && (
        <Alert type="info">
          <Paragraph>
            {t('catalogue.product.mergedInto', { date: f.date(product.mergedInto.mergedAt) })}{' '}
            <AppLink href={productPath(product.mergedInto.product.id)}>{spelled(product.mergedInto.product)}</AppLink>
          </Paragraph>
        </Alert>
      )}
      <dl className="tm-facts">
        <dt>{t('catalogue.columns.vendor')}</dt>
        <dd>{product.vendor ?? t('catalogue.noVendor')}</dd>
        {product.aliases.length > 0 && (
          <>
            <dt>{t('catalogue.product.aliases')}</dt>
            <dd>{f.list(product.aliases.map(spelled))}</dd>
          </>
        )}
        <dt>{t('catalogue.product.since')}</dt>
        <dd>{f.date(product.createdAt)}</dd>
      </dl>
    </>
  );
}
