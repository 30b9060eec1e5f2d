import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { AssessmentLevel } from '@tm/shared/schemas/assessment';
import type { Product } from '@tm/shared/schemas/product';
import { VersionSection } from './version-section.tsx';
import { VersionsTable } from './versions-table.tsx';

type Props = { product: Product; assessLevel: AssessmentLevel | null; returnTo: string };

/** A product's versions: side by side in a table, then each on its own with its judgements and users. */
export function ProductVersions({ product, assessLevel, returnTo }: Props) {
  const { t } = useTranslation();
  return (
    <section className="tm-panel" aria-labelledby="product-versions">
      <Heading2 id="product-versions">{t('catalogue.versions.title')}</Heading2>
      {product.versions.length === 0 ? (
        <Paragraph>{t(product.mergedInto ? 'catalogue.versions.moved' : 'catalogue.versions.none')}</Paragraph>
      ) : (
        <>
          <VersionsTable versions={product.versions} caption={t('catalogue.versions.caption', { name: product.name })} />
          {assessLevel && <Paragraph>{t(`catalogue.assess.intro.${assessLevel}`)}</Paragraph>}
          {product.versions.map((v) => (
            <VersionSection key={v.id} version={v} assessLevel={assessLevel} returnTo={returnTo} />
          ))}
        </>
      )}
    </section>
  );
}
