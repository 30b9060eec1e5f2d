import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { Product } from '@tm/shared/schemas/product';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useFormat } from '../../../lib/format.ts';
import { productPath } from '../product-path.ts';

/** What municipalities replaced this product with (`replacedBy` of their retired applications), most first. */
export function ProductReplacements({ product }: { product: Product }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="tm-panel" aria-labelledby="product-replacements">
      <Heading2 id="product-replacements">{t('catalogue.replacements.title')}</Heading2>
      {product.replacedBy.length === 0 ? (
        <Paragraph>{t('catalogue.replacements.none')}</Paragraph>
      ) : (
        <UnorderedList>
          {product.replacedBy.map((r) => (
            <UnorderedListItem key={r.id}>
              <AppLink href={productPath(r.id)}>{r.name}</AppLink>
              {r.vendor && ` (${r.vendor})`}
              {': '}
              {t('catalogue.replacements.by', {
                count: r.municipalityCount,
                municipalities: f.integer(r.municipalityCount),
                applications: t('catalogue.applicationCount', { count: r.applicationCount, formatted: f.integer(r.applicationCount) }),
              })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
